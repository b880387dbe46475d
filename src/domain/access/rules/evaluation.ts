/**
 * Access rules of the evidence context (module `evaluation`, #18 items 1, 4 and 5): answering an
 * evaluation questionnaire (only one's own invitation), response rates (counts per community,
 * never who answered what), a coach's own end-of-year report, and who submitted one (the coordinator).
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type EvaluationInvitationResource = {
  /** One person's invitation to a questionnaire moment: only they answer it. */
  kind: 'evaluationInvitation';
  institutionId: string;
  programmeId: string;
  personId: string;
};

export type EvaluationRatesResource = {
  /** Response rates of a programme (coachId null) or of one community (its current coach). */
  kind: 'evaluationRates';
  institutionId: string;
  programmeId: string;
  coachId: string | null;
};

export type CoachYearReportResource = {
  /** A coach's own end-of-year report and portfolio PDF for a programme. */
  kind: 'coachYearReport';
  institutionId: string;
  programmeId: string;
  coachId: string;
};

export type CoachYearReportStatusResource = {
  /** Which coaches of a programme's year submitted their end-of-year report (never its text). */
  kind: 'coachYearReportStatus';
  institutionId: string;
  programmeId: string;
};

export function evaluationInvitationRule(action: Action, a: Actor, r: EvaluationInvitationResource): boolean {
  if (action !== 'evaluation:answer') return false;
  return a.institutionId === r.institutionId && r.personId === a.personId;
}

export function evaluationRatesRule(action: Action, a: Actor, r: EvaluationRatesResource): boolean {
  if (action !== 'evaluation:readResponseRates' || a.institutionId !== r.institutionId) return false;
  return isCoordinatorOf(a, r) || (r.coachId !== null && r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId));
}

export function coachYearReportRule(action: Action, a: Actor, r: CoachYearReportResource): boolean {
  if (action !== 'coachYearReport:write') return false;
  return r.coachId === a.personId && (holds(a, 'studentcoach', r.institutionId, r.programmeId) || holds(a, 'seniorcoach', r.institutionId, r.programmeId));
}

/** Submitted or not, per coach: programme administration for the coordinator; the text stays the coach's (ADR 0024). */
export function coachYearReportStatusRule(action: Action, a: Actor, r: CoachYearReportStatusResource): boolean {
  if (action !== 'coachYearReport:readStatus') return false;
  return isCoordinatorOf(a, r);
}
