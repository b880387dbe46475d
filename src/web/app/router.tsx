import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router';
import { OutboxPage } from '../features/admin/OutboxPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { CommunityPage } from '../features/communities/CommunityPage';
import { HomePage } from '../features/home/HomePage';
import { CoachPage } from '../features/resilience/CoachPage';
import { ConversationPage } from '../features/resilience/ConversationPage';
import { GroupPage } from '../features/resilience/GroupPage';
import { MyMapPage } from '../features/resilience/MyMapPage';
import { SharedMapPage } from '../features/resilience/SharedMapPage';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useSession } from '../session';
import { Layout } from './Layout';

function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  if (isPending) return <p role="status">{t('app.loading')}</p>;
  if (!session?.person) return <Navigate to="/sign-in" replace />;
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
      { path: '/', element: <RequireSignIn><HomePage /></RequireSignIn> },
      { path: '/communities/:communityId', element: <RequireSignIn><CommunityPage /></RequireSignIn> },
      { path: '/admin/outbox', element: <RequireSignIn><OutboxPage /></RequireSignIn> },
      { path: '/resilience', element: <RequireSignIn><MyMapPage /></RequireSignIn> },
      { path: '/resilience/coach', element: <RequireSignIn><CoachPage /></RequireSignIn> },
      { path: '/resilience/maps/:mapId', element: <RequireSignIn><SharedMapPage /></RequireSignIn> },
      { path: '/resilience/conversations/:conversationId', element: <RequireSignIn><ConversationPage /></RequireSignIn> },
      { path: '/resilience/group/:communityId', element: <RequireSignIn><GroupPage /></RequireSignIn> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
