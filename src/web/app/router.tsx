import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, useLocation } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useSession } from '../session';
import { Layout } from './Layout';
import { lazyPage } from './lazy-page';

// Every page is its own chunk, fetched when its route is first shown (#20 item 7; see lazy-page.tsx).
const OutboxPage = lazyPage(() => import('../features/admin/OutboxPage'), 'OutboxPage');
const RetentionPage = lazyPage(() => import('../features/admin/RetentionPage'), 'RetentionPage');
const ErasureRequestsPage = lazyPage(() => import('../features/rights/ErasureRequestsPage'), 'ErasureRequestsPage');
const MyDataPage = lazyPage(() => import('../features/rights/MyDataPage'), 'MyDataPage');
const RsvpLinkPage = lazyPage(() => import('../features/sessions/RsvpLinkPage'), 'RsvpLinkPage');
const QuestionnaireInAppPage = lazyPage(() => import('../features/evaluation/QuestionnairePage'), 'QuestionnaireInAppPage');
const QuestionnaireLinkPage = lazyPage(() => import('../features/evaluation/QuestionnairePage'), 'QuestionnaireLinkPage');
const SessionPage = lazyPage(() => import('../features/sessions/SessionPage'), 'SessionPage');
const SessionsPage = lazyPage(() => import('../features/sessions/SessionsPage'), 'SessionsPage');
const ActivitiesPage = lazyPage(() => import('../features/sessions/ActivitiesPage'), 'ActivitiesPage');
const ActivityFormPage = lazyPage(() => import('../features/sessions/ActivityFormPage'), 'ActivityFormPage');
const ActivityPage = lazyPage(() => import('../features/sessions/ActivityPage'), 'ActivityPage');
const CheckinsPage = lazyPage(() => import('../features/sessions/CheckinsPage'), 'CheckinsPage');
const ClassPage = lazyPage(() => import('../features/sessions/ClassPage'), 'ClassPage');
const CommunityAttendancePage = lazyPage(() => import('../features/sessions/CommunityAttendancePage'), 'CommunityAttendancePage');
const CommunityYearPlanPage = lazyPage(() => import('../features/sessions/CommunityYearPlanPage'), 'CommunityYearPlanPage');
const IntakeYearPlanPage = lazyPage(() => import('../features/sessions/IntakeYearPlanPage'), 'IntakeYearPlanPage');
const LogbooksPage = lazyPage(() => import('../features/sessions/LogbooksPage'), 'LogbooksPage');
const NewSessionPage = lazyPage(() => import('../features/sessions/NewSessionPage'), 'NewSessionPage');
const SessionPlanFormPage = lazyPage(() => import('../features/sessions/SessionPlanFormPage'), 'SessionPlanFormPage');
const SessionPlanPage = lazyPage(() => import('../features/sessions/SessionPlansPage'), 'SessionPlanPage');
const SessionPlansPage = lazyPage(() => import('../features/sessions/SessionPlansPage'), 'SessionPlansPage');
const ApplyPage = lazyPage(() => import('../features/coaches/ApplyPage'), 'ApplyPage');
const NominatePage = lazyPage(() => import('../features/growth/NominatePage'), 'NominatePage');
const HandbookPage = lazyPage(() => import('../features/growth/HandbookPage'), 'HandbookPage');
const TrainingFeedbackPage = lazyPage(() => import('../features/growth/TrainingFeedbackPage'), 'TrainingFeedbackPage');
const TrainingFeedbackOverviewPage = lazyPage(() => import('../features/growth/TrainingFeedbackOverviewPage'), 'TrainingFeedbackOverviewPage');
const CoachesPage = lazyPage(() => import('../features/coaches/CoachesPage'), 'CoachesPage');
const CoachProfilePage = lazyPage(() => import('../features/coaches/CoachProfilePage'), 'CoachProfilePage');
const CommunityManagePage = lazyPage(() => import('../features/communities/CommunityManagePage'), 'CommunityManagePage');
const HandoverPage = lazyPage(() => import('../features/communities/HandoverPage'), 'HandoverPage');
const IntakeCommunitiesPage = lazyPage(() => import('../features/communities/IntakeCommunitiesPage'), 'IntakeCommunitiesPage');
const MyCommunityPage = lazyPage(() => import('../features/communities/MyCommunityPage'), 'MyCommunityPage');
const AttributeSettingsPage = lazyPage(() => import('../features/grouping/AttributeSettingsPage'), 'AttributeSettingsPage');
const GroupingPage = lazyPage(() => import('../features/grouping/GroupingPage'), 'GroupingPage');
const MyAttributesPage = lazyPage(() => import('../features/grouping/MyAttributesPage'), 'MyAttributesPage');
const ImportPage = lazyPage(() => import('../features/programme/ImportPage'), 'ImportPage');
const PeriodTimetablesPage = lazyPage(() => import('../features/scheduling/PeriodTimetablesPage'), 'PeriodTimetablesPage');
const RunPage = lazyPage(() => import('../features/scheduling/RunPage'), 'RunPage');
const MyAvailabilityPage = lazyPage(() => import('../features/scheduling/MyAvailabilityPage'), 'MyAvailabilityPage');
const SchedulingPage = lazyPage(() => import('../features/scheduling/SchedulingPage'), 'SchedulingPage');
const MyCompensationPage = lazyPage(() => import('../features/compensation/MyCompensationPage'), 'MyCompensationPage');
const ProgrammeCompensationPage = lazyPage(() => import('../features/compensation/ProgrammeCompensationPage'), 'ProgrammeCompensationPage');
const FiscalYearsPage = lazyPage(() => import('../features/compensation/FiscalYearsPage'), 'FiscalYearsPage');
const CompensationSettingsPage = lazyPage(() => import('../features/compensation/CompensationSettingsPage'), 'CompensationSettingsPage');
const StatementPage = lazyPage(() => import('../features/compensation/StatementPage'), 'StatementPage');
const IntakePage = lazyPage(() => import('../features/programme/IntakePage'), 'IntakePage');
const IntakeCaseloadsPage = lazyPage(() => import('../features/caseloads/IntakeCaseloadsPage'), 'IntakeCaseloadsPage');
const MyCaseloadsPage = lazyPage(() => import('../features/caseloads/MyCaseloadsPage'), 'MyCaseloadsPage');
const IntakeClassesPage = lazyPage(() => import('../features/classwide/IntakeClassesPage'), 'IntakeClassesPage');
const MyClassesPage = lazyPage(() => import('../features/classwide/MyClassesPage'), 'MyClassesPage');
const ProgrammesPage = lazyPage(() => import('../features/programme/ProgrammesPage'), 'ProgrammesPage');
const ForgotPasswordPage = lazyPage(() => import('../features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const SignInPage = lazyPage(() => import('../features/auth/SignInPage'), 'SignInPage');
const MagicLinkPage = lazyPage(() => import('../features/auth/MagicLinkPage'), 'MagicLinkPage');
const MagicLinkRequestPage = lazyPage(() => import('../features/auth/MagicLinkRequestPage'), 'MagicLinkRequestPage');
const ActivatePage = lazyPage(() => import('../features/invitations/ActivatePage'), 'ActivatePage');
const IntakeInvitationsPage = lazyPage(() => import('../features/invitations/IntakeInvitationsPage'), 'IntakeInvitationsPage');
const MfaCodePage = lazyPage(() => import('../features/auth/MfaCodePage'), 'MfaCodePage');
const SsoErrorPage = lazyPage(() => import('../features/auth/SsoErrorPage'), 'SsoErrorPage');
const SecurityPage = lazyPage(() => import('../features/security/SecurityPage'), 'SecurityPage');
const CommunityPage = lazyPage(() => import('./CommunityRoute'), 'CommunityRoute');
const HomeRoute = lazyPage(() => import('./HomeRoute'), 'HomeRoute');
const ConsentsPage = lazyPage(() => import('../features/consent/ConsentsPage'), 'ConsentsPage');
const ReadsPage = lazyPage(() => import('../features/consent/ReadsPage'), 'ReadsPage');
const HelpPage = lazyPage(() => import('../features/support/HelpPage'), 'HelpPage');
const HelpResourceFormPage = lazyPage(() => import('../features/support/HelpResourceFormPage'), 'HelpResourceFormPage');
const ReferralsPage = lazyPage(() => import('../features/support/ReferralsPage'), 'ReferralsPage');
const SignalPage = lazyPage(() => import('../features/support/SignalPage'), 'SignalPage');
const SignalsPage = lazyPage(() => import('../features/support/SignalsPage'), 'SignalsPage');
const CoachPage = lazyPage(() => import('../features/resilience/CoachPage'), 'CoachPage');
const ConversationPage = lazyPage(() => import('../features/resilience/ConversationPage'), 'ConversationPage');
const GroupPage = lazyPage(() => import('../features/resilience/GroupPage'), 'GroupPage');
const MyMapPage = lazyPage(() => import('../features/resilience/MyMapPage'), 'MyMapPage');
const SharedMapPage = lazyPage(() => import('../features/resilience/SharedMapPage'), 'SharedMapPage');
const PeoplePage = lazyPage(() => import('../features/people/PeoplePage'), 'PeoplePage');
const PersonPage = lazyPage(() => import('../features/people/PersonPage'), 'PersonPage');
const MyRolesPage = lazyPage(() => import('../features/people/MyRolesPage'), 'MyRolesPage');
const SignInSessionsPage = lazyPage(() => import('../features/people/SignInSessionsPage'), 'SignInSessionsPage');
const MyPaymentsPage = lazyPage(() => import('../features/finance/MyCompensationPage'), 'MyCompensationPage');
const PayoutsPage = lazyPage(() => import('../features/finance/PayoutsPage'), 'PayoutsPage');
const DashboardPage = lazyPage(() => import('../features/insight/DashboardPage'), 'DashboardPage');
const ImpactReportPage = lazyPage(() => import('../features/insight/ImpactReportPage'), 'ImpactReportPage');
const MailSettingsPage = lazyPage(() => import('../features/insight/MailSettingsPage'), 'MailSettingsPage');
const ProgrammePaymentsPage = lazyPage(() => import('../features/finance/ProgrammePaymentsPage'), 'ProgrammePaymentsPage');
const HundredDayPage = lazyPage(() => import('../features/year/HundredDayPage'), 'HundredDayPage');
const CommunityHundredDayPage = lazyPage(() => import('../features/year/OutcomePages'), 'CommunityHundredDayPage');
const IntakeHundredDayPage = lazyPage(() => import('../features/year/OutcomePages'), 'IntakeHundredDayPage');
const WelcomePage = lazyPage(() => import('../features/year/OutcomePages'), 'WelcomePage');
const RegroupPage = lazyPage(() => import('../features/regroup/RegroupPage'), 'RegroupPage');
const BoardPage = lazyPage(() => import('../features/announcements/BoardPage'), 'BoardPage');
const StyleGuidePage = lazyPage(() => import('../features/styleguide/StyleGuidePage'), 'StyleGuidePage');
const ResearchPage = lazyPage(() => import('../features/research/ResearchPage'), 'ResearchPage');
const ProposeStudyPage = lazyPage(() => import('../features/research/ProposeStudyPage'), 'ProposeStudyPage');
const StudyPage = lazyPage(() => import('../features/research/StudyPage'), 'StudyPage');
const RoadmapContentPage = lazyPage(() => import('../features/roadmap/RoadmapContentPage'), 'RoadmapContentPage');
const RoadmapPage = lazyPage(() => import('../features/roadmap/RoadmapPage'), 'RoadmapPage');
const RoadmapFactorPage = lazyPage(() => import('../features/roadmap/RoadmapFactorPage'), 'RoadmapFactorPage');
const RoadmapsPage = lazyPage(() => import('../features/roadmap/RoadmapsPage'), 'RoadmapsPage');
const EvaluationMomentsPage = lazyPage(() => import('../features/evaluation/EvaluationMomentsPage'), 'EvaluationMomentsPage');
const MyYearReportsPage = lazyPage(() => import('../features/endyear/MyYearReportsPage'), 'MyYearReportsPage');
const YearReportPage = lazyPage(() => import('../features/endyear/YearReportPage'), 'YearReportPage');
const YearReportsOverviewPage = lazyPage(() => import('../features/endyear/YearReportsOverviewPage'), 'YearReportsOverviewPage');
const SignUpPage = lazyPage(() => import('../features/participation/SignUpPage'), 'SignUpPage');
const SignUpLinkPage = lazyPage(() => import('../features/participation/SignUpLinkPage'), 'SignUpLinkPage');

function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const { pathname } = useLocation();
  if (isPending) return <p role="status">{t('app.loading')}</p>;
  if (!session?.person) return <Navigate to="/sign-in" replace />;
  // A role that requires MFA sets it up before anything else (the server refuses the rest too).
  if (session.mfa.setupRequired && pathname !== '/security') return <Navigate to="/security" replace />;
  return children;
}

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFound'));
  return (
    <div className="stack">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.backHome')}</Link>
    </div>
  );
}

