import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ImpactReportResponse } from '../../../contracts/insight';
import { Alert } from '../../components/Alert';
import { errorsOf, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { insightApi } from './api';
import { formatValue, InsightSectionCard } from './InsightSectionCard';
import './insight.css';

/**
 * The impact report ("Jaarverslag") of a programme and academic year, as an HTML page with the
 * same figures, charts and tables as the PDF; the coordinator writes its two texts here and
 * downloads the PDF in Dutch or English.
 */
export function ImpactReportPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('insight.report.title'));
  const { programmeId = '', year = '' } = useParams();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['insight', 'report', programmeId, year, i18n.language], queryFn: () => insightApi.report(programmeId, year), retry: false });
  const start = Number(year.slice(0, 4));
  const years = Number.isFinite(start) ? [start + 1, start, start - 1, start - 2].map((y) => `${y}-${y + 1}`) : [];
  return (
    <div className="stack insight">
      <h1>{query.data ? t('insight.report.pdfTitle', { programme: query.data.programme.name, year: query.data.academicYear }) : t('insight.report.title')}</h1>
      <p>{t('insight.report.intro')}</p>
      <p>
        <Link to={`/insight?programme=${programmeId}`}>{t('insight.dashboard.title')}</Link>
      </p>
      <div className="card">
        <label className="insight-year">
          {t('insight.report.year')}
          <select value={year} onChange={(e) => void navigate(`/insight/${programmeId}/report/${e.target.value}`)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <PdfDownload programmeId={programmeId} year={year} language={i18n.language === 'en' ? 'en' : 'nl'} />
      </div>
      <PageState query={query}>
        {(report) => (
          <>
            <section className="card" aria-labelledby="insight-comparison">
              <h2 id="insight-comparison">{t('insight.report.comparisonTitle', { year: report.academicYear, previous: report.previousYear })}</h2>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('insight.dashboard.tableCaption', { title: t('insight.report.comparisonTitle', { year: report.academicYear, previous: report.previousYear }) })}>
                <table className="insight-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('insight.columns.figure')}</th>
                      <th scope="col" className="num">
                        {report.academicYear}
                      </th>
                      <th scope="col" className="num">
                        {report.previousYear}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.comparison.map((c) => (
                      <tr key={c.label}>
                        <th scope="row">{c.label}</th>
                        {[c.thisYear, c.previousYear].map((v, i) => (
                          <td key={i} className="num">
                            {v === null ? <abbr title={t('insight.suppressedLong')}>{t('insight.suppressed')}</abbr> : formatValue(v, c.kind, i18n.language)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <Texts report={report} programmeId={programmeId} year={year} />
            {report.sections.map((s) => (
              <InsightSectionCard key={s.id} section={s} csvUrl={null} />
            ))}
            <section className="card" aria-labelledby="insight-highlights">
              <h2 id="insight-highlights">{t('insight.report.highlightsTitle')}</h2>
              {report.evaluationHighlights.length === 0 ? <p>{t('insight.report.noHighlights')}</p> : <ul>{report.evaluationHighlights.map((h) => <li key={h}>{h}</li>)}</ul>}
            </section>
            <section className="card" aria-labelledby="insight-roadmap">
              <h2 id="insight-roadmap">{t('insight.report.roadmapTitle')}</h2>
              {report.roadmapFactors.length === 0 ? (
                <p>{t('insight.report.noFactors')}</p>
              ) : (
                <ul>
                  {report.roadmapFactors.map((f) => (
                    <li key={f.id}>
                      {f.number}. {f.title} — {f.evidence}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <RoadmapOfYear roadmap={report.roadmap} />
            <section className="card" aria-labelledby="insight-reflections">
              <h2 id="insight-reflections">{t('insight.report.reflectionsTitle')}</h2>
              {report.coachReflections.length === 0 ? <p>{t('insight.report.noReflections')}</p> : report.coachReflections.map((r) => <blockquote key={r}>{r}</blockquote>)}
            </section>
          </>
        )}
      </PageState>
    </div>
  );
}

function PdfDownload({ programmeId, year, language }: { programmeId: string; year: string; language: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const download = async (lang: 'nl' | 'en') => {
    setState('busy');
    try {
      const blob = await insightApi.pdf(programmeId, year, lang);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${lang === 'nl' ? 'jaarverslag' : 'impact-report'}-${year}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <div className="actions">
        <button type="button" className="primary" disabled={state === 'busy'} onClick={() => void download(language)}>
          {t('insight.report.download')}
        </button>
        <button type="button" className="secondary" disabled={state === 'busy'} onClick={() => void download(language === 'nl' ? 'en' : 'nl')}>
          {t('insight.report.downloadEn')}
        </button>
      </div>
      <p role="status">{state === 'busy' ? t('insight.report.generating') : state === 'done' ? t('insight.report.downloaded') : ''}</p>
      {state === 'failed' && <Alert kind="error">{t('insight.report.failed')}</Alert>}
    </>
  );
}

function Texts({ report, programmeId, year }: { report: ImpactReportResponse; programmeId: string; year: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [wentWell, setWentWell] = useState(report.texts.wentWell);
  const [needed, setNeeded] = useState(report.texts.needed);
  const [version, setVersion] = useState(report.texts.version);
  const save = useMutation({
    mutationFn: () => insightApi.saveTexts(programmeId, year, { wentWell, needed, version }),
    onSuccess: async (r) => {
      setVersion(r.version);
      await client.invalidateQueries({ queryKey: ['insight', 'report', programmeId, year] });
    },
  });
  const errors = errorsOf(save.error);
  if (!report.canWrite) {
    return (
      <section className="card" aria-labelledby="insight-texts">
        <h2 id="insight-texts">{t('insight.report.wentWell')}</h2>
        <p>{report.texts.wentWell || t('insight.report.noText')}</p>
        <h2>{t('insight.report.needed')}</h2>
        <p>{report.texts.needed || t('insight.report.noText')}</p>
      </section>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" aria-labelledby="insight-texts" onSubmit={submit}>
      <h2 id="insight-texts">{t('insight.report.textsTitle')}</h2>
      <p>{t('insight.report.textsHelp')}</p>
      <TextAreaField label={t('insight.report.wentWell')} value={wentWell} maxLength={4000} rows={4} error={errors.fields.wentWell} onChange={(e) => setWentWell(e.target.value)} />
      <TextAreaField label={t('insight.report.needed')} value={needed} maxLength={4000} rows={4} error={errors.fields.needed} onChange={(e) => setNeeded(e.target.value)} />
      {errors.code === 'conflict' ? <Alert kind="error">{t('insight.report.conflict')}</Alert> : errors.form && <Alert kind="error">{errors.form}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('insight.report.saved')}</Alert>}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('insight.report.save')}
        </button>
      </div>
    </form>
  );
}

/** The programme's Roadmap of the year: the factors it works on (this year's agreed status next to last year's) and the plan. */
function RoadmapOfYear({ roadmap }: { roadmap: ImpactReportResponse['roadmap'] }) {
  const { t } = useTranslation();
  const r = (key: string) => t(`roadmap.report.${key}`);
  return (
    <section className="card" aria-labelledby="insight-roadmap-year">
      <h2 id="insight-roadmap-year">{r('title')}</h2>
      {!roadmap ? (
        <p>{r('none')}</p>
      ) : (
        <>
          <h3>{r('factors')}</h3>
          {!roadmap.hasLastYear && <p>{r('noLastYear')}</p>}
          {roadmap.factors.length === 0 ? (
            <p>{r('noFactors')}</p>
          ) : (
            <TableWrap label={r('factors')}>
              <table>
                <TableHead columns={[{ label: r('factor') }, { label: r('thisYear') }, { label: r('lastYear') }]} />
                <tbody>
                  {roadmap.factors.map((f) => (
                    <tr key={f.id}>
                      <th scope="row">
                        {f.number}. {f.title}
                      </th>
                      <td>{f.thisYear ?? r('noStatus')}</td>
                      <td>{f.lastYear ?? r('noStatus')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <h3>{r('plan')}</h3>
          {roadmap.plan.length === 0 ? (
            <p>{r('noPlan')}</p>
          ) : (
            <TableWrap label={r('plan')}>
              <table>
                <TableHead columns={[{ label: r('intervention') }, { label: r('horizon') }, { label: r('dueDate') }, { label: r('status') }]} />
                <tbody>
                  {roadmap.plan.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.factorNumber === null ? i.title : `${i.factorNumber}. ${i.title}`}</th>
                      <td>{i.horizon}</td>
                      <td>{formatDate(i.dueDate, 'medium')}</td>
                      <td>{i.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </section>
  );
}
