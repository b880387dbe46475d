/**
 * The access policy: the one place that decides whether an actor may perform an action on a
 * resource. Pure — the server loads the resource with the relations the rule needs (who coaches
 * a community, who supervises that coach, with whom content was shared) and asks here.
 *
 * A rule answers only `true` or `false`; the server turns a `false` into the same 404 as a
 * missing record, so nobody can probe for ids.
 *
 * This file is the policy's face: server and web import `isAllowed`, `Actor`, `Resource`,
 * `Action`, `ACTIONS`, `holds` and `CoachingContentType` from here only. Behind it:
 *   actions.ts                 every action (`ACTIONS`)
 *   actor.ts                   the actor, `holds` and the role checks the rules share
 *   rules/programme.ts         institution, programme, class
 *   rules/coaches.ts           coach
 *   rules/communities.ts       community, handover
 *   rules/coaching-content.ts  coachingContent (logbooks, one-on-one notes, resilience maps, check-ins)
 *   rules/support.ts           helpResource, coachee, referral, signal
 *   rules/sessions.ts          session
 *   rules/activities.ts        libraryItem
 *   rules/people.ts            peopleDirectory, person, roleGrant
 *   rules/finance.ts           expenseClaim, ownCompensation, programmeFinance, financeDesk
 *   rules/compensation.ts      compensationAccount, compensationStatement, compensationExtraWork,
 *                              compensationProgramme, compensationInstitution
 *   rules/research.ts          researchDesk, researchStudy
 *   rules/evaluation.ts        evaluationInvitation, evaluationRates, coachYearReport,
 *                              coachYearReportStatus
 *   rules/insight.ts           programmeInsight (the dashboard and the impact report)
 *   rules/roadmap.ts           roadmap, roadmapContent
 *   rules/growth.ts            nominee, training, handbook (#21: nominations, training feedback, the coach handbook)
 * Each rules file declares its resource kinds with the relations that decide them, and one rule
 * per kind. `isAllowed` below sends each kind to its rule. The matrix test (`policy.test.ts`)
 * states who may do what.
 */
import type { Action } from './actions';
import type { Actor } from './actor';
import {
  coachYearReportRule,
  coachYearReportStatusRule,
  evaluationInvitationRule,
  evaluationRatesRule,
  type CoachYearReportResource,
  type CoachYearReportStatusResource,
  type EvaluationInvitationResource,
  type EvaluationRatesResource,
} from './rules/evaluation';
import { coachRule, type CoachResource } from './rules/coaches';
import { coachingContentRule, type CoachingContentResource } from './rules/coaching-content';
import { communityRule, handoverRule, type CommunityResource, type HandoverResource } from './rules/communities';
import { libraryItemRule, type LibraryItemResource } from './rules/activities';
import {
  classRule,
  institutionRule,
  programmeRule,
  type ClassResource,
  type InstitutionResource,
  type ProgrammeResource,
} from './rules/programme';
import { sessionRule, type SessionResource } from './rules/sessions';
import { inviteeRule, type InviteeResource } from './rules/invitations';
import {
  peopleDirectoryRule,
  personRule,
  roleGrantRule,
  type PeopleDirectoryResource,
  type PersonResource,
  type RoleGrantResource,
} from './rules/people';
import {
  expenseClaimRule,
  financeDeskRule,
  ownCompensationRule,
  programmeFinanceRule,
  type ExpenseClaimResource,
  type FinanceDeskResource,
  type OwnCompensationResource,
  type ProgrammeFinanceResource,
} from './rules/finance';
import {
  compensationAccountRule,
  compensationExtraWorkRule,
  compensationInstitutionRule,
  compensationProgrammeRule,
  compensationStatementRule,
  type CompensationAccountResource,
  type CompensationExtraWorkResource,
  type CompensationInstitutionResource,
  type CompensationProgrammeResource,
  type CompensationStatementResource,
} from './rules/compensation';
import { researchDeskRule, researchStudyRule, type ResearchDeskResource, type ResearchStudyResource } from './rules/research';
import { programmeInsightRule, type ProgrammeInsightResource } from './rules/insight';
import { roadmapContentRule, roadmapRule, type RoadmapContentResource, type RoadmapResource } from './rules/roadmap';
import {
  coacheeRule,
  helpResourceRule,
  referralRule,
  signalRule,
  type CoacheeResource,
  type HelpResourceResource,
  type ReferralResource,
  type SignalResource,
} from './rules/support';
import { handbookRule, nomineeRule, trainingRule, type HandbookResource, type NomineeResource, type TrainingResource } from './rules/growth';
import { erasureDeskRule, erasureRequestRule, type ErasureDeskResource, type ErasureRequestResource } from './rules/rights';

