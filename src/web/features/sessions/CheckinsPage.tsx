import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckinHistoryResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { TableHead, TableWrap } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatWhen } from './format';
import { ScoreChart } from './ScoreChart';
import './sessions.css';

/** The coachee's own check-ins over time, and the switch to share them with their coach. */
export function CheckinsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('sessionInsight.checkins.title'));
  const client = useQueryClient();
  const history = useQuery({ queryKey: ['my-checkins', i18n.language], queryFn: () => api<CheckinHistoryResponse>('/api/me/checkins') });
  const share = useMutation({
    mutationFn: (grant: boolean) =>
      api(`/api/me/consents/share-checkins-with-coach`, {
        method: 'PUT',
        body: { decision: grant ? 'grant' : 'withdraw', textVersion: history.data?.consent.version, shownLocale: i18n.language === 'en' ? 'en' : 'nl' },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['my-checkins', i18n.language] });
      await client.invalidateQueries({ queryKey: ['consents'] });
    },
  });
  const data = history.data;
  if (!data) return <PageState query={history} />;
  const oldestFirst = [...data.checkins].reverse();
  const average = data.checkins.length ? data.checkins.reduce((n, c) => n + c.score, 0) / data.checkins.length : null;
  return (
    <div className="stack">
      <h1>{t('sessionInsight.checkins.title')}</h1>
      <p>{t('sessionInsight.checkins.intro')}</p>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('sessionInsight.checkins.history')}</h2>
        {data.checkins.length === 0 ? (
          <p>{t('sessionInsight.checkins.none')}</p>
        ) : (
          <>
            <p>
              {t('sessionInsight.checkins.summary', {
                count: data.checkins.length,
                last: data.checkins[0]!.score,
                average: average!.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }),
              })}
            </p>
            <ScoreChart points={oldestFirst} label={t('sessionInsight.checkins.chartLabel')} />
            <TableWrap label={t('sessionInsight.table', { name: t('sessionInsight.checkins.tableLabel') })}>
              <table>
                <caption className="visually-hidden">{t('sessionInsight.checkins.tableLabel')}</caption>
                <TableHead columns={[{ label: t('sessionInsight.checkins.when') }, { label: t('sessionInsight.checkins.score'), num: true }]} />
                <tbody>
                  {data.checkins.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.sessionId ? <Link to={`/sessions/${c.sessionId}`}>{formatWhen(c.at, i18n.language)}</Link> : formatWhen(c.at, i18n.language)}</th>
                      <td>{c.score}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="share-title">
        <h2 id="share-title">{data.consent.title}</h2>
        <p>{data.consent.text}</p>
        <div className="check-field">
          <input
            id="share-checkins"
            type="checkbox"
            role="switch"
            checked={data.sharedWithCoach}
            disabled={share.isPending}
            onChange={(e) => share.mutate(e.target.checked)}
            aria-describedby="share-state"
          />
          <label htmlFor="share-checkins">{t('sessions.checkins.share')}</label>
        </div>
        <p id="share-state" role="status">
          {data.sharedWithCoach ? t('sessions.checkins.shared') : t('sessions.checkins.notShared')}
        </p>
        {data.sharedWithCoach && !data.coachingDataConsent && (
          <p>
            {t('sessionInsight.checkins.paused')} <Link to="/privacy/consents">{t('sessionInsight.checkins.toConsents')}</Link>
          </p>
        )}
        {share.error && <Alert kind="error">{share.error.message}</Alert>}
        <p className="help">
          <Link to="/privacy/reads">{t('sessionInsight.checkins.whoLooked')}</Link>
        </p>
      </section>
    </div>
  );
}
