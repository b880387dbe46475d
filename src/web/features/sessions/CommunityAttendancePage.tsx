import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CommunityCheckinsResponse, CommunityInsightResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { homeQuery } from '../../home-query';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { percent, TableHead, TableWrap } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CoacheeAttendanceTable } from './CoacheeAttendanceTable';
import { formatWhen } from './format';
import { ScoreChart } from './ScoreChart';
import './sessions.css';
import { formatDate } from '../../format';

/** Attendance of a community: the trend per session, per coachee, and who missed three in a row. */
export function CommunityAttendancePage() {
  const { communityId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const insight = useQuery({ queryKey: ['community-attendance', communityId], queryFn: () => api<CommunityInsightResponse>(`/api/communities/${communityId}/attendance`) });
  const home = useQuery(homeQuery);
  // Shared check-ins reach the coach only; nobody else gets them, so nobody else asks.
  const isCoach = home.data?.communities.some((c) => c.id === communityId && c.relation === 'coach') ?? false;
  const checkins = useQuery({ queryKey: ['community-checkins', communityId], queryFn: () => api<CommunityCheckinsResponse>(`/api/communities/${communityId}/checkins`), enabled: isCoach });
  useDocumentTitle(insight.data ? t('sessionInsight.attendance.title', { name: insight.data.communityName }) : t('app.loading'));
  if (insight.error) return <Alert kind="error">{insight.error.message}</Alert>;
  if (!insight.data) return <PageState query={insight} />;
  const d = insight.data;
  const signals = d.coachees.filter((c) => c.signal);
  const rated = d.sessions.filter((s) => s.rate !== null);
  return (
    <div className="stack">
      <p>
        <Link to={`/communities/${communityId}`}>{t('sessionInsight.backToCommunity')}</Link>
      </p>
      <h1>{t('sessionInsight.attendance.title', { name: d.communityName })}</h1>
      <p className="lead">{t('sessions.plan.trendLabel', { trend: t(`sessions.plan.trend.${d.trend}`) })}</p>
      {signals.length > 0 && (
        <div className="alert alert-error" role="region" aria-labelledby="signals-title">
          <h2 id="signals-title">{t('sessions.signals.title')}</h2>
          <ul>
            {signals.map((c) => (
              <li key={c.id}>{t('sessionInsight.attendance.signalItem', { name: `${c.firstName} ${c.lastName}`, count: c.missedInARow })}</li>
            ))}
          </ul>
          <p>{t('sessionInsight.attendance.signalHelp')}</p>
        </div>
      )}
      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">{t('sessionInsight.attendance.perSession')}</h2>
        {rated.length === 0 ? (
          <p>{t('sessionInsight.attendance.noMarks')}</p>
        ) : (
          <>
            <RateBars sessions={rated.map((s) => ({ at: s.startsAt, rate: s.rate! }))} label={t('sessionInsight.attendance.chartLabel')} />
            <TableWrap label={t('sessionInsight.table', { name: t('sessionInsight.attendance.perSession') })}>
              <table>
                <TableHead columns={[{ label: t('sessionInsight.attendance.session') }, { label: t('sessionInsight.attendance.rate'), num: true }]} />
                <tbody>
                  {rated.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/sessions/${s.id}`}>{formatWhen(s.startsAt, i18n.language)}</Link>
                      </th>
                      <td>{percent(s.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="coachees-title">
        <h2 id="coachees-title">{t('sessionInsight.attendance.perCoachee')}</h2>
        <CoacheeAttendanceTable name={t('sessionInsight.attendance.perCoachee')} rows={d.coachees.map((c) => ({ ...c, attended: t('sessions.plan.attended', { attended: c.attended, marked: c.marked }) }))} />
      </section>
      {isCoach && checkins.data && (
        <section className="card" aria-labelledby="checkins-title">
          <h2 id="checkins-title">{t('sessionInsight.attendance.checkinsTitle')}</h2>
          <p>{t('sessionInsight.attendance.checkinsShared', { count: checkins.data.sharing.length, total: checkins.data.memberCount })}</p>
          {checkins.data.sharing.map((m) => (
            <div key={m.id} className="stack-sm">
              <h3>
                {m.firstName} {m.lastName}
              </h3>
              {m.checkins.length === 0 ? (
                <p>{t('sessionInsight.checkins.none')}</p>
              ) : (
                <>
                  <ScoreChart points={m.checkins} label={t('sessionInsight.attendance.checkinChart', { name: m.firstName })} />
                  <p>
                    {t('sessionInsight.attendance.checkinList')}:{' '}
                    {m.checkins.map((c) => `${formatDate(c.at, 'short')}: ${c.score}`).join(', ')}
                  </p>
                </>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

/** Attendance per session as bars (0–100 %); the table next to it holds the same numbers. */
function RateBars({ sessions, label }: { sessions: { at: string; rate: number }[]; label: string }) {
  const W = 360;
  const H = 150;
  const gap = 4;
  const left = 40;
  const bar = Math.max(4, (W - left) / sessions.length - gap);
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={left} x2={W} y1={10 + (1 - v) * (H - 30)} y2={10 + (1 - v) * (H - 30)} className="grid" />
            <text x={left - 4} y={14 + (1 - v) * (H - 30)} textAnchor="end" className="axis">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {sessions.map((s, i) => (
          <rect key={i} x={left + i * (bar + gap)} y={10 + (1 - s.rate) * (H - 30)} width={bar} height={s.rate * (H - 30)} className={s.rate < 0.6 ? 'bar low' : 'bar'} />
        ))}
      </svg>
    </figure>
  );
}
