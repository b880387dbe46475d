import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, useLocation } from 'react-router';
import { OutboxPage } from '../features/admin/OutboxPage';
import { RetentionPage } from '../features/admin/RetentionPage';
import { ErasureRequestsPage } from '../features/rights/ErasureRequestsPage';
import { MyDataPage } from '../features/rights/MyDataPage';
import { RsvpLinkPage } from '../features/sessions/RsvpLinkPage';
import { QuestionnaireInAppPage, QuestionnaireLinkPage } from '../features/evaluation/QuestionnairePage';
import { SessionPage } from '../features/sessions/SessionPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { ActivitiesPage } from '../features/sessions/ActivitiesPage';
import { ActivityFormPage } from '../features/sessions/ActivityFormPage';
import { ActivityPage } from '../features/sessions/ActivityPage';
import { CheckinsPage } from '../features/sessions/CheckinsPage';
import { ClassPage } from '../features/sessions/ClassPage';
import { CommunityAttendancePage } from '../features/sessions/CommunityAttendancePage';
import { CommunityYearPlanPage } from '../features/sessions/CommunityYearPlanPage';
import { IntakeYearPlanPage } from '../features/sessions/IntakeYearPlanPage';
import { LogbooksPage } from '../features/sessions/LogbooksPage';
import { NewSessionPage } from '../features/sessions/NewSessionPage';
import { SessionPlanFormPage } from '../features/sessions/SessionPlanFormPage';
import { SessionPlanPage, SessionPlansPage } from '../features/sessions/SessionPlansPage';
import { ApplyPage } from '../features/coaches/ApplyPage';
import { CoachesPage } from '../features/coaches/CoachesPage';
import { CoachProfilePage } from '../features/coaches/CoachProfilePage';
import { CommunityManagePage } from '../features/communities/CommunityManagePage';
import { HandoverPage } from '../features/communities/HandoverPage';
import { IntakeCommunitiesPage } from '../features/communities/IntakeCommunitiesPage';
import { MyCommunityPage } from '../features/communities/MyCommunityPage';
import { AttributeSettingsPage } from '../features/grouping/AttributeSettingsPage';
import { GroupingPage } from '../features/grouping/GroupingPage';
import { MyAttributesPage } from '../features/grouping/MyAttributesPage';
import { ImportPage } from '../features/programme/ImportPage';
import { PeriodTimetablesPage } from '../features/scheduling/PeriodTimetablesPage';
import { RunPage } from '../features/scheduling/RunPage';
import { MyAvailabilityPage } from '../features/scheduling/MyAvailabilityPage';
import { SchedulingPage } from '../features/scheduling/SchedulingPage';
import { MyCompensationPage } from '../features/compensation/MyCompensationPage';
import { ProgrammeCompensationPage } from '../features/compensation/ProgrammeCompensationPage';
import { FiscalYearsPage } from '../features/compensation/FiscalYearsPage';
import { CompensationSettingsPage } from '../features/compensation/CompensationSettingsPage';
import { StatementPage } from '../features/compensation/StatementPage';
import { EvaluationMomentsPage } from '../features/evaluation/EvaluationMomentsPage';
import { IntakePage } from '../features/programme/IntakePage';
import { ProgrammesPage } from '../features/programme/ProgrammesPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { MagicLinkPage } from '../features/auth/MagicLinkPage';
import { MagicLinkRequestPage } from '../features/auth/MagicLinkRequestPage';
import { ActivatePage } from '../features/invitations/ActivatePage';
import { IntakeInvitationsPage } from '../features/invitations/IntakeInvitationsPage';
import { MfaCodePage } from '../features/auth/MfaCodePage';
import { SsoErrorPage } from '../features/auth/SsoErrorPage';
import { SecurityPage } from '../features/security/SecurityPage';
import { CommunityPage } from '../features/communities/CommunityPage';
import { HomeRoute } from './HomeRoute';
import { ConsentsPage } from '../features/consent/ConsentsPage';
import { ReadsPage } from '../features/consent/ReadsPage';
import { HelpPage } from '../features/support/HelpPage';
import { HelpResourceFormPage } from '../features/support/HelpResourceFormPage';
import { ReferralsPage } from '../features/support/ReferralsPage';
import { SignalPage } from '../features/support/SignalPage';
import { SignalsPage } from '../features/support/SignalsPage';
import { CoachPage } from '../features/resilience/CoachPage';
import { ConversationPage } from '../features/resilience/ConversationPage';
import { GroupPage } from '../features/resilience/GroupPage';
import { MyMapPage } from '../features/resilience/MyMapPage';
import { SharedMapPage } from '../features/resilience/SharedMapPage';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useSession } from '../session';
import { Layout } from './Layout';
import { PeoplePage } from '../features/people/PeoplePage';
import { PersonPage } from '../features/people/PersonPage';
import { MyRolesPage } from '../features/people/MyRolesPage';
import { SignInSessionsPage } from '../features/people/SignInSessionsPage';
import { MyCompensationPage as MyPaymentsPage } from '../features/finance/MyCompensationPage';
import { PayoutsPage } from '../features/finance/PayoutsPage';
import { DashboardPage } from '../features/insight/DashboardPage';
import { ImpactReportPage } from '../features/insight/ImpactReportPage';
import { ProgrammePaymentsPage } from '../features/finance/ProgrammePaymentsPage';
import { HundredDayPage } from '../features/year/HundredDayPage';
import { SignUpPage } from '../features/participation/SignUpPage';
import { CommunityHundredDayPage, IntakeHundredDayPage, WelcomePage } from '../features/year/OutcomePages';
import { BoardPage } from '../features/announcements/BoardPage';
import { StyleGuidePage } from '../features/styleguide/StyleGuidePage';
import { ResearchPage } from '../features/research/ResearchPage';
import { ProposeStudyPage } from '../features/research/ProposeStudyPage';
import { StudyPage } from '../features/research/StudyPage';
import { RoadmapContentPage } from '../features/roadmap/RoadmapContentPage';
import { RoadmapPage } from '../features/roadmap/RoadmapPage';
import { RoadmapsPage } from '../features/roadmap/RoadmapsPage';

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

export const router = createBrowserRouter([
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
      { path: '/roadmaps', element: <RequireSignIn><RoadmapsPage /></RequireSignIn> },
      { path: '/roadmaps/:roadmapId', element: <RequireSignIn><RoadmapPage /></RequireSignIn> },
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
      { path: '/compensation', element: <RequireSignIn><ProgrammeCompensationPage /></RequireSignIn> },
      { path: '/compensation/fiscal-years', element: <RequireSignIn><FiscalYearsPage /></RequireSignIn> },
      { path: '/compensation/statements/:statementId', element: <RequireSignIn><StatementPage /></RequireSignIn> },
      { path: '/100-dagen', element: <HundredDayPage /> },
      { path: '/meedoen', element: <RequireSignIn><SignUpPage /></RequireSignIn> },
      { path: '/communities/:communityId/hundred-day', element: <RequireSignIn><CommunityHundredDayPage /></RequireSignIn> },
      { path: '/programme/intakes/:intakeId/hundred-day', element: <RequireSignIn><IntakeHundredDayPage /></RequireSignIn> },
      { path: '/programmes/:programmeId/welcome', element: <RequireSignIn><WelcomePage /></RequireSignIn> },
      { path: '/communities/:communityId/board', element: <RequireSignIn><BoardPage /></RequireSignIn> },
      { path: '/style', element: <RequireSignIn><StyleGuidePage /></RequireSignIn> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
