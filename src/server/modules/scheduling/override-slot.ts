/**
 * The coordinator chooses another slot for a community: every slot with its cost and what blocks
 * it (shown before confirming), and the change itself, refused when the coach is busy, the coach
 * would be double-booked or no room is free. Members in class is a cost, not a refusal.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OverrideSlotRequest, SlotOptionsResponse } from '../../../contracts/scheduling';
import { PlanContext } from '../../../domain/scheduling/assess-plan';
import type { SchedulingInstance } from '../../../domain/scheduling/instance';
import type { Services } from '../../context';
import { schedulingPlacements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { runRow } from './repository';

async function load(services: Services, runId: string, communityId: string) {
  const run = await runRow(services.db, runId);
  if (!run || run.status !== 'done' || !run.instance) throw new AppError('run_not_ready');
  const ctx = new PlanContext(run.instance as SchedulingInstance);
  if (!ctx.hasCommunity(communityId)) throw new AppError('not_found');
  const placements = await services.db.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, runId));
  const others = placements.filter((p) => p.communityId !== communityId).map((p) => ({ community: p.communityId, day: p.day, start: p.start, location: p.locationId }));
  return { run, ctx, others };
}

export async function listSlotOptions({ services, runId, communityId }: { services: Services; runId: string; communityId: string }): Promise<SlotOptionsResponse> {
  const { ctx, others } = await load(services, runId, communityId);
  return {
    options: ctx.options(communityId, others).map((o) => ({
      day: o.day,
      start: o.start,
      locationId: o.location,
      cost: o.cost,
      waitingMinutes: o.waitingMinutes,
      extraTrips: o.extraTrips,
      inClass: o.inClass,
      adjacent: o.adjacent,
      blockers: o.blockers,
      members: o.members.map((m) => ({ id: m.member, kind: m.kind, cost: m.cost })),
    })),
  };
}

export async function overrideSlot({ services, runId, communityId, request }: { services: Services; runId: string; communityId: string; request: z.output<typeof OverrideSlotRequest> }) {
  const { run, ctx, others } = await load(services, runId, communityId);
  if (run.publishedAt) throw new AppError('run_not_ready', 'published runs are read-only');
  const at = ctx.assess(communityId, { day: request.day, start: request.start, location: request.locationId }, others);
  if (at.blockers.length > 0) throw new AppError('slot_unavailable', `blocked: ${at.blockers.map((b) => b.kind).join(',')}`);
  await services.db.transaction(async (tx) => {
    const [row] = await tx
      .update(schedulingPlacements)
      .set({ day: request.day, start: request.start, locationId: request.locationId, version: sql`${schedulingPlacements.version} + 1` })
      .where(and(eq(schedulingPlacements.runId, runId), eq(schedulingPlacements.communityId, communityId), eq(schedulingPlacements.version, request.version)))
      .returning();
    if (!row) throw new AppError('conflict');
    // Another coordinator may have taken the last room meanwhile: check again inside the transaction.
    const now = await tx.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, runId));
    const again = ctx.assess(communityId, { day: request.day, start: request.start, location: request.locationId }, now.filter((p) => p.communityId !== communityId).map((p) => ({ community: p.communityId, day: p.day, start: p.start, location: p.locationId })));
    if (again.blockers.length > 0) throw new AppError('slot_unavailable');
  });
  return { ok: true as const };
}
