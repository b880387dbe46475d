/**
 * The slot each community's sessions currently have in a teaching period: the weekday, time and
 * place of its future year-plan sessions in the period. The location id is known when the
 * latest published run of the period put the community there.
 */
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { weekdayOf, zonedParts } from '../../../domain/sessions/zoned-time';
import type { Db } from '../../db/client';
import { schedulingPlacements, sessions } from '../../db/schema';
import { latestPublishedRun, type PeriodRow } from './repository';

export const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type CurrentSlot = { day: string; start: string; locationId: string | null; location: string; futureSessions: number; sessionIds: string[] };

export async function currentSlots(db: Db, period: PeriodRow, now: Date, communityIds?: string[]): Promise<Map<string, CurrentSlot>> {
  const rows = await db
    .select({ id: sessions.id, communityId: sessions.communityId, startsAt: sessions.startsAt, location: sessions.location })
    .from(sessions)
    .where(
      and(
        eq(sessions.type, 'community'),
        eq(sessions.status, 'planned'),
        eq(sessions.fromYearPlan, true),
        gt(sessions.startsAt, now),
        communityIds ? inArray(sessions.communityId, communityIds.length ? communityIds : ['00000000-0000-0000-0000-000000000000']) : isNotNull(sessions.communityId),
      ),
    )
    .orderBy(asc(sessions.startsAt));
  const published = await latestPublishedRun(db, period.id);
  const placements = published ? await db.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, published.id)) : [];
  const result = new Map<string, CurrentSlot>();
  for (const r of rows) {
    const local = zonedParts(r.startsAt);
    if (!r.communityId || local.date < period.firstDate || local.date > period.lastDate) continue;
    const existing = result.get(r.communityId);
    if (existing) {
      existing.futureSessions++;
      existing.sessionIds.push(r.id);
      continue;
    }
    const day = DAY_CODES[weekdayOf(local.date) - 1] ?? 'mon';
    const placed = placements.find((p) => p.communityId === r.communityId && p.day === day && p.start === local.time);
    result.set(r.communityId, { day, start: local.time, locationId: placed?.locationId ?? null, location: r.location, futureSessions: 1, sessionIds: [r.id] });
  }
  return result;
}
