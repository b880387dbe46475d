/**
 * Access rules for the activity library: werkvormen and session plans (module `activities`).
 * Creating one is asked of the institution (`library:create`, in `programme.ts`).
 */
import type { Action } from '../actions';
import { runsSessions, type Actor } from '../actor';

export type LibraryItemResource = {
  /** A coach's own activity (werkvorm) or session plan in the library: private, or shared with the coaches. */
  kind: 'libraryItem';
  institutionId: string;
  /** The institution's built-in werkvormen (content): read by everyone there, edited by nobody here. */
  builtIn: boolean;
  authorId: string | null;
  shared: boolean;
};

export function libraryItemRule(action: Action, a: Actor, r: LibraryItemResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (r.builtIn) return action === 'library:read';
  const author = r.authorId !== null && r.authorId === a.personId;
  // Shared items are for the other coaches (not coachees, leercoaches or researchers); edits are the author's.
  if (action === 'library:read') return author || (r.shared && runsSessions(a, r.institutionId));
  if (action === 'library:manage') return author;
  return false;
}
