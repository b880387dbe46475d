import type { MdgpInstance } from './mdgp-instance.js';

/**
 * The standard linearisation of the MDGP as a CPLEX-LP-format MIP, used to cross-check the
 * heuristic against a proven optimum on small instances (HiGHS solves it in the tests):
 *   max Σ_g Σ_{i<j} d_ij·y_ijg  s.t.  Σ_g x_ig = 1,  a_g ≤ Σ_i x_ig ≤ b_g,  y_ijg ≤ x_ig,  y_ijg ≤ x_jg,
 *   Σ_j y_ijg ≤ (b_g − 1)·x_ig (a cut that tightens the LP bound a lot), x binary, 0 ≤ y ≤ 1.
 * Groups with identical bounds are interchangeable, so a symmetry-breaking rule keeps the tree
 * small: element k may not sit in the t-th group of such a class when t > k (order the groups of
 * a class by their smallest member). Only sensible for n ≤ ~15.
 */
export function mdgpToLp(instance: MdgpInstance): string {
  const { n, bounds, distance } = instance;
  const m = bounds.lower.length;
  const objective: string[] = [];
  const constraints: string[] = [];
  for (let g = 0; g < m; g++) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = distance[i * n + j]!;
        if (d !== 0) objective.push(`${d >= 0 ? '+' : '-'} ${Math.abs(d)} y_${i}_${j}_${g}`);
        constraints.push(`l_${i}_${j}_${g}_a: y_${i}_${j}_${g} - x_${i}_${g} <= 0`);
        constraints.push(`l_${i}_${j}_${g}_b: y_${i}_${j}_${g} - x_${j}_${g} <= 0`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    constraints.push(`assign_${i}: ${Array.from({ length: m }, (_, g) => `x_${i}_${g}`).join(' + ')} = 1`);
  }
  // Tightening cut: i has at most b_g − 1 partners in g, and none when it is not in g.
  for (let g = 0; g < m; g++) {
    for (let i = 0; i < n; i++) {
      const partners: string[] = [];
      for (let j = 0; j < n; j++) if (j !== i) partners.push(i < j ? `y_${i}_${j}_${g}` : `y_${j}_${i}_${g}`);
      constraints.push(`deg_${i}_${g}: ${partners.join(' + ')} - ${bounds.upper[g]! - 1} x_${i}_${g} <= 0`);
    }
  }
  for (let g = 0; g < m; g++) {
    const sum = Array.from({ length: n }, (_, i) => `x_${i}_${g}`).join(' + ');
    constraints.push(`min_${g}: ${sum} >= ${bounds.lower[g]}`);
    constraints.push(`max_${g}: ${sum} <= ${bounds.upper[g]}`);
  }
  const fixedZero: string[] = [];
  const rankInClass = new Map<string, number>();
  for (let g = 0; g < m; g++) {
    const key = `${bounds.lower[g]}-${bounds.upper[g]}`;
    const t = rankInClass.get(key) ?? 0;
    rankInClass.set(key, t + 1);
    for (let k = 0; k < Math.min(t, n); k++) fixedZero.push(`x_${k}_${g} = 0`);
  }
  const binaries: string[] = [];
  for (let i = 0; i < n; i++) for (let g = 0; g < m; g++) binaries.push(`x_${i}_${g}`);
  const yBounds: string[] = [];
  for (let g = 0; g < m; g++) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yBounds.push(`0 <= y_${i}_${j}_${g} <= 1`);
  return [
    'Maximize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : '0 x_0_0'}`,
    'Subject To',
    ...constraints.map((c) => ` ${c}`),
    'Bounds',
    ...yBounds.map((b) => ` ${b}`),
    ...fixedZero.map((b) => ` ${b}`),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
    '',
  ].join('\n');
}
