/**
 * Plan a round of one-on-ones (individual coaching, #21 item 3): one per coachee of the caseload
 * on the chosen day, one after another from the start time with a break between, in Amsterdam
 * time. Coachees who already have a one-on-one with this coach in that week are skipped. The
 * caseload row is locked, so a double click plans the round once and the second answers 409.
 * With `slots` (the proposed times the coach confirmed, #21 item 3) each coachee gets their own
 * day, time and mode in the week of `date`; a slot for someone outside the caseload, outside that
 * week, in the past or overlapping another slot is refused and nothing is planned.
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
  const duration = request.durationMinutes * 60_000;
  const step = duration + request.breakMinutes * 60_000;
  const monday = addDays(request.date, 1 - weekdayOf(request.date));
  const weekFrom = zonedToInstant(monday, '00:00');
  const weekTo = zonedToInstant(addDays(monday, 7), '00:00');
  const now = services.now();
  const fixed = request.slots ? slotTimes(request.slots, community.memberIds, weekFrom, weekTo, now, duration) : null;
  const first = zonedToInstant(request.date, request.startTime ?? '00:00');
  if (!fixed && first.getTime() <= now.getTime()) throw new AppError('validation_failed', 'round in the past', {}, [{ path: 'date', message: 'round_in_past' }]);
  return services.db.transaction(async (tx) => {
    await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, community.id)).for('update');
    const planned = await tx
      .select({ coacheeId: sessions.coacheeId })
      .from(sessions)
      .where(and(eq(sessions.communityId, community.id), eq(sessions.type, 'oneOnOne'), eq(sessions.status, 'planned'), eq(sessions.organiserId, coachId), gte(sessions.startsAt, weekFrom), lt(sessions.startsAt, weekTo), inArray(sessions.coacheeId, [...community.memberIds, '00000000-0000-0000-0000-000000000000'])));
    const already = new Set(planned.map((p) => p.coacheeId));
    const todo = fixed ? fixed.map((f) => f.coacheeId).filter((id) => !already.has(id)) : community.memberIds.filter((id) => !already.has(id));
    if (todo.length === 0) {
      if (community.memberIds.length === 0) throw new AppError('validation_failed', 'empty caseload', {}, [{ path: 'date', message: 'round_no_coachees' }]);
      throw new AppError('conflict', 'every coachee has a one-on-one this week');
    }
    const lastEnd = new Date(first.getTime() + (todo.length - 1) * step + duration);
    if (!fixed && zonedParts(lastEnd).date !== request.date) throw new AppError('validation_failed', 'round past midnight', {}, [{ path: 'startTime', message: 'round_past_midnight' }]);
    const result: { sessionId: string; coacheeId: string; startsAt: string }[] = [];
    for (const [i, coacheeId] of todo.entries()) {
      const slot = fixed?.find((f) => f.coacheeId === coacheeId);
      const startsAt = slot ? slot.startsAt : new Date(first.getTime() + i * step);
      const mode = slot?.mode ?? request.mode;
      const meetingLink = hasMeetingLink(mode) ? (request.meetingLink ?? '') : '';
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
          endsAt: new Date(startsAt.getTime() + duration),
        })
        .returning();
      await scheduleSessionReminders(tx, row!, now);
      result.push({ sessionId: row!.id, coacheeId, startsAt: startsAt.toISOString() });
    }
    return { planned: result, skipped: already.size };
  });
}

type Slot = NonNullable<Request['slots']>[number];

/** The instants of the confirmed slots, or a validation error naming the slot at fault. */
function slotTimes(slots: Slot[], memberIds: readonly string[], weekFrom: Date, weekTo: Date, now: Date, duration: number) {
  const fail = (i: number, field: string, message: string) => new AppError('validation_failed', message, {}, [{ path: `slots.${i}.${field}`, message }]);
  const seen = new Set<string>();
  const out = slots.map((slot, i) => {
    if (!memberIds.includes(slot.coacheeId)) throw fail(i, 'coacheeId', 'round_slot_not_coachee');
    if (seen.has(slot.coacheeId)) throw fail(i, 'coacheeId', 'round_slot_twice');
    seen.add(slot.coacheeId);
    const startsAt = zonedToInstant(slot.date, slot.startTime);
    if (startsAt < weekFrom || startsAt >= weekTo) throw fail(i, 'date', 'round_slot_other_week');
    if (startsAt.getTime() <= now.getTime()) throw fail(i, 'date', 'round_in_past');
    return { coacheeId: slot.coacheeId, startsAt, mode: slot.mode, index: i };
  });
  for (const a of out)
    for (const b of out)
      if (a.index < b.index && a.startsAt.getTime() < b.startsAt.getTime() + duration && b.startsAt.getTime() < a.startsAt.getTime() + duration) throw fail(b.index, 'startTime', 'round_slots_overlap');
  return out;
}
