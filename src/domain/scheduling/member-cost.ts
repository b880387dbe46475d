import type { Minutes } from './time.js';

/** One busy interval of a person on one day; `location` null = unavailable but not on a campus. */
export type DayInterval<L> = { start: Minutes; end: Minutes; location: L | null };

export type CostRules = {
  adjacencyMarginMinutes: number;
  extraTripCost: number;
  conflictCost: number;
};

/**
 * Which of the three rules of FORMAT.md decided a member's cost; `online`: the community meets
 * online, so nobody travels or waits on campus for it (only a clash with a class counts).
 */
export type MemberCostKind = 'conflict' | 'extra-trip' | 'wait' | 'online';

export type MemberCost = { cost: number; kind: MemberCostKind };

/** Half-open intervals: a class ending at 12:30 does not overlap a session starting at 12:30. */
export function overlaps(aStart: Minutes, aEnd: Minutes, bStart: Minutes, bEnd: Minutes): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * The cost of a session [start, end) at `location` for one member whose busy intervals on that
 * day are `busy` (all locations). Rules, in order: overlap → conflictCost; no class at that
 * location that day → extraTripCost; else waiting beyond the margin to the nearest class there.
 * Kept generic over the location type so the checker (string ids) and the compiled model
 * (numeric indices) share one definition of the rules.
 */
export function memberCost<L>(
  busy: readonly DayInterval<L>[],
  start: Minutes,
  end: Minutes,
  location: L,
  rules: CostRules,
  online = false,
): MemberCost {
  let gap = Infinity;
  for (const b of busy) {
    if (overlaps(start, end, b.start, b.end)) return { cost: rules.conflictCost, kind: 'conflict' };
  }
  if (online) return { cost: 0, kind: 'online' };
  for (const b of busy) {
    if (b.location !== location) continue;
    const g = b.end <= start ? start - b.end : b.start - end;
    if (g < gap) gap = g;
  }
  if (gap === Infinity) return { cost: rules.extraTripCost, kind: 'extra-trip' };
  return { cost: Math.max(0, gap - rules.adjacencyMarginMinutes), kind: 'wait' };
}

/** Kind codes of {@link packedMemberCost}: the low two bits of its result. */
export const KIND_WAIT = 0;
export const KIND_EXTRA_TRIP = 1;
export const KIND_CONFLICT = 2;
/** An online community's member without a clash: no trip, no waiting (cost 0). */
export const KIND_ONLINE = 3;

/**
 * Allocation-free twin of {@link memberCost} for the model's precomputation (about a million
 * calls on a large instance): intervals come as parallel typed arrays [from, to) with location
 * indices (-1 = none), and the result is cost × 4 + kind code. The table-driven tests check that
 * both agree.
 */
export function packedMemberCost(
  starts: Int32Array,
  ends: Int32Array,
  locations: Int32Array,
  from: number,
  to: number,
  start: number,
  end: number,
  location: number,
  rules: CostRules,
  online = false,
): number {
  for (let i = from; i < to; i++) {
    if (start < (ends[i] ?? 0) && (starts[i] ?? 0) < end) return rules.conflictCost * 4 + KIND_CONFLICT;
  }
  if (online) return KIND_ONLINE;
  let gap = Infinity;
  for (let i = from; i < to; i++) {
    if (locations[i] !== location) continue;
    const bEnd = ends[i] ?? 0;
    const g = bEnd <= start ? start - bEnd : (starts[i] ?? 0) - end;
    if (g < gap) gap = g;
  }
  if (gap === Infinity) return rules.extraTripCost * 4 + KIND_EXTRA_TRIP;
  return Math.max(0, gap - rules.adjacencyMarginMinutes) * 4 + KIND_WAIT;
}
