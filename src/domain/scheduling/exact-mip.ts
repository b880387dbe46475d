import highsLoader, { type Highs } from 'highs';
import type { SchedulingModel } from './model.js';

export type ExactMipOptions = {
  /**
   * A known feasible objective. Enables exact pruning: in an optimal plan no community can cost
   * more than its cheapest placement plus (upperBound − Σ cheapest), so placements above that are
   * dropped. Needed for big instances, which otherwise exceed what highs-js (WASM) can hold.
   */
  upperBound?: number;
  timeLimitSeconds?: number;
  /** Load a fresh WASM module instead of the cached one (to time HiGHS including its start-up). */
  freshModule?: boolean;
  /** Use this already loaded module (benchmarks: load untimed, then time the solve alone). */
  module?: Highs;
};

let cachedModule: Promise<Highs> | undefined;

export type { Highs };

/** highs-js instances can be reused; loading the WASM module costs ~0.3 s, so do it once. */
function loadHighs(fresh: boolean): Promise<Highs> {
  if (fresh) return highsLoader();
  cachedModule ??= highsLoader();
  return cachedModule;
}

export type ExactMipResult = {
  status: string;
  objective: number;
  /** Placement index per community (model numbering). */
  assign: Int32Array;
  variables: number;
  constraints: number;
  /** Milliseconds spent building the LP text, and inside HiGHS (incl. loading the WASM module). */
  buildMs: number;
  solveMs: number;
};

/** Variables of community c: its coach-free placements whose cost survives the pruning. */
function candidatePlacements(model: SchedulingModel, upperBound: number | undefined): number[][] {
  let slack = Infinity;
  if (upperBound !== undefined) {
    let lb = 0;
    for (const v of model.minCost) lb += v;
    slack = upperBound - lb;
  }
  return Array.from({ length: model.nCommunities }, (_, c) => {
    const out: number[] = [];
    for (let i = model.sortedStart[c] ?? 0; i < (model.sortedStart[c + 1] ?? 0); i++) {
      const p = model.sorted[i] ?? 0;
      if ((model.cost[c * model.nPlacements + p] ?? 0) - (model.minCost[c] ?? 0) <= slack) out.push(p);
    }
    return out;
  });
}

/**
 * The exact MIP of README.md in CPLEX LP format: one binary per community × coach-free
 * placement; each community placed once; per location and grid point at most `rooms` sessions;
 * per coach and grid point at most one. Rows that can never bind are left out.
 */
export function buildExactMipLp(model: SchedulingModel, options: ExactMipOptions = {}): { lp: string; variables: number; constraints: number } {
  const m = model;
  const cands = candidatePlacements(m, options.upperBound);
  const roomRows = new Map<number, string[]>();
  const coachRows = new Map<number, string[]>();
  const objective: string[] = [];
  const assignRows: string[] = [];
  const names: string[] = [];
  cands.forEach((placements, c) => {
    const k = m.communityCoach[c] ?? 0;
    const terms: string[] = [];
    for (const p of placements) {
      const name = `x${c}_${p}`;
      names.push(name);
      terms.push(name);
      const cost = m.cost[c * m.nPlacements + p] ?? 0;
      if (cost !== 0) objective.push(`${cost} ${name}`);
      const s = m.placementStart[p] ?? 0;
      const coachBase = (k * m.nDays + (m.placementDay[p] ?? 0)) * m.nStarts;
      for (let t = s; t < Math.min(s + m.span, m.nStarts); t++) {
        if (m.needsRoom[c] === 1) push(roomRows, p - s + t, name);
        push(coachRows, coachBase + t, name);
      }
    }
    assignRows.push(` a${c}: ${wrap(terms, ' + ')} = 1`);
  });
  const rows = [...assignRows];
  for (const [key, terms] of roomRows) {
    const cap = m.rooms[m.placementLocation[key] ?? 0] ?? 0;
    if (terms.length > cap) rows.push(` r${key}: ${wrap(terms, ' + ')} <= ${cap}`);
  }
  for (const [key, terms] of coachRows) {
    if (new Set(terms.map((t) => t.slice(0, t.indexOf('_')))).size > 1) rows.push(` k${key}: ${wrap(terms, ' + ')} <= 1`);
  }
  const lp = [
    'Minimize',
    ` obj: ${objective.length > 0 ? wrap(objective, ' + ') : '0 ' + (names[0] ?? 'x0_0')}`,
    'Subject To',
    ...rows,
    'Binary',
    wrap(names, ' '),
    'End',
    '',
  ].join('\n');
  return { lp, variables: names.length, constraints: rows.length };
}

/** Solves the exact MIP with HiGHS (highs-js). Used as the reference in tests and the benchmark. */
export async function solveExactMip(model: SchedulingModel, options: ExactMipOptions = {}): Promise<ExactMipResult> {
  const t0 = performance.now();
  const { lp, variables, constraints } = buildExactMipLp(model, options);
  const t1 = performance.now();
  const highs = options.module ?? (await loadHighs(options.freshModule ?? false));
  const result = highs.solve(lp, {
    mip_rel_gap: 0,
    mip_abs_gap: 0,
    output_flag: false,
    ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
  });
  const t2 = performance.now();
  const assign = new Int32Array(model.nCommunities).fill(-1);
  let objective = NaN;
  if (result.Status === 'Optimal' || result.Status === 'Time limit reached') {
    objective = 0;
    for (const [name, column] of Object.entries(result.Columns)) {
      const primal: unknown = (column as { Primal?: unknown }).Primal;
      if (typeof primal !== 'number' || primal < 0.5) continue;
      const [c, p] = name.slice(1).split('_').map(Number);
      if (c === undefined || p === undefined) continue;
      assign[c] = p;
      objective += model.cost[c * model.nPlacements + p] ?? 0;
    }
  }
  return { status: result.Status, objective, assign, variables, constraints, buildMs: t1 - t0, solveMs: t2 - t1 };
}

function push(map: Map<number, string[]>, key: number, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** LP readers dislike very long lines: at most 8 terms per line. */
function wrap(terms: readonly string[], sep: string): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push(terms.slice(i, i + 8).join(sep));
  return lines.join(`${sep.trimEnd()}\n  `);
}
