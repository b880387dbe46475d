import type { z } from 'zod';
import type { FindPeopleResponse } from '../../../contracts/people';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { statusOf } from './read-person';
import { PAGE_SIZE, peopleRepository, type SearchScope } from './repository';

export type FindPeopleOptions = { services: Services; actor: Actor; q: string; page: number };

/**
 * Searches the institution's people by name, e-mail or student number, a page at a time. A
 * beheerder finds everyone; a coordinator the staff and the students of their own programmes.
 */
export async function findPeople({ services, actor, q, page }: FindPeopleOptions): Promise<z.infer<typeof FindPeopleResponse>> {
  const repo = peopleRepository(services.db);
  const beheerder = actor.grants.some((g) => g.role === 'beheerder' && g.programmeId === null && g.institutionId === actor.institutionId);
  const coordinated = actor.grants.filter((g) => g.role === 'coordinator' && g.institutionId === actor.institutionId);
  const scope: SearchScope = {
    institutionId: actor.institutionId,
    studentsOfProgrammes: beheerder || coordinated.some((g) => g.programmeId === null) ? 'all' : coordinated.map((g) => g.programmeId).filter((id): id is string => id !== null),
  };
  const { rows, total } = await repo.search(scope, q, page);
  const grants = await repo.grantsOf(rows.map((r) => r.id));
  return {
    people: rows.map((row) => ({
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      studentNumber: row.studentNumber,
      status: statusOf(row),
      roles: grants.filter((g) => g.personId === row.id).map((g) => ({ role: g.role, programmeId: g.programmeId })),
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}
