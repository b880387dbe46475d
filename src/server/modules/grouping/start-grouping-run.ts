/**
 * Starts group formation for an intake or one class: checks the request (attributes the
 * institution enabled, constraints about students in scope, size bounds that can work) before
 * anything is stored, then runs the engine in a worker thread. Progress is written to the run row,
 * so any app instance can answer "how far is it"; the client polls.
 */
import { eq, sql } from 'drizzle-orm';
import { StartGroupingRequest } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import { resolveConstraints } from '../../../domain/grouping/community-constraints';
import { deriveGroupCount } from '../../../domain/grouping/derive-group-count';
import type { DraftCommunity, DraftSettings } from '../../../domain/grouping/draft-figures';
import { GroupingError } from '../../../domain/grouping/grouping-error';
import { groupingPool } from '../../../domain/participation/modes';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { groupingRuns } from '../../db/schema';
import { runGrouping } from '../../engines/run-grouping';
import { AppError } from '../../errors/app-error';
import { signedUpIds } from '../participation/public';
import { classesOfIntake, enabledAttributes, intakeWithProgramme, studentsForGrouping, unplacedStudents, type ScopeStudent } from './repository';

/** What a run stores as its request (and reads back as the draft's settings). */
export type StoredRequest = DraftSettings & { classId: string | null; seconds: number; seed: number };

export type StartGroupingOptions = {
  services: Services;
  actor: Actor;
  intakeId: string;
  request: StartGroupingRequest;
  /** Tests and the CLI wait for the end; the HTTP route answers at once and the client polls. */
  wait?: boolean;
  /** The CLI's progress bar (the row's progress is written either way). */
  onProgress?: (fraction: number) => void;
  /** Who started it; null from the command line. Default: the actor. */
  createdById?: string | null;
};

export async function startGroupingRun({ services, actor, intakeId, request: input, wait, onProgress, createdById }: StartGroupingOptions): Promise<{ id: string; done: Promise<void> }> {
  const request = StartGroupingRequest.parse(input);
  const found = await intakeWithProgramme(services.db, intakeId);
  if (!found) throw new AppError('not_found');
  // A class-wide intake (#21 item 3, ADR 0027) forms no communities: a coach is linked to each class.
  if (readIntakeSettings(found.intake.settings, found.intake.month).settings.format === 'classWide') throw new AppError('grouping_class_wide_format');
  // Retention: runs finished more than 90 days ago go when the next run starts (they hold ids only).
  await services.db.delete(groupingRuns).where(sql`${groupingRuns.status} <> 'running' and coalesce(${groupingRuns.acceptedAt}, ${groupingRuns.finishedAt}, ${groupingRuns.createdAt}) < ${new Date(services.now().getTime() - 90 * 86_400_000)}`);
  const classes = await classesOfIntake(services.db, intakeId);
  if (request.classId !== null && !classes.some((c) => c.id === request.classId)) throw field('classId', 'not_in_intake');
  const enabled = await enabledAttributes(services.db, actor.institutionId);
  const keys = request.attributes.map((a) => a.key);
  keys.forEach((key, i) => {
    if (!enabled.has(key)) throw field(`attributes.${i}.key`, 'not_enabled');
    if (keys.indexOf(key) !== i) throw field(`attributes.${i}.key`, 'duplicate');
  });
  const intakeSettings = readIntakeSettings(found.intake.settings, found.intake.month).settings;
  const sizeBounds = request.sizeBounds ?? intakeSettings.communitySize;
  if (sizeBounds.min > sizeBounds.max) throw field('sizeBounds.min', 'size_min_above_max');

  // Opt-in (#21): only students who signed up are grouped.
  const students = groupingPool(intakeSettings.participation, await unplacedStudents(services.db, intakeId, request.classId), await signedUpIds(services.db, intakeId));
  if (students.length === 0) throw new AppError('grouping_no_students', 'nobody to group');
  const inScope = new Set(students.map((s) => s.id));
  const pairFields = (pairs: readonly (readonly [string, string])[], name: string) =>
    pairs.forEach(([a, b], i) => {
      if (!inScope.has(a) || !inScope.has(b) || a === b) throw field(`${name}.${i}`, 'not_in_scope');
    });
  pairFields(request.keepTogether, 'keepTogether');
  pairFields(request.keepApart, 'keepApart');
  request.prePlaced.forEach((p, i) => {
    if (!inScope.has(p.studentId)) throw field(`prePlaced.${i}.studentId`, 'not_in_scope');
  });
  preflight(students, request, sizeBounds, classes);

  // The constraints the engine works with; the run stores them with its request.
  const constraints = {
    attributes: request.attributes,
    sizeBounds,
    perClass: request.perClass,
    keepTogether: request.keepTogether,
    keepApart: request.keepApart,
    prePlaced: request.prePlaced,
  };
  const stored: StoredRequest = { ...constraints, classId: request.classId, seconds: request.seconds, seed: request.seed };
  const [row] = await services.db
    .insert(groupingRuns)
    .values({ intakeId, classId: request.classId, createdById: createdById === undefined ? actor.personId : createdById, request: stored, createdAt: services.now() })
    .returning({ id: groupingRuns.id });
  const id = row!.id;
  const forEngine = await studentsForGrouping(services.db, actor.institutionId, students);

  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const done = runGrouping(
    {
      kind: 'communities',
      options: {
        students: forEngine,
        ...constraints,
        seed: request.seed,
        timeLimitMs: request.seconds * 1000,
      },
    },
    {
      onProgress: (p) => {
        onProgress?.(p.fraction);
        // At most four writes a second: enough for a progress bar, light on the database.
        const now = Date.now();
        if (now - lastWrite < 250) return;
        lastWrite = now;
        writing = writing.then(() => services.db.update(groupingRuns).set({ progress: Math.min(0.99, p.fraction) }).where(eq(groupingRuns.id, id))).catch(() => undefined);
      },
    },
  )
    .then(async (result) => {
      await writing;
      const communities: DraftCommunity[] = result.communities.map((c) => ({ index: c.index, classId: c.classId, label: c.label }));
      await services.db
        .update(groupingRuns)
        .set({ status: 'draft', progress: 1, communities, assignment: result.assignment, stopReason: result.stopReason, elapsedMs: Math.round(result.elapsedMs), finishedAt: services.now() })
        .where(eq(groupingRuns.id, id));
    })
    .catch(async (error: unknown) => {
      await writing;
      const code = error instanceof GroupingError && error.code === 'conflicting_constraints' ? 'grouping_conflicting_constraints' : 'grouping_failed';
      await services.db.update(groupingRuns).set({ status: 'failed', error: { code }, finishedAt: services.now() }).where(eq(groupingRuns.id, id));
    });
  if (wait) await done;
  return { id, done };
}

