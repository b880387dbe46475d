/**
 * The evaluation table's cells (issue 18, dashboard and impact report): a question nobody was
 * asked at a moment — the moment's audience left its question set out, or the moment has not been
 * held in the filter — is "not asked", which is a different thing from a figure hidden because
 * fewer than five people answered (null), and from a question asked that nobody has answered yet
 * ("no answers": zero people, so nothing to hide). Pure: the insight module translates the words.
 */
import { suppress } from './suppression';

export const NOT_ASKED = 'notAsked' as const;
export type NotAsked = typeof NOT_ASKED;
export const NO_ANSWERS = 'noAnswers' as const;
export type NoAnswers = typeof NO_ANSWERS;
/** A cell in words instead of a number. */
export type CellWord = NotAsked | NoAnswers;

/** One moment of one question as counted: asked or not, the people who answered (null when 1–4, hidden), the mean (null when hidden). */
export type MomentFigure = { asked: boolean; n: number | null; mean: number | null };

/**
 * A moment's mean: the number, null (1–4 answered), `NOT_ASKED` (nobody was asked, or no such
 * moment) or `NO_ANSWERS` (asked, nobody answered yet).
 */
export function momentMean(figure: MomentFigure | undefined): number | null | CellWord {
  if (!figure || !figure.asked) return NOT_ASKED;
  if (figure.n === 0) return NO_ANSWERS;
  return figure.n === null ? null : suppress(figure.mean, figure.n);
}

/**
 * The T0→T2 change and its number of pairs: `NOT_ASKED` for both when either end was not asked
 * (there can be no pair), no change and 0 pairs when nobody answered both, otherwise suppressed like
 * any figure about fewer than five people.
 */
export function changeCells(t0: MomentFigure | undefined, t2: MomentFigure | undefined, change: { pairs: number | null; mean: number | null } | null): [number | null | CellWord, number | null | CellWord] {
  if (!t0?.asked || !t2?.asked) return [NOT_ASKED, NOT_ASKED];
  if (!change || change.pairs === 0) return [NO_ANSWERS, 0];
  if (change.pairs === null) return [null, null];
  return [suppress(change.mean, change.pairs), suppress(change.pairs, change.pairs)];
}
