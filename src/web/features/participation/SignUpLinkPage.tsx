import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { SignUpInvitationResponse } from '../../../contracts/participation';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { participationApi } from './api';

type Invitation = z.infer<typeof SignUpInvitationResponse>;

/**
 * "Doe je mee?" — the one-tap page of a sign-up invitation mail (#21), phone first and signed
 * out. The token is in the URL fragment (never sent in a URL); opening the page changes nothing —
 * mail scanners prefetch links — only the button does.
 */
export function SignUpLinkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('participation.link.title'));
  const token = window.location.hash.slice(1);
  // The shared session query brings the CSRF token first (see RsvpLinkPage).
  const session = useSession();
  const query = useQuery({ queryKey: ['participation', 'link', token], queryFn: () => participationApi.readLink(token), enabled: session.isSuccess && token !== '', retry: false });
  return (
    <div className="stack narrow">
      <h1>{t('participation.link.title')}</h1>
      {token === '' ? (
        <Alert kind="error">{t('participation.link.invalid')}</Alert>
      ) : (
        <PageState query={{ data: query.data, error: query.error }} loading={t('participation.link.loading')}>
          {(invitation) => <Answer invitation={invitation} token={token} signedIn={Boolean(session.data?.person)} />}
        </PageState>
      )}
    </div>
  );
}

function Answer({ invitation: inv, token, signedIn }: { invitation: Invitation; token: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (answer: 'yes' | 'no') => participationApi.answerLink(token, answer),
    onSuccess: () => client.invalidateQueries({ queryKey: ['participation', 'mine'] }),
  });
  const toApp = (
    <p>
      <Link to={signedIn ? '/meedoen' : '/sign-in'}>{t('participation.link.toApp')}</Link>
    </p>
  );
  const about = (
    <>
      <p className="lead">{t('participation.link.intro', { programme: inv.programmeName, year: inv.academicYear })}</p>
      <p>{t('participation.link.means', { min: inv.communitySize.min, max: inv.communitySize.max, perMonth: inv.sessionsPerMonth })}</p>
    </>
  );
  if (send.isSuccess) {
    return (
      <>
        {about}
        <Alert kind="success">{t(send.variables === 'yes' ? 'participation.link.thanksYes' : 'participation.link.thanksNo')}</Alert>
        {toApp}
      </>
    );
  }
  const status = inv.answer === 'yes' ? 'answeredYes' : inv.answer === 'no' ? 'answeredNo' : inv.signedUp ? 'alreadySignedUp' : !inv.open ? 'closed' : null;
  if (status) {
    return (
      <>
        {about}
        <p role="status">{t(`participation.link.${status}`)}</p>
        {toApp}
      </>
    );
  }
  return (
    <>
      {about}
      <p>{inv.closesOn === null ? t('participation.mail.untilGrouping') : t('participation.mail.until', { date: formatDate(inv.closesOn, 'long') })}</p>
      {send.error && <Alert kind="error">{send.error.message}</Alert>}
      <div className="actions">
        <button type="button" className="primary" disabled={send.isPending} onClick={() => send.mutate('yes')}>
          {send.isPending && send.variables === 'yes' ? t('participation.link.sending') : t('participation.link.yes')}
        </button>
        <button type="button" className="secondary" disabled={send.isPending} onClick={() => send.mutate('no')}>
          {send.isPending && send.variables === 'no' ? t('participation.link.sending') : t('participation.link.no')}
        </button>
      </div>
    </>
  );
}
