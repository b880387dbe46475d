import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';

/** One tap to say you come; sending notice asks for a short reason first. */
export function RsvpButtons({ session }: { session: Pick<SessionSummary, 'id' | 'myRsvp'> }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: (body: { response: 'coming' | 'notComing'; reason?: string }) => api(`/api/sessions/${session.id}/rsvp`, { method: 'PUT', body }),
    onSuccess: () => {
      setAsking(false);
      void client.invalidateQueries({ queryKey: ['sessions'] });
      void client.invalidateQueries({ queryKey: ['session', session.id] });
    },
  });
  return (
    <div className="stack-sm">
      {session.myRsvp && <p role="status">{session.myRsvp === 'coming' ? t('sessions.list.youCome') : t('sessions.list.youSentNotice')}</p>}
      {send.error && <Alert kind="error">{send.error.message}</Alert>}
      <div className="button-row">
        <button type="button" aria-pressed={session.myRsvp === 'coming'} onClick={() => send.mutate({ response: 'coming' })}>
          {t('sessions.list.coming')}
        </button>
        <button type="button" className="secondary" aria-pressed={session.myRsvp === 'notComing'} aria-expanded={asking} onClick={() => setAsking(!asking)}>
          {t('sessions.list.notComing')}
        </button>
      </div>
      {asking && (
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({ response: 'notComing', reason });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('sessions.list.reason')}</label>
            <input id={`${id}-reason`} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit">{t('sessions.list.sendNotice')}</button>
        </form>
      )}
    </div>
  );
}
