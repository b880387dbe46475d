import type { EjectionChains } from './ejection-chains.js';
import { SchedulingError } from './errors.js';
import { UNPLACED, type PlanState } from './plan-state.js';

/**
 * Greedy start by regret: repeatedly place the community that would lose most if it did not get
 * its cheapest free placement now (second-cheapest minus cheapest). Communities left with no free
 * placement get one by an ejection chain; as a last resort the sessions in the way of their
 * cheapest placement are pushed back into the queue (bounded, then NO_FEASIBLE_PLAN_FOUND).
 */
export function constructPlan(
  state: PlanState,
  chains: EjectionChains,
  /** Another preference order per community (same layout as model.sorted) and its cost, e.g. Lagrangian-priced. */
  preference?: { sorted: Int32Array; cost: (c: number, p: number) => number },
): void {
  const m = state.model;
  const sorted = preference?.sorted ?? m.sorted;
  const costOf = preference?.cost ?? ((c: number, p: number): number => state.costOf(c, p));
  const firstFree = (c: number, skip: number): number => {
    for (let i = m.sortedStart[c] ?? 0; i < (m.sortedStart[c + 1] ?? 0); i++) {
      const p = sorted[i] ?? 0;
      if (p !== skip && state.canPlace(c, p)) return p;
    }
    return UNPLACED;
  };
  let forced = 0;
  const scratch = new Int32Array(m.nCommunities);
  while (state.unplaced > 0) {
    let pick = UNPLACED;
    let pickPlacement = UNPLACED;
    let pickRegret = -1;
    for (let c = 0; c < m.nCommunities; c++) {
      if (state.assign[c] !== UNPLACED) continue;
      const best = firstFree(c, UNPLACED);
      if (best === UNPLACED) {
        pick = c;
        pickPlacement = UNPLACED;
        break;
      }
      const second = firstFree(c, best);
      const regret =
        second === UNPLACED ? Number.MAX_SAFE_INTEGER : costOf(c, second) - costOf(c, best);
      if (regret > pickRegret) {
        pick = c;
        pickPlacement = best;
        pickRegret = regret;
      }
    }
    if (pickPlacement !== UNPLACED) {
      state.place(pick, pickPlacement);
      continue;
    }
    if (chains.insert(pick, Number.MAX_SAFE_INTEGER, 2)) continue;
    if (++forced > 20 * m.nCommunities) {
      throw new SchedulingError('NO_FEASIBLE_PLAN_FOUND', 'no plan found that respects room capacity and coach availability');
    }
    forcePlace(state, chains, pick, forced, scratch);
  }
  state.commit();
}

/** Puts c at one of its cheapest placements (rotating with `attempt`) and unplaces whoever blocks it. */
function forcePlace(state: PlanState, chains: EjectionChains, c: number, attempt: number, scratch: Int32Array): void {
  const m = state.model;
  const options = (m.sortedStart[c + 1] ?? 0) - (m.sortedStart[c] ?? 0);
  const p = m.sorted[(m.sortedStart[c] ?? 0) + (attempt % Math.min(options, 8))] ?? 0;
  const n = chains.collectBlockers(c, p, scratch);
  for (let i = 0; i < n; i++) state.remove(scratch[i] ?? 0);
  if (state.canPlace(c, p)) state.place(c, p);
}