/**
 * The app's router, made when the app starts rendering rather than when this module is evaluated:
 * matching ~110 routes is a few milliseconds of a phone's main thread that need not lengthen the
 * task that evaluates the app's code (#20 item 7: total blocking time).
 */
export const createRouter = () =>
  createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/sign-in/email-link', element: <MagicLinkRequestPage /> },
      { path: '/sign-in/link', element: <MagicLinkPage /> },
      { path: '/activate', element: <ActivatePage /> },
      { path: '/programme/intakes/:intakeId/invitations', element: <RequireSignIn><IntakeInvitationsPage /></RequireSignIn> },
      { path: '/sign-in/code', element: <MfaCodePage /> },
      { path: '/sign-in/sso', element: <SsoErrorPage /> },
      { path: '/security', element: <RequireSignIn><SecurityPage /></RequireSignIn> },
      { path: '/', element: <RequireSignIn><HomeRoute /></RequireSignIn> },
      { path: '/communities/:communityId', element: <RequireSignIn><CommunityPage /></RequireSignIn> },
      { path: '/admin/outbox', element: <RequireSignIn><OutboxPage /></RequireSignIn> },
      { path: '/admin/retention', element: <RequireSignIn><RetentionPage /></RequireSignIn> },
      { path: '/research', element: <RequireSignIn><ResearchPage /></RequireSignIn> },
      { path: '/research/new', element: <RequireSignIn><ProposeStudyPage /></RequireSignIn> },
      { path: '/research/:studyId', element: <RequireSignIn><StudyPage /></RequireSignIn> },
      { path: '/me/data', element: <RequireSignIn><MyDataPage /></RequireSignIn> },
      { path: '/erasure-requests', element: <RequireSignIn><ErasureRequestsPage /></RequireSignIn> },
      { path: '/sessions', element: <RequireSignIn><SessionsPage /></RequireSignIn> },
      { path: '/sessions/:sessionId', element: <RequireSignIn><SessionPage /></RequireSignIn> },
      { path: '/rsvp', element: <RsvpLinkPage /> },
      { path: '/questionnaire', element: <QuestionnaireLinkPage /> },
      { path: '/evaluations/:invitationId', element: <RequireSignIn><QuestionnaireInAppPage /></RequireSignIn> },
      { path: '/sessions/new', element: <RequireSignIn><NewSessionPage /></RequireSignIn> },
      { path: '/activities', element: <RequireSignIn><ActivitiesPage /></RequireSignIn> },
      { path: '/activities/new', element: <RequireSignIn><ActivityFormPage /></RequireSignIn> },
      { path: '/activities/:activityId', element: <RequireSignIn><ActivityPage /></RequireSignIn> },
      { path: '/activities/:activityId/edit', element: <RequireSignIn><ActivityFormPage /></RequireSignIn> },
      { path: '/session-plans', element: <RequireSignIn><SessionPlansPage /></RequireSignIn> },
      { path: '/session-plans/new', element: <RequireSignIn><SessionPlanFormPage /></RequireSignIn> },
      { path: '/session-plans/:planId', element: <RequireSignIn><SessionPlanPage /></RequireSignIn> },
      { path: '/session-plans/:planId/edit', element: <RequireSignIn><SessionPlanFormPage /></RequireSignIn> },
      { path: '/me/checkins', element: <RequireSignIn><CheckinsPage /></RequireSignIn> },
      { path: '/logbooks', element: <RequireSignIn><LogbooksPage /></RequireSignIn> },
      { path: '/classes/:classId', element: <RequireSignIn><ClassPage /></RequireSignIn> },
      { path: '/communities/:communityId/attendance', element: <RequireSignIn><CommunityAttendancePage /></RequireSignIn> },
      { path: '/communities/:communityId/year-plan', element: <RequireSignIn><CommunityYearPlanPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/year-plan', element: <RequireSignIn><IntakeYearPlanPage /></RequireSignIn> },
      { path: '/resilience', element: <RequireSignIn><MyMapPage /></RequireSignIn> },
      { path: '/resilience/coach', element: <RequireSignIn><CoachPage /></RequireSignIn> },
      { path: '/resilience/maps/:mapId', element: <RequireSignIn><SharedMapPage /></RequireSignIn> },
      { path: '/resilience/conversations/:conversationId', element: <RequireSignIn><ConversationPage /></RequireSignIn> },
      { path: '/resilience/group/:communityId', element: <RequireSignIn><GroupPage /></RequireSignIn> },
      { path: '/apply', element: <ApplyPage /> },
      { path: '/programme', element: <RequireSignIn><ProgrammesPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId', element: <RequireSignIn><IntakePage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/compensation', element: <RequireSignIn><CompensationSettingsPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/evaluations', element: <RequireSignIn><EvaluationMomentsPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/import', element: <RequireSignIn><ImportPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/communities', element: <RequireSignIn><IntakeCommunitiesPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/scheduling', element: <RequireSignIn><SchedulingPage /></RequireSignIn> },
      { path: '/scheduling/periods/:periodId', element: <RequireSignIn><PeriodTimetablesPage /></RequireSignIn> },
      { path: '/scheduling/runs/:runId', element: <RequireSignIn><RunPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/grouping', element: <RequireSignIn><GroupingPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/caseloads', element: <RequireSignIn><IntakeCaseloadsPage /></RequireSignIn> },
      { path: '/caseloads', element: <RequireSignIn><MyCaseloadsPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/classes', element: <RequireSignIn><IntakeClassesPage /></RequireSignIn> },
      { path: '/my-classes', element: <RequireSignIn><MyClassesPage /></RequireSignIn> },
      { path: '/me/about', element: <RequireSignIn><MyAttributesPage /></RequireSignIn> },
      { path: '/admin/grouping-attributes', element: <RequireSignIn><AttributeSettingsPage /></RequireSignIn> },
      { path: '/communities/:communityId/manage', element: <RequireSignIn><CommunityManagePage /></RequireSignIn> },
      { path: '/handovers/:handoverId', element: <RequireSignIn><HandoverPage /></RequireSignIn> },
      { path: '/coaches', element: <RequireSignIn><CoachesPage /></RequireSignIn> },
      { path: '/me/coach-profile', element: <RequireSignIn><CoachProfilePage /></RequireSignIn> },
      { path: '/me/availability', element: <RequireSignIn><MyAvailabilityPage /></RequireSignIn> },
      { path: '/people', element: <RequireSignIn><PeoplePage /></RequireSignIn> },
      { path: '/people/:personId', element: <RequireSignIn><PersonPage /></RequireSignIn> },
      { path: '/me/roles', element: <RequireSignIn><MyRolesPage /></RequireSignIn> },
      { path: '/me/sign-in-sessions', element: <RequireSignIn><SignInSessionsPage /></RequireSignIn> },
      { path: '/me/payments', element: <RequireSignIn><MyPaymentsPage /></RequireSignIn> },
      { path: '/programmes/:programmeId/payments', element: <RequireSignIn><ProgrammePaymentsPage /></RequireSignIn> },
      { path: '/finance', element: <RequireSignIn><PayoutsPage /></RequireSignIn> },
      { path: '/insight', element: <RequireSignIn><DashboardPage /></RequireSignIn> },
      { path: '/insight/:programmeId/report/:year', element: <RequireSignIn><ImpactReportPage /></RequireSignIn> },
      { path: '/me/mail-settings', element: <RequireSignIn><MailSettingsPage /></RequireSignIn> },
      { path: '/roadmaps', element: <RequireSignIn><RoadmapsPage /></RequireSignIn> },
      { path: '/roadmaps/:roadmapId', element: <RequireSignIn><RoadmapPage /></RequireSignIn> },
      { path: '/roadmaps/:roadmapId/factors/:factorId', element: <RequireSignIn><RoadmapFactorPage /></RequireSignIn> },
      { path: '/admin/roadmap-content', element: <RequireSignIn><RoadmapContentPage /></RequireSignIn> },
      { path: '/my-community', element: <RequireSignIn><MyCommunityPage /></RequireSignIn> },
      { path: '/help', element: <RequireSignIn><HelpPage /></RequireSignIn> },
      { path: '/help/new', element: <RequireSignIn><HelpResourceFormPage /></RequireSignIn> },
      { path: '/help/:resourceId/edit', element: <RequireSignIn><HelpResourceFormPage /></RequireSignIn> },
      { path: '/support/referrals', element: <RequireSignIn><ReferralsPage /></RequireSignIn> },
      { path: '/support/signals', element: <RequireSignIn><SignalsPage /></RequireSignIn> },
      { path: '/support/signals/:signalId', element: <RequireSignIn><SignalPage /></RequireSignIn> },
      { path: '/privacy/consents', element: <RequireSignIn><ConsentsPage /></RequireSignIn> },
      { path: '/privacy/reads', element: <RequireSignIn><ReadsPage /></RequireSignIn> },
      { path: '/me/compensation', element: <RequireSignIn><MyCompensationPage /></RequireSignIn> },
      { path: '/me/year-reports', element: <RequireSignIn><MyYearReportsPage /></RequireSignIn> },
      { path: '/me/year-reports/:programmeId/:academicYear', element: <RequireSignIn><YearReportPage /></RequireSignIn> },
      { path: '/year-reports', element: <RequireSignIn><YearReportsOverviewPage /></RequireSignIn> },
      { path: '/compensation', element: <RequireSignIn><ProgrammeCompensationPage /></RequireSignIn> },
      { path: '/compensation/fiscal-years', element: <RequireSignIn><FiscalYearsPage /></RequireSignIn> },
      { path: '/compensation/statements/:statementId', element: <RequireSignIn><StatementPage /></RequireSignIn> },
      { path: '/100-dagen', element: <HundredDayPage /> },
      { path: '/nominate', element: <RequireSignIn><NominatePage /></RequireSignIn> },
      { path: '/handbook', element: <RequireSignIn><HandbookPage /></RequireSignIn> },
      { path: '/trainings/:sessionId/feedback', element: <RequireSignIn><TrainingFeedbackPage /></RequireSignIn> },
      { path: '/programmes/:programmeId/training-feedback', element: <RequireSignIn><TrainingFeedbackOverviewPage /></RequireSignIn> },
      { path: '/meedoen', element: <RequireSignIn><SignUpPage /></RequireSignIn> },
      { path: '/doe-je-mee', element: <SignUpLinkPage /> },
      { path: '/communities/:communityId/hundred-day', element: <RequireSignIn><CommunityHundredDayPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/hundred-day', element: <RequireSignIn><IntakeHundredDayPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/regrouping', element: <RequireSignIn><RegroupPage /></RequireSignIn> },
      { path: '/programmes/:programmeId/welcome', element: <RequireSignIn><WelcomePage /></RequireSignIn> },
      { path: '/communities/:communityId/board', element: <RequireSignIn><BoardPage /></RequireSignIn> },
      { path: '/style', element: <RequireSignIn><StyleGuidePage /></RequireSignIn> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
