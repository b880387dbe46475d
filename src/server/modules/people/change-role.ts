/**
 * Granting and revoking a role, and setting what belongs to it (a leercoach's classes, whom a
 * senior coach supervises). The access policy has already decided that the actor may do this at
 * this scope (`role:grant` / `role:revoke` on the `roleGrant` resource); here the change is made
 * and recorded in one transaction, so a refused change leaves nothing behind.
 *
 * Concurrency: a second grant of a role already held (two coordinators clicking at once) is
 * refused with 409 `role_already_held`, a second revoke with 409 `role_not_held` — not silently
 * accepted, so each actor learns their click did nothing and no duplicate history is written.
 */
import type { Actor } from '../../../domain/access/policy';
import type { Role } from '../../../domain/access/roles';
import type { Db } from '../../db/client';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { actingAs } from './acting-as';
import { peopleRepository, type PeopleRepository } from './repository';

export type RoleTarget = { personId: string; institutionId: string; role: Role; programmeId: string | null };
export type RoleDetails = { classIds?: string[] | undefined; supervisedIds?: string[] | undefined };

type ChangeOptions = { services: Services; actor: Actor; target: RoleTarget; reason: string };

/** Applies the details that belong to the role; returns what to record in the history. */
async function applyDetails(repo: PeopleRepository, target: RoleTarget, details: RoleDetails): Promise<{ kind: 'classesChanged' | 'supervisionChanged'; details: Record<string, unknown> } | null> {
  if (target.programmeId === null) return null;
  if (target.role === 'leercoach' && details.classIds) {
    const classIds = [...new Set(details.classIds)];
    const available = await repo.classesOfProgramme(target.programmeId);
    const chosen = available.filter((c) => classIds.includes(c.id));
    if (chosen.length !== classIds.length) throw new AppError('class_not_in_programme');
    await repo.setClassesLedBy(target.personId, target.programmeId, classIds);
    return { kind: 'classesChanged', details: { classCodes: chosen.map((c) => c.code) } };
  }
  if (target.role === 'seniorcoach' && details.supervisedIds) {
    const supervisedIds = [...new Set(details.supervisedIds)];
    const coaches = await repo.coachesOfProgramme(target.programmeId);
    const valid = supervisedIds.every((id) => id !== target.personId && coaches.some((c) => c.id === id));
    if (!valid) throw new AppError('supervision_not_a_coach');
    await repo.setSupervised(target.personId, target.programmeId, supervisedIds);
    return { kind: 'supervisionChanged', details: { supervisedIds } };
  }
  return null;
}

function inTransaction<T>(services: Services, institutionId: string, work: (repo: PeopleRepository, tx: Db) => Promise<T>): Promise<T> {
  return services.db.transaction(async (tx) => {
    const repo = peopleRepository(tx);
    await repo.lockInstitution(institutionId);
    return work(repo, tx);
  });
}

export async function grantRole({ services, actor, target, reason, details }: ChangeOptions & { details: RoleDetails }): Promise<void> {
  await inTransaction(services, target.institutionId, async (repo) => {
    if (!(await repo.insertGrant(target))) throw new AppError('role_already_held');
    const applied = await applyDetails(repo, target, details);
    await repo.recordEvent({ ...target, actorId: actor.personId, actorRole: actingAs(actor), kind: 'granted', reason, details: applied?.details ?? {}, at: services.now() });
  });
}

/** Sets a held role's classes or supervised coaches (the role itself stays). */
export async function setRoleDetails({ services, actor, target, reason, details }: ChangeOptions & { details: RoleDetails }): Promise<void> {
  await inTransaction(services, target.institutionId, async (repo) => {
    if (!(await repo.holdsGrant(target))) throw new AppError('role_not_held');
    const applied = await applyDetails(repo, target, details);
    if (applied) await repo.recordEvent({ ...target, actorId: actor.personId, actorRole: actingAs(actor), kind: applied.kind, reason, details: applied.details, at: services.now() });
  });
}

/**
 * Revokes a role. What hangs on it in that programme goes with it: a senior coach's supervision
 * group, a leercoach's classes. The institution's last active beheerder cannot be revoked.
 */
export async function revokeRole({ services, actor, target, reason }: ChangeOptions): Promise<void> {
  await inTransaction(services, target.institutionId, async (repo) => {
    if (target.role === 'beheerder' && (await repo.otherActiveBeheerders(target.institutionId, target.personId)) === 0) {
      throw new AppError('last_beheerder');
    }
    if (!(await repo.deleteGrant(target))) throw new AppError('role_not_held');
    if (target.programmeId !== null && target.role === 'seniorcoach') await repo.setSupervised(target.personId, target.programmeId, []);
    if (target.programmeId !== null && target.role === 'leercoach') await repo.setClassesLedBy(target.personId, target.programmeId, []);
    await repo.recordEvent({ ...target, actorId: actor.personId, actorRole: actingAs(actor), kind: 'revoked', reason, at: services.now() });
  });
}
