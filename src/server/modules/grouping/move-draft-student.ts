/** Moves one student to another community of a draft; the figures are recomputed on the answer. */
import { and, eq } from 'drizzle-orm';
import type { GroupingRunResponse, MoveStudentRequest } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { groupingRuns } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { presentRun, type StoredCommunity } from './present-run';
import { runById } from './repository';

export type MoveDraftStudentOptions = { services: Services; actor: Actor; runId: string; move: MoveStudentRequest; locale: 'nl' | 'en' };

export async function moveDraftStudent({ services, actor, runId, move, locale }: MoveDraftStudentOptions): Promise<GroupingRunResponse> {
  const run = await runById(services.db, runId);
  if (!run) throw new AppError('not_found');
  if (run.status !== 'draft') throw new AppError('grouping_not_draft', 'run is not a draft');
  if (run.version !== move.version) throw new AppError('conflict', 'stale grouping run version');
  const assignment = { ...(run.assignment as Record<string, number>) };
  if (assignment[move.studentId] === undefined) throw new AppError('validation_failed', 'student not in the draft', {}, [{ path: 'studentId', message: 'not_in_draft' }]);
  if (move.toCommunity >= (run.communities as StoredCommunity[]).length) throw new AppError('validation_failed', 'no such community', {}, [{ path: 'toCommunity', message: 'no_such_community' }]);
  assignment[move.studentId] = move.toCommunity;
  const [updated] = await services.db
    .update(groupingRuns)
    .set({ assignment, version: run.version + 1 })
    .where(and(eq(groupingRuns.id, runId), eq(groupingRuns.version, move.version), eq(groupingRuns.status, 'draft')))
    .returning();
  if (!updated) throw new AppError('conflict', 'grouping run changed meanwhile');
  return presentRun(services, actor.institutionId, updated, locale);
}
