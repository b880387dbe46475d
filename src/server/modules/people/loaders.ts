/** Resource loaders of the people routes: what the access policy decides on (null: not found). */
import type { FastifyRequest } from 'fastify';
import { RoleScopeParams } from '../../../contracts/people';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { peopleRepository } from './repository';

const personIdOf = (request: FastifyRequest): string | null => {
  const parsed = RoleScopeParams.pick({ personId: true }).safeParse(request.params);
  return parsed.success ? parsed.data.personId : null;
};

export const directoryOf = async (request: FastifyRequest): Promise<Resource | null> =>
  request.signedIn ? { kind: 'peopleDirectory', institutionId: request.signedIn.actor.institutionId } : null;

export const personParam = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const personId = personIdOf(request);
  if (!personId) return null;
  const repo = peopleRepository(services.db);
  const person = await repo.person(personId);
  if (!person) return null;
  const [programmeIds, grants] = await Promise.all([repo.programmeTies(personId), repo.grantsOf([personId])]);
  return {
    kind: 'person',
    institutionId: person.institutionId,
    personId,
    programmeIds,
    isStudent: grants.some((g) => g.role === 'coachee' || g.role === 'studentcoach'),
  };
};

/** The role at the scope in the URL (`/roles/:role/scopes/:scope`), of a person of the given institution. */
export const roleGrantParams = async (request: FastifyRequest, services: Services): Promise<Resource | null> => {
  const parsed = RoleScopeParams.safeParse(request.params);
  if (!parsed.success) return null;
  const { personId, role, scope } = parsed.data;
  const repo = peopleRepository(services.db);
  const person = await repo.person(personId);
  if (!person) return null;
  const programmeId = scope === 'institution' ? null : scope;
  if (programmeId !== null && !(await repo.programmesOf(person.institutionId)).some((p) => p.id === programmeId)) return null;
  return { kind: 'roleGrant', institutionId: person.institutionId, holderId: personId, role, programmeId };
};
