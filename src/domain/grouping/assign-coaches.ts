import { hungarian } from './hungarian.js';

export type CoachForAssignment = {
  readonly id: string;
  readonly programmeId: string;
  /** How many communities this coach can take (default 1). */
  readonly capacity?: number;
};

export type CommunityForAssignment = { readonly index: number; readonly programmeId: string };

export type AssignCoachesOptions = {
  readonly coaches: readonly CoachForAssignment[];
  readonly communities: readonly CommunityForAssignment[];
  /**
   * Optional role-model preference, preference[coach][community] (higher = better), indexed like
   * the input arrays. Without it every same-programme pairing is equally good.
   */
  readonly preference?: readonly (readonly number[])[];
};

export type CoachAssignment = {
  /** Coach id per community (by position in `communities`), or null when no coach is left. */
  readonly coachOfCommunity: readonly (string | null)[];
  readonly unassignedCommunities: readonly number[];
  readonly totalPreference: number;
};

/**
 * One coach per community, only within the same programme, maximising the total preference.
 * An optimal assignment (Hungarian algorithm over coach slots), so no greedy artefacts: a coach's
 * strong match is never lost because another community was served first.
 */
export function assignCoaches(options: AssignCoachesOptions): CoachAssignment {
  const { coaches, communities, preference } = options;
  const slots: number[] = [];
  coaches.forEach((coach, k) => {
    for (let s = 0; s < Math.max(0, coach.capacity ?? 1); s++) slots.push(k);
  });
  // Rows are communities; extra "no coach" columns keep the problem feasible when coaches run short.
  const columns = slots.length + communities.length;
  let maxPreference = 0;
  for (const row of preference ?? []) for (const p of row) maxPreference = Math.max(maxPreference, Math.abs(p));
  const unmatchedCost = 1 + 2 * maxPreference * Math.max(1, communities.length);
  const cost = communities.map((community, c) => {
    const row = new Array<number>(columns).fill(Infinity);
    slots.forEach((k, s) => {
      if (coaches[k]!.programmeId === community.programmeId) row[s] = -(preference?.[k]?.[c] ?? 0);
    });
    row[slots.length + c] = unmatchedCost;
    return row;
  });
  const match = hungarian(cost, columns);
  let totalPreference = 0;
  const coachOfCommunity = communities.map((_, c) => {
    const s = match[c]!;
    if (s < 0 || s >= slots.length) return null;
    const k = slots[s]!;
    totalPreference += preference?.[k]?.[c] ?? 0;
    return coaches[k]!.id;
  });
  const unassignedCommunities = communities.flatMap((community, c) => (coachOfCommunity[c] === null ? [community.index] : []));
  return { coachOfCommunity, unassignedCommunities, totalPreference };
}
