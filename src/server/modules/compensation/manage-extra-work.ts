/**
 * Work the system cannot see (#17 item 2): the coach adds it with a reason; their senior coach or
 * the coordinator approves or rejects it. An approval lands on the month's statement while it is
 * still open (a confirmed one goes back to open, so the coach sees and confirms it again); a month
 * already approved takes no more extra work.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { compensationExtraWork, compensationStatements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { generateStatements } from './generate-statements';

async function refuseClosedMonth(services: Services, coachId: string, month: string, closed: readonly string[]) {
  const [statement] = await services.db
    .select({ id: compensationStatements.id })
    .from(compensationStatements)
    .where(and(eq(compensationStatements.coachPersonId, coachId), eq(compensationStatements.month, month), inArray(compensationStatements.status, [...closed])));
  if (statement) throw new AppError('statement_closed');
}

export async function addExtraWork(options: { services: Services; institutionId: string; programmeId: string; coachId: string; date: string; minutes: number; reason: string }): Promise<{ id: string }> {
  const { services } = options;
  const today = zonedParts(services.now()).date;
  if (options.date > today) throw new AppError('validation_failed', 'extra work in the future', {}, [{ path: 'date', message: 'invalid' }]);
  await refuseClosedMonth(services, options.coachId, options.date.slice(0, 7), ['confirmed', 'disputed', 'approved']);
  const [row] = await services.db
    .insert(compensationExtraWork)
    .values({ institutionId: options.institutionId, programmeId: options.programmeId, coachPersonId: options.coachId, workedOn: options.date, minutes: options.minutes, reason: options.reason })
    .returning({ id: compensationExtraWork.id });
  return { id: row!.id };
}

export async function decideExtraWork(options: { services: Services; actorId: string; extraWorkId: string; decision: 'approve' | 'reject'; note?: string }): Promise<void> {
  const { services } = options;
  const [work] = await services.db.select().from(compensationExtraWork).where(eq(compensationExtraWork.id, options.extraWorkId));
  if (!work) throw new AppError('not_found');
  const month = work.workedOn.slice(0, 7);
  if (options.decision === 'approve') await refuseClosedMonth(services, work.coachPersonId, month, ['approved', 'disputed']);
  const decided = await services.db
    .update(compensationExtraWork)
    .set({ status: options.decision === 'approve' ? 'approved' : 'rejected', decidedById: options.actorId, decidedAt: services.now(), decisionNote: options.note?.trim() || null })
    .where(and(eq(compensationExtraWork.id, work.id), eq(compensationExtraWork.status, 'pending')))
    .returning({ id: compensationExtraWork.id });
  if (decided.length === 0) throw new AppError('extra_work_already_decided');
  if (options.decision !== 'approve') return;
  // A statement of that month exists: reopen a confirmed one and recompute it with this work.
  await services.db
    .update(compensationStatements)
    .set({ status: 'open', confirmedAt: null })
    .where(and(eq(compensationStatements.coachPersonId, work.coachPersonId), eq(compensationStatements.month, month), eq(compensationStatements.status, 'confirmed')));
  const [statement] = await services.db
    .select({ id: compensationStatements.id })
    .from(compensationStatements)
    .where(and(eq(compensationStatements.coachPersonId, work.coachPersonId), eq(compensationStatements.month, month)));
  if (statement) await generateStatements({ services, institutionId: work.institutionId, month, coachIds: [work.coachPersonId] });
}
