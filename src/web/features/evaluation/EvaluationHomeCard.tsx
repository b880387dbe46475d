import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { evaluationApi } from './api';

/** On the home page: one's open questionnaires, with progress and a link to go on. */
export function EvaluationHomeCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['evaluation', 'mine'], queryFn: evaluationApi.mine });
  const open = query.data?.evaluations ?? [];
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="evaluation-home-title">
      <h2 id="evaluation-home-title">{t('evaluation.home.title')}</h2>
      <ul className="rows">
        {open.map((e) => (
          <li key={e.invitationId} className="stack-sm">
            <p>{t('evaluation.home.open', { moment: t(`evaluation.moments.${e.moment}`), date: formatDate(e.closesOn, 'long') })}</p>
            {e.answered > 0 && <p>{t('evaluation.home.progress', { count: e.answered, total: e.total })}</p>}
            <Link to={`/evaluations/${e.invitationId}`}>{e.answered > 0 ? t('evaluation.home.continue') : t('evaluation.home.start')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