const field = (path: string, message: string) => new AppError('validation_failed', `grouping request: ${path} ${message}`, {}, [{ path, message }]);

/**
 * The engine's own checks, run here before anything is stored, so a coordinator gets the numbers
 * at once: too few or too many students for the size bounds (per class when grouping per class),
 * and constraints that contradict each other.
 */
function preflight(students: readonly ScopeStudent[], request: ReturnType<typeof StartGroupingRequest.parse>, bounds: { min: number; max: number }, classes: { id: string; code: string }[]) {
  const scopes = new Map<string | null, number>();
  for (const s of students) {
    const key = request.perClass ? s.classId : null;
    scopes.set(key, (scopes.get(key) ?? 0) + 1);
  }
  for (const [classId, n] of scopes) {
    try {
      deriveGroupCount(n, bounds);
    } catch (error) {
      if (!(error instanceof GroupingError)) throw error;
      if (error.code === 'invalid_bounds') throw field('sizeBounds.min', 'size_min_above_max');
      const more = Math.max(1, Math.ceil(n / bounds.max));
      const params = { n, min: bounds.min, max: bounds.max, fewer: more - 1, fewerMax: (more - 1) * bounds.max, more, moreMin: more * bounds.min };
      const classCode = classes.find((c) => c.id === classId)?.code;
      if (classCode !== undefined) throw new AppError('grouping_infeasible_class', error.message, { ...params, classCode });
      throw new AppError('grouping_infeasible', error.message, params);
    }
  }
  try {
    resolveConstraints(
      students.map((s) => ({ id: s.id, classId: s.classId, attributes: {} })),
      request.keepTogether,
      request.keepApart,
      request.prePlaced,
      bounds.max,
    );
  } catch (error) {
    if (error instanceof GroupingError) throw new AppError('grouping_conflicting_constraints', error.message);
    throw error;
  }
  if (request.perClass) {
    const classOf = new Map(students.map((s) => [s.id, s.classId]));
    if (request.keepTogether.some(([a, b]) => classOf.get(a) !== classOf.get(b))) throw new AppError('grouping_conflicting_constraints', 'keep-together across classes');
  }
}
