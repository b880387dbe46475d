/** The resilience card on the home screen: own map for coachees, conversations for coaches, group exercise per community. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = { isCoachee: boolean; isCoach: boolean; communities: { id: string; name: string }[] };

export function ResilienceHomeCard({ isCoachee, isCoach, communities }: Props) {
  const { t } = useTranslation();
  if (!isCoachee && !isCoach) return null;
  return (
    <section className="card" aria-labelledby="resilience-home-title">
      <h2 id="resilience-home-title">{t('resilience.nav')}</h2>
      {isCoachee && (
        <p>
          {t('resilience.homeCard')} <Link to="/resilience">{t('resilience.open')}</Link>
        </p>
      )}
      {isCoach && (
        <p>
          {t('resilience.homeCardCoach')} <Link to="/resilience/coach">{t('resilience.openCoach')}</Link>
        </p>
      )}
      {communities.length > 0 && (
        <ul className="names">
          {communities.map((c) => (
            <li key={c.id}>
              <Link to={`/resilience/group/${c.id}`}>{t('resilience.coach.group', { name: c.name })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
