import type { z } from 'zod';
import type { HeldRole, MyRolesResponse, PersonDetail, RoleEvent } from '../../../contracts/people';
import type { AccountStatus } from '../../../contracts/people';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import { peopleRepository, type AccountFacts, type PeopleRepository } from './repository';

export const statusOf = (facts: AccountFacts): AccountStatus => (facts.deactivatedAt ? 'deactivated' : facts.activated ? 'active' : 'notActivated');

/** A person's roles, each with its classes (leercoach) or supervised coaches (seniorcoach) in that programme. */
async function heldRolesOf(repo: PeopleRepository, personId: string): Promise<z.infer<typeof HeldRole>[]> {
  const [grants, led, supervised] = await Promise.all([repo.grantsOf([personId]), repo.classesLedBy(personId), repo.supervisedBy(personId)]);
  return grants.map((g) => ({
    role: g.role,
    programmeId: g.programmeId,
    since: g.createdAt.toISOString(),
    classes: g.role === 'leercoach' ? led.filter((c) => c.programmeId === g.programmeId).map(({ id, code, academicYear, month }) => ({ id, code, academicYear, month })) : [],
    supervised: g.role === 'seniorcoach' ? supervised.filter((s) => s.programmeId === g.programmeId).map(({ id, firstName, lastName }) => ({ id, firstName, lastName })) : [],
  }));
}

/**
 * The history as the person (and those who manage them) see it: what changed, when, why, and who
 * did it by name and the role they acted as — staff act in their office, so the person may know
 * who. Supervised coaches are counted, not named: that list is about other people.
 */
async function historyOf(repo: PeopleRepository, personId: string): Promise<z.infer<typeof RoleEvent>[]> {
  const rows = await repo.history(personId);
  return rows.map((row) => {
    const details = (row.details ?? {}) as { classCodes?: unknown; supervisedIds?: unknown };
    return {
      id: row.id,
      kind: row.kind,
      role: row.role,
      programmeId: row.programmeId,
      reason: row.reason,
      at: row.at.toISOString(),
      actor: row.actorFirstName !== null && row.actorLastName !== null ? { firstName: row.actorFirstName, lastName: row.actorLastName, role: row.actorRole } : null,
      classCodes: Array.isArray(details.classCodes) ? details.classCodes.filter((c): c is string => typeof c === 'string') : [],
      supervisedCount: Array.isArray(details.supervisedIds) ? details.supervisedIds.length : null,
    };
  });
}

/** One person as a beheerder or coordinator manages them: account state, roles and history. */
export async function readPerson(services: Services, personId: string): Promise<z.infer<typeof PersonDetail>> {
  const repo = peopleRepository(services.db);
  const person = await repo.person(personId);
  if (!person) throw notFound();
  const [heldRoles, history, programmes] = await Promise.all([heldRolesOf(repo, personId), historyOf(repo, personId), repo.programmesOf(person.institutionId)]);
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    studentNumber: person.studentNumber,
    locale: person.locale === 'en' ? 'en' : 'nl',
    status: statusOf(person),
    deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
    roles: heldRoles.map(({ role, programmeId }) => ({ role, programmeId })),
    heldRoles,
    history,
    programmes,
  };
}

/** "Mijn rollen": the signed-in person's own roles and their history. */
export async function readMyRoles(services: Services, personId: string, institutionId: string): Promise<z.infer<typeof MyRolesResponse>> {
  const repo = peopleRepository(services.db);
  const [heldRoles, history, programmes] = await Promise.all([heldRolesOf(repo, personId), historyOf(repo, personId), repo.programmesOf(institutionId)]);
  return { heldRoles, history, programmes };
}
