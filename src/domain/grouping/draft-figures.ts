import { evaluateCommunities } from './evaluate-communities.js';
import { explainPlacement, summarizeSpread, type SpreadSummary } from './explain-placement.js';
import { isBackground, type GroupingAttribute } from './student-attributes.js';
import type { PlacementReason, PrePlacement, SizeBounds, StudentForGrouping, StudentPair } from './student-grouping-types.js';

/** Background figures need at least this many students whose value counts (as research exports). */
export const MIN_CELL = 5;

export type WeightedAttribute = { readonly key: GroupingAttribute; readonly weight: number };

export type DraftSettings = {
  readonly attributes: readonly WeightedAttribute[];
  readonly sizeBounds: SizeBounds;
  readonly perClass: boolean;
  readonly keepTogether: readonly StudentPair[];
  readonly keepApart: readonly StudentPair[];
  readonly prePlaced: readonly PrePlacement[];
};

export type DraftCommunity = { readonly index: number; readonly classId: string | null; readonly label: string | null };

/**
 * Why a student is where they are, at the level a coordinator may see: which attribute their
 * placement adds spread to — never the value, and never a background attribute, so no reason
 * singles out who is first in their family.
 */
export type CoordinatorReason =
  | { readonly code: 'pre_placed'; readonly label: string }
  | { readonly code: 'same_class' }
  | { readonly code: 'kept_with'; readonly studentIds: readonly string[] }
  | { readonly code: 'kept_apart_from'; readonly studentIds: readonly string[] }
  | { readonly code: 'adds_spread'; readonly attribute: GroupingAttribute }
  /** No other community would gain more spread (in the attributes shown per student) from them. */
  | { readonly code: 'best_fit' }
  /** Community `community` (position) has room and would gain more spread from them: a hint after hand edits. */
  | { readonly code: 'better_elsewhere'; readonly community: number }
  | { readonly code: 'balances_group_sizes' };

export type AttributeFigure = {
  readonly attribute: GroupingAttribute;
  readonly weight: number;
  /**
   * 0–100: how evenly the disclosed values are spread over the communities (100 = in proportion).
   * null for a background attribute with fewer than MIN_CELL values: too few to show safely.
   */
  readonly evenness: number | null;
  /** Students whose value counts (disclosed, enabled, consented). */
  readonly disclosed: number;
  readonly background: boolean;
};

export type CommunityFigure = {
  readonly index: number;
  readonly size: number;
  readonly withinBounds: boolean;
  /** Per ordinary attribute: how many of the values present in the cohort this community holds. */
  readonly mix: readonly { readonly attribute: GroupingAttribute; readonly present: number; readonly of: number }[];
};

export type DraftFigures = {
  readonly diversity: number;
  readonly attributes: readonly AttributeFigure[];
  readonly communities: readonly CommunityFigure[];
  readonly violations: {
    readonly sizeBounds: readonly { readonly community: number; readonly size: number }[];
    readonly keepTogether: readonly StudentPair[];
    readonly keepApart: readonly StudentPair[];
    readonly mixedClasses: readonly number[];
  };
  readonly reasons: Readonly<Record<string, readonly CoordinatorReason[]>>;
};

/**
 * The figures of a draft (the solver's proposal or the coordinator's edit of it), as the
 * coordinator sees them: aggregates per attribute and community, reasons without values. A full
 * recompute is O(n · attributes), fast enough to run on every move.
 */
