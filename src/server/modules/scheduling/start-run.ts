/**
 * A scheduling run for one teaching period: builds the instance, solves it in a worker thread with
 * progress written to the run row (any app instance can answer "how far is it"), and stores the
 * proposal. Cancelling sets a flag on the row; the process running the solve polls it, so a
 * cancel works whichever instance receives it.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { StartRunRequest } from '../../../contracts/scheduling';
import { keepPublishedSlots, PlanContext } from '../../../domain/scheduling/assess-plan';
import { SchedulingError } from '../../../domain/scheduling/errors';
import type { SessionPlan } from '../../../domain/scheduling/solve-session-placement';
import type { Services } from '../../context';
import { schedulingPlacements, schedulingRuns } from '../../db/schema';
import { runScheduling } from '../../engines/run-scheduling';
import { AppError } from '../../errors/app-error';
import { buildRunInstance } from './build-run-instance';
import { currentSlots } from './current-slots';
import type { PeriodRow } from './repository';

const PROGRESS_EVERY_MS = 300;
const CANCEL_POLL_MS = 400;

export type StartRunOptions = {
  services: Services;
  actorId: string | null;
  period: PeriodRow;
  request: z.output<typeof StartRunRequest>;
  /** The CLI and tests wait for the end; the HTTP route answers at once and the client polls. */
  wait?: boolean;
  onProgress?: (p: { elapsedMs: number; bestObjective: number; phase: string }) => void;
};

export async function startSchedulingRun(options: StartRunOptions): Promise<{ id: string; done: Promise<void> }> {
  const { services, period, request } = options;
  const db = services.db;
  const built = await buildRunInstance(db, period, { sessionMinutes: request.sessionMinutes });
  const [run] = await db
    .insert(schedulingRuns)
    .values({
      intakeId: period.intakeId,
      periodId: period.id,
      seed: request.seed,
      timeLimitSeconds: request.seconds,
      sessionMinutes: request.sessionMinutes,
      instance: built.instance,
      excluded: built.excluded,
      coachMeetings: built.coachMeetings,
      startedById: options.actorId,
      createdAt: services.now(),
    })
    .returning({ id: schedulingRuns.id });
  const id = run!.id;
  const finish = (values: Partial<typeof schedulingRuns.$inferInsert>) =>
    db.update(schedulingRuns).set({ ...values, finishedAt: services.now() }).where(eq(schedulingRuns.id, id));

  const controller = new AbortController();
  const poll = setInterval(() => {
    void db
      .select({ cancel: schedulingRuns.cancelRequested })
      .from(schedulingRuns)
      .where(eq(schedulingRuns.id, id))
      .then(([row]) => {
        if (row?.cancel) controller.abort();
      })
      .catch(() => undefined);
  }, CANCEL_POLL_MS);
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();

  const done = (async () => {
    try {
      let plan: SessionPlan['solution']['placements'] = [];
      let search: Record<string, unknown> = { objective: 0, lowerBound: 0, stopReason: 'proven-optimal', elapsedMs: 0 };
      if (built.instance.communities.length > 0) {
        const solved = await runScheduling(
          { instance: built.instance, seed: request.seed, timeLimitMs: request.seconds * 1000 },
          {
            signal: controller.signal,
            onProgress: (p) => {
              options.onProgress?.(p);
              const now = Date.now();
              if (now - lastWrite < PROGRESS_EVERY_MS) return;
              lastWrite = now;
              const progress = { phase: p.phase, elapsedMs: Math.round(p.elapsedMs), bestObjective: p.bestObjective, lowerBound: p.lowerBound };
              writing = writing.then(() => db.update(schedulingRuns).set({ progress }).where(eq(schedulingRuns.id, id))).catch(() => undefined);
            },
          },
        );
        plan = solved.solution.placements;
        search = { objective: solved.solution.objective, lowerBound: solved.search.lowerBound, stopReason: solved.search.stopReason, elapsedMs: Math.round(solved.search.elapsedMs) };
      }
      await writing;
      // A re-plan keeps the published slot of a community when it is still possible and no dearer.
      const published = await currentSlots(db, period, services.now());
      const keep = new Map([...published].flatMap(([c, s]) => (s.locationId ? [[c, { day: s.day, start: s.start, location: s.locationId }] as const] : [])));
      const stable = keepPublishedSlots(new PlanContext(built.instance), plan, keep);
      await db.transaction(async (tx) => {
        if (stable.length > 0) {
          await tx.insert(schedulingPlacements).values(
            stable.map((p, i) => ({
              runId: id,
              communityId: p.community,
              proposedDay: plan[i]!.day,
              proposedStart: plan[i]!.start,
              proposedLocationId: plan[i]!.location,
              day: p.day,
              start: p.start,
              locationId: p.location,
            })),
          );
        }
        await tx.update(schedulingRuns).set({ status: 'done', search, finishedAt: services.now() }).where(eq(schedulingRuns.id, id));
      });
    } catch (error) {
      await writing;
      if (error instanceof SchedulingError && error.code === 'CANCELLED') await finish({ status: 'cancelled' });
      else if (error instanceof SchedulingError) {
        await finish({ status: 'failed', errorCode: error.code, errorDetails: { needed: error.details.needed ?? null, available: error.details.available ?? null, coach: error.details.coach ?? null } });
      } else await finish({ status: 'failed', errorCode: 'internal' });
    } finally {
      clearInterval(poll);
    }
  })();
  if (options.wait) await done;
  return { id, done };
}

/** Asks the run to stop; the process running it notices within a moment. */
export async function cancelSchedulingRun({ services, runId }: { services: Services; runId: string }) {
  const [row] = await services.db.update(schedulingRuns).set({ cancelRequested: true }).where(eq(schedulingRuns.id, runId)).returning({ status: schedulingRuns.status });
  if (!row) throw new AppError('not_found');
}
