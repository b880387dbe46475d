import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Links to a community's attendance and year plan, as a list in the given style. */
export function CommunityInsightLinks({ communityId, className }: { communityId: string; className: 'link-row' | 'rows' }) {
  const { t } = useTranslation();
  return (
    <ul className={className}>
      <li>
        <Link to={`/communities/${communityId}/attendance`}>{t('sessionInsight.links.attendance')}</Link>
      </li>
      <li>
        <Link to={`/communities/${communityId}/year-plan`}>{t('sessionInsight.links.yearPlan')}</Link>
      </li>
    </ul>
  );
}
