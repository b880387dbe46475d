/**
 * Access rules for the activity library: werkvormen and session plans (module `activities`).
 * Creating one is asked of the institution (`library:create`, in `programme.ts`).
 */
import type { Action } from '../actions';
import { holds, runsSessions, runsSessionsIn, type Actor } from '../actor';

export type LibraryItemResource = {
  /** A coach's own activity (werkvorm) or session plan in the library: private, or shared with the coaches. */
  kind: 'libraryItem';
  institutionId: string;
  /** The institution's built-in werkvormen (content): read by everyone there, edited by nobody here. */
  builtIn: boolean;
  authorId: string | null;
  shared: boolean;
  /** Shared only with the coaches of this programme; null: with the whole institution's (issue 21 item 8). */
  programmeId: string | null;
};

export function libraryItemRule(action: Action, a: Actor, r: LibraryItemResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (r.builtIn) return action === 'library:read';
  const author = r.authorId !== null && r.authorId === a.personId;
  // Shared items are for the other coaches (not coachees, leercoaches or researchers) — of one
  // programme when the item is for that programme only; edits are the author's, and for a
  // programme's shared items also its coordinators'.
  const runs = r.programmeId === null ? runsSessions(a, r.institutionId) : runsSessionsIn(a, r.institutionId, r.programmeId);
  if (action === 'library:read') return author || (r.shared && runs);
  if (action === 'library:manage') return author || (r.shared && r.programmeId !== null && holds(a, 'coordinator', r.institutionId, r.programmeId));
  return false;
}
