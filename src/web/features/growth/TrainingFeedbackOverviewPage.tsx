import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { StructureResponse } from '../../../contracts/programme';
import { isAllowed } from '../../../domain/access/policy';
import { api } from '../../api';
import { PageState } from '../../components/PageState';
import { SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { actorOf, useSession } from '../../session';
import { growthApi } from './api';
import './growth.css';

/**
 * A coordinator of several programmes chooses whose feedback to read (as on the programme's
 * compensation page): the programmes where they manage coaches; the choice is the page's address.
 */
function ProgrammeChoice({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const actor = actorOf(useSession().data);
  const structure = useQuery({ queryKey: ['growth', 'programmes'], queryFn: () => api<StructureResponse>('/api/programme/structure') });
  const programmes = (structure.data?.programmes ?? []).filter((p) => actor !== null && isAllowed(actor, 'programme:manageCoaches', { kind: 'programme', institutionId: actor.institutionId, programmeId: p.id }));
  if (programmes.length < 2) return null;
  return (
    <SelectField label={t('growth.overview.programme')} value={programmeId} onChange={(e) => void navigate(`/programmes/${e.target.value}/training-feedback`)}>
      {programmes.map((p) => (
        <option key={p.id} value={p.id}>
          {i18n.language === 'en' ? p.nameEn : p.nameNl}
        </option>
      ))}
    </SelectField>
  );
}

/** The coordinator's view of training feedback (#21 item 6): per training, without names; the most asked-for topics. */
export function TrainingFeedbackOverviewPage() {
  const { t, i18n } = useTranslation();
  const { programmeId = '' } = useParams();
  useDocumentTitle(t('growth.overview.title'));
  const query = useQuery({ queryKey: ['growth', 'training-feedback', programmeId], queryFn: () => growthApi.trainingFeedback(programmeId) });
  return (
    <div className="stack">
      <h1>{t('growth.overview.title')}</h1>
      <ProgrammeChoice programmeId={programmeId} />
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
