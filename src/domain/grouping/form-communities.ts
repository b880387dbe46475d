import { AttributeDeltaModel, type PairTerm } from './attribute-model.js';
import { resolveConstraints } from './community-constraints.js';
import { deriveGroupCount } from './derive-group-count.js';
import { encodeStudents } from './encode-students.js';
import { evaluateCommunities } from './evaluate-communities.js';
import { explainPlacement, summarizeSpread } from './explain-placement.js';
import { uniformBounds } from './group-bounds.js';
import { GroupingError } from './grouping-error.js';
import type { SolveProgress, StopReason } from './search-budget.js';
import { searchPartition } from './search-partition.js';
import type {
  CommunityQuality,
  DiversityAttribute,
  PlacementExplanation,
  PrePlacement,
  SizeBounds,
  StudentForGrouping,
  StudentPair,
} from './student-grouping-types.js';

export type FormCommunitiesOptions = {
  readonly students: readonly StudentForGrouping[];
  readonly attributes: readonly DiversityAttribute[];
  /** Default 7–8, the programme's community size. */
  readonly sizeBounds?: SizeBounds;
  /** Form communities within each class (students without a class form one extra scope). */
  readonly perClass?: boolean;
  readonly keepTogether?: readonly StudentPair[];
  readonly keepApart?: readonly StudentPair[];
  readonly prePlaced?: readonly PrePlacement[];
  readonly seed?: number;
  /** Total wall-clock budget, shared by the classes in proportion to their size. Default 2 s. */
  readonly timeLimitMs?: number;
  /** Iteration budget for exactly reproducible runs (shared like the time). */
  readonly maxIterations?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SolveProgress) => void;
};

export type FormedCommunity = {
  readonly index: number;
  readonly classId: string | null;
  /** Pre-placement label of the community, when members were pre-placed into it. */
  readonly label: string | null;
  readonly memberIds: readonly string[];
};

export type FormCommunitiesResult = {
  readonly communities: readonly FormedCommunity[];
  /** Community index per student id. */
  readonly assignment: Readonly<Record<string, number>>;
  readonly quality: CommunityQuality;
  readonly explanations: readonly PlacementExplanation[];
  readonly stopReason: StopReason;
  readonly elapsedMs: number;
};

type Scope = { readonly classId: string | null; readonly members: number[] };

/**
 * Splits a cohort (or each class) into communities that are as diverse as possible on the chosen
 * attributes, honouring size bounds, keep-together / keep-apart pairs and pre-placements. The
 * constraints enter the search as large pair terms (a bonus for together, a penalty for apart)
 * larger than any diversity a single student can add, so they win whenever they can be met.
 */
