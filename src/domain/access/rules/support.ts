/** Access rules for support: the help directory, referrals and signals (module `support`). */
import type { Action } from '../actions';
import { holds, isCoachOf, isCoordinatorOf, type Actor } from '../actor';

/**
 * An entry of the institution's help directory (sociale kaart), or the directory itself when
 * adding one. No personal data. `programmeId`: only for that programme's people; null: the whole
 * institution (issue 21 item 8).
 */
export type HelpResourceResource = { kind: 'helpResource'; institutionId: string; programmeId: string | null };

export type CoacheeResource = {
  /** A coachee as someone a coach may refer: the coaches of the coachee's current communities. */
  kind: 'coachee';
  institutionId: string;
  programmeId: string;
  coacheeId: string;
  coachIds: readonly string[];
};

export type ReferralResource = {
  /** The fact that a coach referred a coachee to help (not what was said). */
  kind: 'referral';
  institutionId: string;
  programmeId: string;
  coacheeId: string;
  /** The coach who recorded it. */
  coachId: string;
};

export type SignalResource = {
  /** A need, theme or incident a coach raised with the programme. */
  kind: 'signal';
  institutionId: string;
  programmeId: string;
  raisedById: string;
  signalKind: 'need' | 'theme' | 'incident';
  /** The coordinator who took an incident on; null until someone does. */
  handlerId: string | null;
};

/** Does the actor belong to the programme: a role in it, or an institution-wide role? */
export const belongsToProgramme = (actor: Actor, institutionId: string, programmeId: string) =>
  actor.institutionId === institutionId && actor.grants.some((g) => g.institutionId === institutionId && (g.programmeId === null || g.programmeId === programmeId));

/** Keeps the institution-wide entries: the beheerder, or a coordinator whose role spans the institution. */
const keepsInstitutionWide = (actor: Actor, institutionId: string) =>
  holds(actor, 'beheerder', institutionId) || actor.grants.some((g) => g.role === 'coordinator' && g.institutionId === institutionId && g.programmeId === null);

export function helpResourceRule(action: Action, actor: Actor, resource: HelpResourceResource): boolean {
  if (actor.institutionId !== resource.institutionId) return false;
  // Everyone at the institution reads its institution-wide entries; a programme's own entries are
  // for the people of that programme only (and institution-wide roles).
  if (action === 'helpResource:read') return resource.programmeId === null || belongsToProgramme(actor, resource.institutionId, resource.programmeId);
  // Institution-wide entries are the beheerder's; a programme's own entries its coordinators' (and the beheerder's).
  if (action === 'helpResource:manage')
    return resource.programmeId === null
      ? keepsInstitutionWide(actor, resource.institutionId)
      : holds(actor, 'coordinator', resource.institutionId, resource.programmeId) || holds(actor, 'beheerder', resource.institutionId);
  return false;
}

export function coacheeRule(action: Action, actor: Actor, resource: CoacheeResource): boolean {
  return (
    action === 'coachee:refer' &&
    resource.coachIds.includes(actor.personId) &&
    holds(actor, 'studentcoach', resource.institutionId, resource.programmeId)
  );
}

export function referralRule(action: Action, a: Actor, r: ReferralResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  // The coachee sees their own referrals; the coach who recorded one sees it and answers its
  // follow-up. Nobody else: not the senior coach, the coordinator, the leercoach or a researcher.
  if (action === 'referral:read') return r.coacheeId === a.personId || isCoachOf(a, r);
  if (action === 'referral:followUp') return isCoachOf(a, r);
  return false;
}

export function signalRule(action: Action, a: Actor, r: SignalResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  // An incident is for the people handling it: before anyone takes it on, every coordinator of
  // the programme (to triage); afterwards only the coordinator who took it.
  const handles = isCoordinatorOf(a, r) && (r.signalKind !== 'incident' || r.handlerId === null || r.handlerId === a.personId);
  if (action === 'signal:read') return r.raisedById === a.personId || handles;
  if (action === 'signal:handle') return handles;
  return false;
}