export function draftFigures(
  students: readonly StudentForGrouping[],
  settings: DraftSettings,
  communities: readonly DraftCommunity[],
  assignment: Readonly<Record<string, number>>,
): DraftFigures {
  const attributes = settings.attributes.map((a) => ({ key: a.key, weight: a.weight }));
  const quality = evaluateCommunities({
    students,
    attributes,
    assignment,
    communityCount: communities.length,
    sizeBounds: settings.sizeBounds,
    keepTogether: settings.keepTogether,
    keepApart: settings.keepApart,
    perClass: settings.perClass,
  });
  const attributeFigures: AttributeFigure[] = quality.spread.map((spread, a) => {
    const disclosed = spread.counts.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
    return {
      attribute: settings.attributes[a]!.key,
      weight: settings.attributes[a]!.weight,
      evenness: isBackground(settings.attributes[a]!.key) && disclosed < MIN_CELL ? null : Math.round(spread.evenness * 100),
      disclosed,
      background: isBackground(settings.attributes[a]!.key),
    };
  });
  const sizes = communities.map(() => 0);
  for (const s of students) {
    const c = assignment[s.id];
    if (c !== undefined && c >= 0 && c < sizes.length) sizes[c]!++;
  }
  const communityFigures: CommunityFigure[] = communities.map((community, c) => ({
    index: community.index,
    size: sizes[c]!,
    withinBounds: sizes[c]! >= settings.sizeBounds.min && sizes[c]! <= settings.sizeBounds.max,
    mix: quality.spread.flatMap((spread, a) => {
      const key = settings.attributes[a]!.key;
      if (isBackground(key)) return [];
      const row = spread.counts[c] ?? [];
      const inCohort = spread.values.filter((_, v) => spread.counts.some((r) => r[v]! > 0)).length;
      return [{ attribute: key, present: row.filter((x) => x > 0).length, of: inCohort }];
    }),
  }));

  const summaries = quality.spread.map(summarizeSpread);
  const fit = fitContext(settings, communities, assignment, summaries, sizes);
  const labelOf = new Map(settings.prePlaced.map((p) => [p.studentId, p.label]));
  const reasons: Record<string, CoordinatorReason[]> = {};
  for (const student of students) {
    const c = assignment[student.id];
    if (c === undefined || c < 0) continue;
    const partners = (pairs: readonly StudentPair[], together: boolean): string[] =>
      pairs.flatMap(([a, b]) => {
        const other = a === student.id ? b : b === student.id ? a : null;
        if (other === null || (assignment[other] === c) !== together) return [];
        return [other];
      });
    const raw = explainPlacement(student, {
      community: c,
      label: labelOf.get(student.id) ?? null,
      classId: settings.perClass ? (student.classId ?? null) : null,
      partnersTogether: partners(settings.keepTogether, true),
      partnersApart: partners(settings.keepApart, false),
      spread: summaries,
    });
    const shown: CoordinatorReason[] = toCoordinatorReasons(raw).filter((r) => r.code !== 'balances_group_sizes');
    if (!labelOf.has(student.id)) shown.push(...fitReasons(student, c, fit, partners(settings.keepTogether, true).length > 0));
    // Whatever else holds, a student without a reason of their own is there to even out the sizes
    // (this also covers a student whose only reasons were background ones, which are not shown).
    if (!shown.some((r) => r.code !== 'same_class')) shown.push({ code: 'balances_group_sizes' });
    reasons[student.id] = shown;
  }
  return { diversity: quality.diversity, attributes: attributeFigures, communities: communityFigures, violations: quality.violations, reasons };
}

/** Strips values and counts from the engine's reasons, and background reasons altogether. */
export function toCoordinatorReasons(reasons: readonly PlacementReason[]): CoordinatorReason[] {
  const result: CoordinatorReason[] = [];
  const push = (reason: CoordinatorReason) => {
    if (!result.some((r) => JSON.stringify(r) === JSON.stringify(reason))) result.push(reason);
  };
  for (const reason of reasons) {
    switch (reason.code) {
      case 'pre_placed':
        push({ code: 'pre_placed', label: reason.params.label });
        break;
      case 'same_class':
        push({ code: 'same_class' });
        break;
      case 'kept_with':
        push({ code: 'kept_with', studentIds: reason.params.studentIds });
        break;
      case 'kept_apart_from':
        push({ code: 'kept_apart_from', studentIds: reason.params.studentIds });
        break;
      case 'adds_under_represented_value': {
        // A background reason would single a student out (students mostly disclose "yes, first in
        // my family"), so it is left out; the background counts only in the aggregate figures.
        const attribute = reason.params.attribute as GroupingAttribute;
        if (!isBackground(attribute)) push({ code: 'adds_spread', attribute });
        break;
      }
      case 'balances_group_sizes':
        push({ code: 'balances_group_sizes' });
        break;
    }
  }
  return result;
}

