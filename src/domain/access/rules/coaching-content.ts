/**
 * Access rules for coaching content — logbooks and one-on-one notes (module `sessions`), resilience
 * maps (module `resilience`) and check-ins (module `sessions`): the most protected data we hold.
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type CoachingContentType = 'logbook' | 'oneOnOneNote' | 'resilienceMap' | 'checkin';

export type CoachingContentResource = {
  /** Content written about or by a coachee in coaching: the most protected data we hold. */
  kind: 'coachingContent';
  contentType: CoachingContentType;
  institutionId: string;
  programmeId: string;
  /** The coachee the content is about (owner of a map or check-in). */
  subjectId: string;
  /** The coach who wrote it (logbook, one-on-one note), if any. */
  authorId: string | null;
  /** Senior coaches who supervise the author. */
  supervisorIds: readonly string[];
  /** People the subject explicitly shared it with. */
  sharedWithIds: readonly string[];
  /** Of those, the people the subject lets edit it with them (a resilience map shared for 'edit'). */
  editorIds?: readonly string[];
};

function coachingContentWriteRule(action: Action, a: Actor, r: CoachingContentResource): boolean {
  if (action === 'coachingContent:share') return r.subjectId === a.personId && (r.contentType === 'resilienceMap' || r.contentType === 'checkin');
  switch (r.contentType) {
    case 'oneOnOneNote':
    case 'logbook':
      return r.authorId === a.personId;
    case 'resilienceMap':
      // The owner, or someone they shared it with for editing together.
      return r.subjectId === a.personId || (r.sharedWithIds.includes(a.personId) && (r.editorIds ?? []).includes(a.personId));
    case 'checkin':
      return r.subjectId === a.personId;
  }
}

export function coachingContentRule(action: Action, a: Actor, r: CoachingContentResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (action === 'coachingContent:write' || action === 'coachingContent:share') return coachingContentWriteRule(action, a, r);
  if (action !== 'coachingContent:read') return false;
  // The subject always sees their own content; what others see depends on the kind.
  if (r.subjectId === a.personId && r.contentType !== 'logbook' && r.contentType !== 'oneOnOneNote') return true;
  switch (r.contentType) {
    case 'oneOnOneNote':
      // Private to the coach who wrote it: not the senior coach, not the coordinator.
      return r.authorId === a.personId;
    case 'logbook':
      return (
        r.authorId === a.personId ||
        (r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId)) ||
        isCoordinatorOf(a, r)
      );
    case 'resilienceMap':
    case 'checkin':
      // Owned by the coachee: only people they shared it with.
      return r.sharedWithIds.includes(a.personId);
  }
}
