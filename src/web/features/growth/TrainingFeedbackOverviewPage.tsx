import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageState } from '../../components/PageState';
import { TableHead, TableWrap } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { growthApi } from './api';
import './growth.css';

/** The coordinator's view of training feedback (#21 item 6): per training, without names; the most asked-for topics. */
export function TrainingFeedbackOverviewPage() {
  const { t, i18n } = useTranslation();
  const { programmeId = '' } = useParams();
  useDocumentTitle(t('growth.overview.title'));
  const query = useQuery({ queryKey: ['growth', 'training-feedback', programmeId], queryFn: () => growthApi.trainingFeedback(programmeId) });
  return (
    <div className="stack">
      <h1>{t('growth.overview.title')}</h1>
      <PageState query={query} empty={{ when: (d) => d.trainings.length === 0, text: t('growth.overview.empty') }}>
        {(d) => (
          <>
            <p>{t('growth.overview.intro', { min: d.minCell })}</p>
            <section className="card" aria-labelledby="feedback-topics">
              <h2 id="feedback-topics">{t('growth.overview.topicsTitle')}</h2>
              {d.topics.length === 0 ? (
                <p>{t('growth.overview.noTopics')}</p>
              ) : (
                <ol>
                  {d.topics.map((x) => (
                    <li key={x.label}>
                      {x.label} · {t('growth.overview.times', { count: x.count })}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section className="card" aria-labelledby="feedback-table">
              <h2 id="feedback-table">{t('growth.overview.training')}</h2>
              <TableWrap label={t('growth.overview.title')}>
                <table>
                  <TableHead columns={[{ label: t('growth.overview.training') }, { label: t('growth.overview.date') }, { label: t('growth.overview.attended'), num: true }, { label: t('growth.overview.responses'), num: true }, { label: t('growth.overview.average'), num: true }]} />
                  <tbody>
                    {d.trainings.map((x) => (
                      <tr key={x.sessionId}>
                        <th scope="row">{x.title || t('growth.overview.untitled')}</th>
                        <td>{formatDate(x.startsAt, 'medium')}</td>
                        <td>{x.attended}</td>
                        <td>{x.responses}</td>
                        <td>{x.averageRating === null ? (x.responses > 0 ? t('growth.overview.suppressed') : '–') : x.averageRating.toLocaleString(i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
            {d.trainings
              .filter((x) => x.texts.length > 0)
              .map((x) => (
                <section key={x.sessionId} className="card" aria-labelledby={`texts-${x.sessionId}`}>
                  <h2 id={`texts-${x.sessionId}`}>
                    {x.title || t('growth.overview.untitled')} · {formatDate(x.startsAt, 'medium')}
                  </h2>
                  <h3>{t('growth.overview.texts')}</h3>
                  <ul className="rows">
                    {x.texts.map((text, i) => (
                      <li key={i} className="growth-note">
                        {text}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
          </>
        )}
      </PageState>
    </div>
  );
}