type FitContext = {
  /** The student's value per shown attribute: what their gain is computed from. */
  readonly termsOf: (student: StudentForGrouping) => readonly FitTerm[];
  readonly candidates: (student: StudentForGrouping, from: number) => readonly number[];
  /** Communities a student could be in at all (their class's, when forming per class). */
  readonly comparable: (from: number) => readonly number[];
  /** The best gain over the communities comparable to `from`: the same for everyone with these values. */
  readonly bestGain: (terms: readonly FitTerm[], from: number) => number;
};

type FitTerm = { readonly a: number; readonly weight: number; readonly disclosedIn: readonly number[]; readonly counts: readonly (readonly number[])[]; readonly v: number };

/** What a student adds to community k: Σ_a w_a·(members of k who disclosed a − members of k with their value). */
function gainOf(terms: readonly FitTerm[], k: number): number {
  let total = 0;
  for (const t of terms) total += t.weight * (t.disclosedIn[k]! - t.counts[k]![t.v]!);
  return total;
}

/**
 * The solver's own move gain, over the attributes that may be shown per student (never background
 * ones, so this reason cannot single anyone out on them).
 */
function fitContext(
  settings: DraftSettings,
  communities: readonly DraftCommunity[],
  assignment: Readonly<Record<string, number>>,
  summaries: readonly SpreadSummary[],
  sizes: readonly number[],
): FitContext {
  const shown = summaries.flatMap((summary, a) => (isBackground(settings.attributes[a]!.key) ? [] : [{ summary, weight: settings.attributes[a]!.weight }]));
  const apart = new Map<string, string[]>();
  for (const [x, y] of settings.keepApart) {
    apart.set(x, [...(apart.get(x) ?? []), y]);
    apart.set(y, [...(apart.get(y) ?? []), x]);
  }
  const all = communities.map((_, k) => k);
  const byClass = new Map<string | null, number[]>();
  communities.forEach((c, k) => byClass.set(c.classId, [...(byClass.get(c.classId) ?? []), k]));
  const comparable = (from: number) => (settings.perClass ? (byClass.get(communities[from]!.classId) ?? all) : all);
  // Students share few combinations of values, so the best community per combination is computed
  // once: O(combinations · communities) instead of O(students · communities).
  const best = new Map<string, number>();
  return {
    bestGain: (terms, from) => {
      const key = `${settings.perClass ? String(communities[from]!.classId) : ''}|${terms.map((t) => `${t.a}:${t.v}`).join(',')}`;
      let value = best.get(key);
      if (value === undefined) {
        value = -Infinity;
        for (const k of comparable(from)) value = Math.max(value, gainOf(terms, k));
        best.set(key, value);
      }
      return value;
    },
    termsOf: (student) =>
      shown.flatMap(({ summary, weight }, a) => {
        const value = student.attributes[summary.spread.attribute];
        const v = value === null || value === undefined ? -1 : summary.spread.values.indexOf(value);
        return v < 0 ? [] : [{ a, weight, disclosedIn: summary.disclosedIn, counts: summary.spread.counts, v }];
      }),
    candidates: (student, from) =>
      comparable(from).filter(
        (k) =>
          k !== from &&
          sizes[k]! + 1 <= settings.sizeBounds.max &&
          sizes[from]! - 1 >= settings.sizeBounds.min &&
          !(apart.get(student.id) ?? []).some((other) => assignment[other] === k),
      ),
    comparable,
  };
}

/**
 * The student's fit, from the same gain the solver maximises: "no community would gain more from
 * them" when theirs is (one of) the best, or — typically after a hand edit — which community has
 * room and would gain more. Students who add nothing to the shown attributes get neither.
 */
function fitReasons(student: StudentForGrouping, community: number, fit: FitContext, keptWithSomeone: boolean): CoordinatorReason[] {
  const terms = fit.termsOf(student);
  if (terms.length === 0) return [];
  const own = gainOf(terms, community);
  const best = Math.max(own, fit.bestGain(terms, community));
  if (best <= 1e-9) return [];
  if (own >= best - 1e-9) return [{ code: 'best_fit' }];
  if (keptWithSomeone) return [];
  let target = -1;
  let targetGain = own + 1e-9;
  for (const k of fit.candidates(student, community)) {
    const gain = gainOf(terms, k);
    if (gain > targetGain) {
      target = k;
      targetGain = gain;
    }
  }
  return target < 0 ? [] : [{ code: 'better_elsewhere', community: target }];
}
