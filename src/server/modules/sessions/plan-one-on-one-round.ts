/**
 * Plan a round of one-on-ones (individual coaching, #21 item 3): one per coachee of the caseload
 * on the chosen day, one after another from the start time with a break between, in Amsterdam
 * time. Coachees who already have a one-on-one with this coach in that week are skipped. The
 * caseload row is locked, so a double click plans the round once and the second answers 409.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanRoundRequest } from '../../../contracts/caseloads';
import { hasMeetingLink } from '../../../domain/sessions/session-mode';
import { addDays, weekdayOf, zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { communities, sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { scheduleSessionReminders } from './schedule-reminders';

type Request = z.output<typeof PlanRoundRequest>;

export async function planOneOnOneRound({ services, community, request }: { services: Services; community: CommunityResource; request: Request }) {
  if (community.communityKind !== 'caseload') throw new AppError('validation_failed', 'not a caseload', {}, [{ path: 'date', message: 'round_caseload_only' }]);
  if (!community.coachId) throw new AppError('validation_failed', 'caseload without coach', {}, [{ path: 'date', message: 'round_caseload_only' }]);
  const coachId = community.coachId;
  const step = (request.durationMinutes + request.breakMinutes) * 60_000;
  const first = zonedToInstant(request.date, request.startTime);
  const monday = addDays(request.date, 1 - weekdayOf(request.date));
  const weekFrom = zonedToInstant(monday, '00:00');
  const weekTo = zonedToInstant(addDays(monday, 7), '00:00');
  const now = services.now();
  if (first.getTime() <= now.getTime()) throw new AppError('validation_failed', 'round in the past', {}, [{ path: 'date', message: 'round_in_past' }]);
  return services.db.transaction(async (tx) => {
    await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, community.id)).for('update');
    const planned = await tx
      .select({ coacheeId: sessions.coacheeId })
      .from(sessions)
      .where(and(eq(sessions.communityId, community.id), eq(sessions.type, 'oneOnOne'), eq(sessions.status, 'planned'), eq(sessions.organiserId, coachId), gte(sessions.startsAt, weekFrom), lt(sessions.startsAt, weekTo), inArray(sessions.coacheeId, [...community.memberIds, '00000000-0000-0000-0000-000000000000'])));
    const already = new Set(planned.map((p) => p.coacheeId));
    const todo = community.memberIds.filter((id) => !already.has(id));
    if (todo.length === 0) {
      if (community.memberIds.length === 0) throw new AppError('validation_failed', 'empty caseload', {}, [{ path: 'date', message: 'round_no_coachees' }]);
      throw new AppError('conflict', 'every coachee has a one-on-one this week');
    }
    const lastEnd = new Date(first.getTime() + (todo.length - 1) * step + request.durationMinutes * 60_000);
    if (zonedParts(lastEnd).date !== request.date) throw new AppError('validation_failed', 'round past midnight', {}, [{ path: 'startTime', message: 'round_past_midnight' }]);
    const mode = request.mode;
    const meetingLink = hasMeetingLink(mode) ? (request.meetingLink ?? '') : '';
    const result: { sessionId: string; coacheeId: string; startsAt: string }[] = [];
    for (const [i, coacheeId] of todo.entries()) {
      const startsAt = new Date(first.getTime() + i * step);
      const [row] = await tx
        .insert(sessions)
        .values({
          institutionId: community.institutionId,
          programmeId: community.programmeId,
          type: 'oneOnOne',
          communityId: community.id,
          organiserId: coachId,
          coacheeId,
          location: mode === 'online' ? '' : request.location,
          mode,
          meetingLink,
          startsAt,
          endsAt: new Date(startsAt.getTime() + request.durationMinutes * 60_000),
        })
        .returning();
      await scheduleSessionReminders(tx, row!, now);
      result.push({ sessionId: row!.id, coacheeId, startsAt: startsAt.toISOString() });
    }
    return { planned: result, skipped: already.size };
  });
}
