/**
 * The evaluation table's cells (issue 18, dashboard and impact report): a question nobody was
 * asked at a moment — the moment's audience left its question set out, or the moment has not been
 * held in the filter — is "not asked", which is a different thing from a figure hidden because
 * fewer than five people answered (null). Pure: the insight module translates `NOT_ASKED`.
 */
import { suppress } from './suppression';

export const NOT_ASKED = 'notAsked' as const;
export type NotAsked = typeof NOT_ASKED;

/** One moment of one question as counted: asked or not, the people who answered, the mean (null when hidden). */
export type MomentFigure = { asked: boolean; n: number; mean: number | null };

/** A moment's mean: the number, null (fewer than five answered) or `NOT_ASKED` (nobody was asked, or no such moment). */
export function momentMean(figure: MomentFigure | undefined): number | null | NotAsked {
  if (!figure || !figure.asked) return NOT_ASKED;
  return suppress(figure.mean, figure.n);
}

/**
 * The T0→T2 change and its number of pairs: `NOT_ASKED` for both when either end was not asked
 * (there can be no pair), otherwise suppressed like any figure about fewer than five people.
 */
export function changeCells(t0: MomentFigure | undefined, t2: MomentFigure | undefined, change: { pairs: number; mean: number | null } | null): [number | null | NotAsked, number | null | NotAsked] {
  if (!t0?.asked || !t2?.asked) return [NOT_ASKED, NOT_ASKED];
  if (!change) return [null, null];
  return [suppress(change.mean, change.pairs), suppress(change.pairs, change.pairs)];
}