export { ACTIONS, type Action } from './actions';
export { holds, type Actor } from './actor';
export type { CoachingContentType } from './rules/coaching-content';
export { BEHEERDER_GRANTS, COORDINATOR_GRANTS, isValidScope } from './rules/people';
export { nominationScope, type NomineeResource, type TrainingResource } from './rules/growth';

/** Everything the policy may be asked about, with the relations that decide it. */
export type Resource =
  | InstitutionResource
  | ProgrammeResource
  | ClassResource
  | CoachResource
  | HandoverResource
  | CommunityResource
  | CoachingContentResource
  | HelpResourceResource
  | CoacheeResource
  | ReferralResource
  | SignalResource
  | SessionResource
  | LibraryItemResource
  | InviteeResource
  | PeopleDirectoryResource
  | PersonResource
  | RoleGrantResource
  | ExpenseClaimResource
  | OwnCompensationResource
  | ProgrammeFinanceResource
  | FinanceDeskResource
  | CompensationAccountResource
  | CompensationStatementResource
  | CompensationExtraWorkResource
  | CompensationProgrammeResource
  | CompensationInstitutionResource
  | ResearchDeskResource
  | ResearchStudyResource
  | ErasureDeskResource
  | ErasureRequestResource
  | EvaluationInvitationResource
  | EvaluationRatesResource
  | CoachYearReportResource
  | CoachYearReportStatusResource
  | ProgrammeInsightResource
  | RoadmapResource
  | RoadmapContentResource
  | NomineeResource
  | TrainingResource
  | HandbookResource;

/** The decision. Exhaustive over resource kinds; unknown combinations are denied. */
export function isAllowed(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.kind) {
    case 'institution':
      return institutionRule(action, actor, resource);
    case 'programme':
      return programmeRule(action, actor, resource);
    case 'class':
      return classRule(action, actor, resource);
    case 'coach':
      return coachRule(action, actor, resource);
    case 'handover':
      return handoverRule(action, actor, resource);
    case 'community':
      return communityRule(action, actor, resource);
    case 'coachingContent':
      return coachingContentRule(action, actor, resource);
    case 'helpResource':
      return helpResourceRule(action, actor, resource);
    case 'coachee':
      return coacheeRule(action, actor, resource);
    case 'referral':
      return referralRule(action, actor, resource);
    case 'signal':
      return signalRule(action, actor, resource);
    case 'session':
      return sessionRule(action, actor, resource);
    case 'libraryItem':
      return libraryItemRule(action, actor, resource);
    case 'invitee':
      return inviteeRule(action, actor, resource);
    case 'peopleDirectory':
      return peopleDirectoryRule(action, actor, resource);
    case 'person':
      return personRule(action, actor, resource);
    case 'roleGrant':
      return roleGrantRule(action, actor, resource);
    case 'expenseClaim':
      return expenseClaimRule(action, actor, resource);
    case 'ownCompensation':
      return ownCompensationRule(action, actor, resource);
    case 'programmeFinance':
      return programmeFinanceRule(action, actor, resource);
    case 'financeDesk':
      return financeDeskRule(action, actor, resource);
    case 'compensationAccount':
      return compensationAccountRule(action, actor, resource);
    case 'compensationStatement':
      return compensationStatementRule(action, actor, resource);
    case 'compensationExtraWork':
      return compensationExtraWorkRule(action, actor, resource);
    case 'compensationProgramme':
      return compensationProgrammeRule(action, actor, resource);
    case 'compensationInstitution':
      return compensationInstitutionRule(action, actor, resource);
    case 'researchDesk':
      return researchDeskRule(action, actor, resource);
    case 'researchStudy':
      return researchStudyRule(action, actor, resource);
    case 'erasureDesk':
      return erasureDeskRule(action, actor, resource);
    case 'erasureRequest':
      return erasureRequestRule(action, actor, resource);
    case 'evaluationInvitation':
      return evaluationInvitationRule(action, actor, resource);
    case 'evaluationRates':
      return evaluationRatesRule(action, actor, resource);
    case 'coachYearReport':
      return coachYearReportRule(action, actor, resource);
    case 'coachYearReportStatus':
      return coachYearReportStatusRule(action, actor, resource);
    case 'programmeInsight':
      return programmeInsightRule(action, actor, resource);
    case 'roadmap':
      return roadmapRule(action, actor, resource);
    case 'roadmapContent':
      return roadmapContentRule(action, actor, resource);
    case 'nominee':
      return nomineeRule(action, actor, resource);
    case 'training':
      return trainingRule(action, actor, resource);
    case 'handbook':
      return handbookRule(action, actor, resource);
  }
}
