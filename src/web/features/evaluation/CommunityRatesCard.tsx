import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageState } from '../../components/PageState';
import { TableHead, TableWrap } from '../../components/form-fields';
import { formatDate, todayInAmsterdam } from '../../format';
import { evaluationApi } from './api';

/**
 * The response rates of a community's questionnaire moments (#18): for the coach (and whoever
 * oversees the community) — invited, finished and the rate, open or closed, never who answered.
 * Fewer than 5 people: no figure (the dashboard's suppression rule, applied by the server).
 */
export function CommunityRatesCard({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['evaluation', 'community-rates', communityId], queryFn: () => evaluationApi.communityRates(communityId) });
  const today = todayInAmsterdam();
  return (
    <section className="card stack" aria-labelledby="eval-community-rates-title">
      <h2 id="eval-community-rates-title">{t('evaluationRates.title')}</h2>
      <p className="help">{t('evaluationRates.intro')}</p>
      <PageState query={query} empty={{ when: (d) => d.communities.length === 0, text: t('evaluationRates.none') }}>
        {(data) => (
          <TableWrap label={t('evaluationRates.table')}>
            <table>
              <TableHead columns={[{ label: t('evaluationRates.moment') }, { label: t('evaluationRates.status') }, { label: t('evaluationRates.response'), num: true }]} />
              <tbody>
                {data.communities.map((c) => {
                  const open = c.closesOn >= today;
                  return (
                    <tr key={c.moment}>
                      <th scope="row">{c.moment}</th>
                      <td>{open ? t('evaluationRates.openUntil', { date: formatDate(c.closesOn) }) : t('evaluationRates.closedOn', { date: formatDate(c.closesOn) })}</td>
                      <td className="num">
                        {c.invited === null
                          ? t('evaluationRates.fewInvited')
                          : c.answered === null
                            ? t('evaluationRates.fewAnswered', { invited: c.invited })
                            : t('evaluationRates.rate', { answered: c.answered, invited: c.invited, percent: c.invited === 0 ? 0 : Math.round((c.answered / c.invited) * 100) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </PageState>
    </section>
  );
}
