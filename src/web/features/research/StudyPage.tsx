import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CreateExportResponse, StudyResponse } from '../../../contracts/research';
import { Alert } from '../../components/Alert';
import { errorsOf, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, formatDateTime } from '../../format';
import { localised, researchApi } from './api';
import './research.css';

/** One study: the question and variables, each programme's decision, the export log; deciding or exporting when allowed. */
export function StudyPage() {
  const { t } = useTranslation();
  const { studyId = '' } = useParams();
  const query = useQuery({ queryKey: ['research', 'study', studyId], queryFn: () => researchApi.study(studyId), retry: false });
  useDocumentTitle(query.data?.title ?? t('research.list.title'));
  return (
    <div className="stack">
      <p>
        <Link to="/research">{t('research.study.back')}</Link>
      </p>
      <PageState query={query} back={<Link to="/research">{t('research.study.back')}</Link>}>
        {(study) => (
          <>
            <h1>{study.title}</h1>
            <Details study={study} />
            {study.canDecide && <Decide study={study} />}
            {study.status === 'approved' && <Exports study={study} />}
          </>
        )}
      </PageState>
    </div>
  );
}

function Details({ study }: { study: StudyResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="study-details">
      <h2 id="study-details">{t('research.study.details')}</h2>
      <p>
        <span className={`research-status research-status-${study.status}`}>{t(`research.status.${study.status}`)}</span>
      </p>
      <h3>{t('research.propose.question')}</h3>
      <p className="research-question">{study.question}</p>
      <p>{t('research.study.period', { start: formatDate(study.periodStart, 'long', lang), end: formatDate(study.periodEnd, 'long', lang) })}</p>
      <h3>{t('research.propose.variables')}</h3>
      <ul>
        {study.variables.map((v) => (
          <li key={v.id}>
            {localised(v.label, lang)}
            {v.quasiIdentifier && ` (${t('research.propose.quasiIdentifier')})`}
          </li>
        ))}
      </ul>
      <h3>{t('research.study.decisions')}</h3>
      <ul>
        {study.programmes.map((p) => (
          <li key={p.id}>
            {localised(p.name, lang)}:{' '}
            {p.decision === null
              ? t('research.study.undecided')
              : t(`research.study.decided.${p.decision}`, { date: formatDate(p.decidedAt ?? study.createdAt, 'long', lang) })}
            {p.decidedByMe && ` ${t('research.study.byYou')}`}
            {p.note && <span className="research-note"> — {p.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decide({ study }: { study: StudyResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') => researchApi.decide(study.id, { decision, note }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['research'] }),
  });
  const { form, fields } = errorsOf(decide.error);
  return (
    <section className="card" aria-labelledby="study-decide">
      <h2 id="study-decide">{t('research.decide.title')}</h2>
      <p>{t('research.decide.intro')}</p>
      {form && !fields.note && <Alert kind="error">{form}</Alert>}
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <TextAreaField label={t('research.decide.note')} help={t('research.decide.noteHelp')} value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} maxLength={1000} />
        <div className="actions">
          <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approved')}>
            {t('research.decide.approve')}
          </button>
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('rejected')}>
            {t('research.decide.reject')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Exports({ study }: { study: StudyResponse }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [made, setMade] = useState<CreateExportResponse | null>(null);
  const create = useMutation({
    mutationFn: () => researchApi.createExport(study.id),
    onSuccess: async (result) => {
      setMade(result);
      await client.invalidateQueries({ queryKey: ['research', 'study', study.id] });
    },
  });
  const { form } = errorsOf(create.error);
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="study-exports">
      <h2 id="study-exports">{t('research.exports.title')}</h2>
      <p>{t('research.exports.intro')}</p>
      {study.withdrawnSinceLastExport !== null && <p role="status">{t('research.exports.withdrawn', { count: study.withdrawnSinceLastExport })}</p>}
      {study.canExport && (
        <>
          {form && <Alert kind="error">{form}</Alert>}
          <div className="actions">
            <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate()}>
              {t('research.exports.create')}
            </button>
          </div>
          {made && (
            <Alert kind="success">
              {t('research.exports.ready', { count: made.export.rows })}{' '}
              <a href={made.downloadUrl} download>
                {t('research.exports.download')}
              </a>{' '}
              {t('research.exports.linkValid', { date: formatDateTime(made.export.expiresAt, 'medium', lang) })}
            </Alert>
          )}
        </>
      )}
      {study.exports.length === 0 ? (
        <p>{t('research.exports.none')}</p>
      ) : (
        <TableWrap label={t('research.exports.log')}>
          <table>
            <TableHead
              columns={[
                { label: t('research.exports.when') },
                { label: t('research.exports.rows'), num: true },
                { label: t('research.exports.consenting'), num: true },
                { label: t('research.exports.suppressedRows'), num: true },
                { label: t('research.exports.suppressedCells'), num: true },
                { label: t('research.exports.downloads'), num: true },
                { label: t('research.exports.link') },
              ]}
            />
            <tbody>
              {study.exports.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {formatDateTime(e.createdAt, 'medium', lang)} {e.via === 'cli' && `(${t('research.exports.viaCli')})`}
                  </th>
                  <td className="num">{e.rows}</td>
                  <td className="num">{e.consenting}</td>
                  <td className="num">{e.suppressedRows}</td>
                  <td className="num">{e.suppressedCells}</td>
                  <td className="num">{e.downloads}</td>
                  <td>{e.via === 'cli' ? '–' : e.expired ? t('research.exports.expired') : t('research.exports.validUntil', { date: formatDate(e.expiresAt, 'long', lang) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
