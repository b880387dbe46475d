import { applyMove, applySwap, type SearchContext } from './search-context.js';

/**
 * Random kicks that move the search out of the basin of the current local optimum: `strength`
 * random swaps (and, where the bounds leave room, random single moves). The kicked elements are
 * made tabu so the next tabu search cannot simply undo the kick.
 */
export function perturb(ctx: SearchContext, strength: number, iteration: number, tenure: number, withMoves = true): void {
  const { model, n, m, movable, group, size, lower, upper, rng, tabuUntil } = ctx;
  for (let k = 0; k < strength; k++) {
    const i = rng.nextInt(n);
    if (movable[i] === 0) continue;
    const gi = group[i]!;
    if (withMoves && size[gi]! > lower[gi]! && rng.nextInt(2) === 0) {
      const h = rng.nextInt(m);
      if (h !== gi && size[h]! < upper[h]!) {
        applyMove(ctx, i, h, model.gain(i, h) - model.gain(i, gi));
        tabuUntil[i] = iteration + tenure;
        continue;
      }
    }
    const j = rng.nextInt(n);
    const gj = group[j]!;
    if (movable[j] === 0 || gj === gi) continue;
    const delta = model.gain(i, gj) - model.gain(i, gi) + model.gain(j, gi) - model.gain(j, gj) - 2 * model.distance(i, j);
    applySwap(ctx, i, j, delta);
    tabuUntil[i] = iteration + tenure;
    tabuUntil[j] = iteration + tenure;
  }
}
