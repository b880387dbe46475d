import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { regroupApi } from './api';

/** On a coach's or coachee's home: what a recent regrouping changed for them. */
export function RegroupHomeCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['regroup', 'mine'], queryFn: regroupApi.mine });
  const change = query.data?.change;
  if (!change) return null;
  const text =
    change.kind === 'moved'
      ? t('regroup.mine.moved', { community: change.communityName })
      : change.kind === 'coachChanged'
        ? t('regroup.mine.coachChanged', { community: change.communityName, count: change.members })
        : t('regroup.mine.coachDissolved', { community: change.communityName });
  return (
    <section className="card" aria-labelledby="regroup-card">
      <h2 id="regroup-card">{t('regroup.mine.title')}</h2>
      <p>{text}</p>
      {change.kind !== 'coachDissolved' && <Link to={`/communities/${change.communityId}`}>{t('regroup.mine.open')}</Link>}
    </section>
  );
}
