import type { Actor } from '../../../domain/access/policy';
import type { Role } from '../../../domain/access/roles';

/** The role an actor manages people as, recorded with each change and shown to the person. */
export function actingAs(actor: Actor): Role | null {
  if (actor.grants.some((g) => g.role === 'beheerder' && g.programmeId === null && g.institutionId === actor.institutionId)) return 'beheerder';
  if (actor.grants.some((g) => g.role === 'coordinator')) return 'coordinator';
  return null;
}
