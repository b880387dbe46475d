import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttendanceSignalsResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import './sessions.css';

/** Home card for coaches and coordinators: who missed three sessions in a row, with a way to act. */
export function AttendanceSignalsCard() {
  const { t } = useTranslation();
  const signals = useQuery({ queryKey: ['attendance-signals'], queryFn: () => api<AttendanceSignalsResponse>('/api/attendance-signals') });
  if (!signals.data) return null;
  const list = signals.data.signals;
  return (
    <section className={list.length ? 'card signal-card' : 'card'} aria-labelledby="home-signals-title">
      <h2 id="home-signals-title">{t('sessions.signals.title')}</h2>
      {list.length === 0 ? (
        <p>{t('sessions.signals.none')}</p>
      ) : (
        <SignalList signals={list} />
      )}
    </section>
  );
}

/** The coachees who missed three sessions in a row, each a link to their community's attendance. */
export function SignalList({ signals }: { signals: AttendanceSignalsResponse['signals'] }) {
  const { t } = useTranslation();
  return (
    <ul className="rows">
      {signals.map((s) => (
        <li key={`${s.communityId}-${s.coachee.id}`}>
          <Link to={`/communities/${s.communityId}/attendance`}>
            {t('sessions.signals.item', { name: `${s.coachee.firstName} ${s.coachee.lastName}`, community: s.communityName, count: s.missedInARow })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