export function formCommunities(options: FormCommunitiesOptions): FormCommunitiesResult {
  const started = performance.now();
  const { students, attributes } = options;
  const bounds = options.sizeBounds ?? { min: 7, max: 8 };
  const constraints = resolveConstraints(students, options.keepTogether ?? [], options.keepApart ?? [], options.prePlaced ?? [], bounds.max);
  const scopes = buildScopes(students, options.perClass === true);
  const scopeOf = new Int32Array(students.length);
  scopes.forEach((scope, s) => scope.members.forEach((i) => (scopeOf[i] = s)));
  for (const [a, b] of constraints.together) {
    if (scopeOf[a] !== scopeOf[b]) {
      throw new GroupingError('conflicting_constraints', `Students ${students[a]!.id} and ${students[b]!.id} must stay together but are in different classes.`, {
        studentIds: [students[a]!.id, students[b]!.id],
      });
    }
  }

  const { table } = encodeStudents(students, attributes);
  const weightSum = table.weights.reduce((s, w) => s + Math.abs(w), 0);
  const penalty = 2 * bounds.max * Math.max(1, weightSum) + 1;
  const community = new Int32Array(students.length);
  const communities: FormedCommunity[] = [];
  let stopReason: StopReason = 'budget';
  const total = students.length;
  let done = 0;

  for (const scope of scopes) {
    const n = scope.members.length;
    const m = deriveGroupCount(n, bounds, { classId: scope.classId });
    const local = new Map<number, number>();
    scope.members.forEach((i, k) => local.set(i, k));
    const scoped = scopedTable(table, scope.members);
    const pairs: PairTerm[] = [
      ...constraints.together.filter(([a]) => local.has(a)).map(([a, b]) => ({ i: local.get(a)!, j: local.get(b)!, value: penalty })),
      ...constraints.apart.filter(([a, b]) => local.has(a) && local.has(b)).map(([a, b]) => ({ i: local.get(a)!, j: local.get(b)!, value: -penalty })),
    ];
    const { fixed, labelOfGroup } = fixedGroups(scope, constraints.labels, m);
    const share = n / Math.max(1, total);
    const result = searchPartition(new AttributeDeltaModel(scoped, m, pairs), uniformBounds(m, bounds.min, bounds.max), {
      seed: options.seed ?? 1,
      fixed,
      timeLimitMs: (options.timeLimitMs ?? (options.maxIterations === undefined ? 2000 : Infinity)) * share,
      ...(options.maxIterations === undefined ? {} : { maxIterations: Math.max(1, Math.round(options.maxIterations * share)) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined
        ? {}
        : {
            onProgress: (p: SolveProgress) =>
              options.onProgress?.({ ...p, elapsedMs: performance.now() - started, fraction: (done + p.fraction * n) / Math.max(1, total) }),
          }),
    });
    if (result.stopReason === 'aborted') stopReason = 'aborted';
    else if (stopReason !== 'aborted' && result.stopReason === 'time') stopReason = 'time';
    const offset = communities.length;
    for (let g = 0; g < m; g++) communities.push({ index: offset + g, classId: scope.classId, label: labelOfGroup[g] ?? null, memberIds: [] });
    scope.members.forEach((i, k) => {
      community[i] = offset + result.group[k]!;
      (communities[offset + result.group[k]!]!.memberIds as string[]).push(students[i]!.id);
    });
    done += n;
  }

  const assignment: Record<string, number> = {};
  students.forEach((s, i) => (assignment[s.id] = community[i]!));
  const quality = evaluateCommunities({
    students,
    attributes,
    assignment,
    communityCount: communities.length,
    sizeBounds: bounds,
    keepTogether: options.keepTogether ?? [],
    keepApart: options.keepApart ?? [],
    perClass: options.perClass === true,
  });
  const summaries = quality.spread.map(summarizeSpread);
  const explanations = students.map((student, i) => {
    const c = community[i]!;
    const partners = (pairs: readonly (readonly [number, number])[], together: boolean): string[] =>
      pairs.flatMap(([a, b]) => {
        const other = a === i ? b : b === i ? a : -1;
        if (other < 0 || (community[other] === c) !== together) return [];
        return [students[other]!.id];
      });
    return {
      studentId: student.id,
      community: c,
      reasons: explainPlacement(student, {
        community: c,
        label: constraints.labels[i] ?? null,
        classId: options.perClass === true ? (student.classId ?? null) : null,
        partnersTogether: partners(constraints.together, true),
        partnersApart: partners(constraints.apart, false),
        spread: summaries,
      }),
    };
  });
  return { communities, assignment, quality, explanations, stopReason, elapsedMs: performance.now() - started };
}

function buildScopes(students: readonly StudentForGrouping[], perClass: boolean): Scope[] {
  if (!perClass) return [{ classId: null, members: students.map((_, i) => i) }];
  const byClass = new Map<string | null, number[]>();
  students.forEach((s, i) => {
    const key = s.classId ?? null;
    const list = byClass.get(key) ?? [];
    list.push(i);
    byClass.set(key, list);
  });
  return [...byClass.entries()].map(([classId, members]) => ({ classId, members }));
}

function scopedTable(table: ReturnType<typeof encodeStudents>['table'], members: readonly number[]): ReturnType<typeof encodeStudents>['table'] {
  const A = table.attributeCount;
  const values = new Int32Array(members.length * A);
  members.forEach((i, k) => values.set(table.values.subarray(i * A, i * A + A), k * A));
  return { ...table, n: members.length, values };
}

function fixedGroups(scope: Scope, labels: readonly (string | null)[], m: number): { fixed: Int32Array; labelOfGroup: string[] } {
  const fixed = new Int32Array(scope.members.length).fill(-1);
  const labelOfGroup: string[] = [];
  scope.members.forEach((i, k) => {
    const label = labels[i];
    if (label === null || label === undefined) return;
    let g = labelOfGroup.indexOf(label);
    if (g < 0) {
      g = labelOfGroup.length;
      labelOfGroup.push(label);
    }
    fixed[k] = g;
  });
  if (labelOfGroup.length > m) {
    throw new GroupingError('conflicting_constraints', `${labelOfGroup.length} pre-placement labels but only ${m} communities.`, {
      classId: scope.classId,
      labels: labelOfGroup.length,
      communities: m,
    });
  }
  return { fixed, labelOfGroup };
}
