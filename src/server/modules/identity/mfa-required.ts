import type { Services } from '../../context';
import { identityRepository } from './repository';

/** Whether one of the person's roles requires MFA at this institution (PEERKRACHT_MFA_REQUIRED_ROLES). */
export async function holdsRequiredRole(services: Services, personId: string): Promise<boolean> {
  const required = services.config.signIn.mfa.requiredRoles;
  if (required.length === 0) return false;
  const grants = await identityRepository(services.db).grants(personId);
  return grants.some((grant) => required.includes(grant.role));
}
