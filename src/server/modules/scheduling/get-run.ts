/**
 * A run as the coordinator sees it: progress while it runs; afterwards each community's slot with
 * its cost, a day view per member, what blocks the slot, the extra trips explained, the
 * communities left out and why, and — for communities that already have sessions in the period —
 * what publishing would move and who it affects; and the monthly coach training and intervision.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RunResponse } from '../../../contracts/scheduling';
import { PlanContext, type SlotAssessment } from '../../../domain/scheduling/assess-plan';
import type { SchedulingInstance } from '../../../domain/scheduling/instance';
import type { ExcludedCommunity } from '../../../domain/scheduling/product-instance';
import type { Services } from '../../context';
import { communities, intakes, programmes, schedulingLocations, schedulingPlacements, schedulingRuns } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { coachMeetingsView, planRunCoachMeetings } from './coach-meetings';
import { currentSlots } from './current-slots';
import { communitiesOf, latestPublishedRun, namesOf, periodRow, runRow, type RunRow } from './repository';

/** A run whose process died (restart) never finishes: after its time limit plus a margin it is failed. */
const STALE_MARGIN_MS = 120_000;

export async function getSchedulingRun({ services, runId }: { services: Services; runId: string }): Promise<RunResponse> {
  const db = services.db;
  let run = await runRow(db, runId);
  if (!run) throw new AppError('not_found');
  if (run.status === 'running' && run.createdAt.getTime() + run.timeLimitSeconds * 1000 + STALE_MARGIN_MS < services.now().getTime()) {
    await db.update(schedulingRuns).set({ status: 'failed', errorCode: 'interrupted', finishedAt: services.now() }).where(and(eq(schedulingRuns.id, run.id), eq(schedulingRuns.status, 'running')));
    run = (await runRow(db, runId))!;
  }
  const period = await periodRow(db, run.periodId);
  if (!period) throw new AppError('not_found');
  const instance = run.instance as SchedulingInstance | null;
  const locationRows = await db.select().from(schedulingLocations).where(eq(schedulingLocations.intakeId, run.intakeId));
  const locationName = new Map(locationRows.map((l) => [l.id, l.name]));
  const [newest] = await db
    .select({ id: schedulingRuns.id })
    .from(schedulingRuns)
    .where(and(eq(schedulingRuns.periodId, run.periodId), eq(schedulingRuns.status, 'done')))
    .orderBy(desc(schedulingRuns.createdAt))
    .limit(1);
  const base: RunResponse = {
    id: run.id,
    intakeId: run.intakeId,
    period: { id: period.id, name: period.name, firstDate: period.firstDate, lastDate: period.lastDate },
    status: run.status as RunResponse['status'],
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    publishedAt: run.publishedAt?.toISOString() ?? null,
    latest: newest?.id === run.id,
    progress: progressOf(run),
    error: run.errorCode ? await errorOf(services, run) : null,
    params: { seconds: run.timeLimitSeconds, seed: run.seed, sessionMinutes: run.sessionMinutes },
    locations: (instance?.locations ?? []).map((l) => ({ id: l.id, name: locationName.get(l.id) ?? '—', rooms: l.rooms })),
    grid: instance ? { days: instance.days, dayStart: instance.dayStart, dayEnd: instance.dayEnd, slotMinutes: instance.slotMinutes, sessionMinutes: instance.sessionMinutes } : null,
    quality: null,
    communities: [],
    extraTrips: [],
    online: [],
    excluded: [],
    changes: [],
    coachMeetings: [],
  };
  const excluded = (run.excluded as ExcludedCommunity[]) ?? [];
  const communityNames = await namesOfCommunities(services, [...excluded.map((e) => e.community), ...(instance?.communities.map((c) => c.id) ?? [])]);
  base.excluded = excluded.map((e) => ({ communityId: e.community, communityName: communityNames.get(e.community) ?? '—', reason: e.reason }));
  if (run.status !== 'done' || !instance) return base;

  const placements = await db.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, run.id));
  const chosen = placements.map((p) => ({ community: p.communityId, day: p.day, start: p.start, location: p.locationId }));
  const ctx = new PlanContext(instance);
  const current = await currentSlots(db, period, services.now(), placements.map((p) => p.communityId));
  const intakeCommunities = await communitiesOf(db, run.intakeId);
  const people = [...new Set([...instance.people.map((p) => p.id), ...intakeCommunities.flatMap((c) => c.memberIds)])];
  const names = await namesOf(db, people);
  const nameOf = (id: string) => names.get(id) ?? '—';
  /** A person's week, so the screen can draw any day a coordinator considers. */
  const week = (person: string) => instance.days.flatMap((d) => ctx.dayOf(person, d));

  base.communities = placements
    .filter((p) => ctx.hasCommunity(p.communityId))
    .map((p) => {
      const community = instance.communities.find((c) => c.id === p.communityId)!;
      const at: SlotAssessment = ctx.assess(p.communityId, { day: p.day, start: p.start, location: p.locationId }, chosen);
      const cur = current.get(p.communityId);
      const inPlan = new Set([...community.members, community.coach]);
      return {
        id: p.communityId,
        name: communityNames.get(p.communityId) ?? '—',
        online: community.online === true,
        coach: { id: community.coach, name: nameOf(community.coach) },
        slot: { day: p.day, start: p.start, locationId: p.locationId },
        proposed: { day: p.proposedDay, start: p.proposedStart, locationId: p.proposedLocationId },
        overridden: p.day !== p.proposedDay || p.start !== p.proposedStart || p.locationId !== p.proposedLocationId,
        version: p.version,
        current: cur ? { day: cur.day, start: cur.start, locationId: cur.locationId ?? '', location: cur.location } : null,
        cost: { cost: at.cost, waitingMinutes: at.waitingMinutes, extraTrips: at.extraTrips, inClass: at.inClass, adjacent: at.adjacent },
        blockers: at.blockers,
        members: at.members
          .map((m) => ({ id: m.member, name: nameOf(m.member), kind: m.kind, cost: m.cost, classes: week(m.member) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        coachClasses: week(community.coach),
        withoutTimetable: (intakeCommunities.find((c) => c.id === p.communityId)?.memberIds ?? []).filter((m) => !inPlan.has(m)).map(nameOf).sort(),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl', { numeric: true }));

  const measured = ctx.measure(chosen);
  const search = run.search as { lowerBound?: number } | null;
  base.quality = {
    objective: measured.quality.objective,
    lowerBound: Math.max(measured.quality.lowerBound, search?.lowerBound ?? 0),
    adjacentShare: measured.quality.adjacentShare,
    adjacentShareUpperBound: measured.quality.adjacentShareUpperBound,
    waitingMinutes: measured.quality.waitingMinutes,
    extraTrips: measured.quality.extraTrips,
    conflicts: measured.quality.conflicts,
    memberSessions: measured.quality.memberSessions,
  };
  base.extraTrips = measured.extraTrips.map((e) => ({
    communityId: e.community,
    communityName: communityNames.get(e.community) ?? '—',
    extraTrips: e.extraTrips,
    minimumExtraTrips: e.minimumExtraTrips,
    cause: e.cause,
    members: e.members.map((m) => ({ name: nameOf(m.member), reason: m.reason, classLocations: m.classLocations.map((l) => (l === 'off-campus' ? l : (locationName.get(l) ?? l))) })),
  }));
  base.online = instance.communities
    .filter((c) => c.online === true)
    .map((c) => ({ communityId: c.id, communityName: communityNames.get(c.id) ?? '—' }))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'nl', { numeric: true }));
  const coachOf = new Map(intakeCommunities.map((c) => [c.id, c]));
  base.changes = base.communities.flatMap((c) => {
    const cur = current.get(c.id);
    if (!cur) return [];
    const same = cur.day === c.slot.day && cur.start === c.slot.start && (cur.locationId === null || cur.locationId === c.slot.locationId);
    if (same) return [];
    const row = coachOf.get(c.id);
    const affected = [...(row?.memberIds ?? []), ...(row?.coachId ? [row.coachId] : [])].map(nameOf).sort();
    return [{ communityId: c.id, communityName: c.name, from: { day: cur.day, start: cur.start, locationId: cur.locationId ?? '', location: cur.location }, to: c.slot, futureSessions: cur.futureSessions, affected }];
  });
  const [programme] = await db.select({ institutionId: programmes.institutionId }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId)).where(eq(intakes.id, run.intakeId));
  base.coachMeetings = await coachMeetingsView(db, programme ? await planRunCoachMeetings(db, run, period, programme.institutionId) : null);
  return base;
}

function progressOf(run: RunRow): RunResponse['progress'] {
  const p = run.progress as { phase?: string; elapsedMs?: number; bestObjective?: number } | null;
  if (run.status !== 'running') return p ? { phase: 'done', elapsedMs: p.elapsedMs ?? 0, fraction: 1, bestObjective: p.bestObjective ?? null } : null;
  const elapsed = p?.elapsedMs ?? 0;
  return { phase: p?.phase ?? 'construct', elapsedMs: elapsed, fraction: Math.min(0.99, elapsed / (run.timeLimitSeconds * 1000)), bestObjective: p?.bestObjective ?? null };
}

async function errorOf(services: Services, run: RunRow): Promise<RunResponse['error']> {
  const d = (run.errorDetails as { needed?: number | null; available?: number | null; coach?: string | null } | null) ?? {};
  const name = d.coach ? ((await namesOf(services.db, [d.coach])).get(d.coach) ?? null) : null;
  return { code: run.errorCode ?? 'internal', needed: d.needed ?? null, available: d.available ?? null, name };
}

async function namesOfCommunities(services: Services, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await services.db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The newest run of each period of an intake, and whether a period's timetables changed after its publication. */
export async function latestPublishedAt(services: Services, periodId: string): Promise<Date | null> {
  return (await latestPublishedRun(services.db, periodId))?.createdAt ?? null;
}
