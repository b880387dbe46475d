import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StatementLine, StatementResponse } from '../../../contracts/compensation';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { errorsOf, personName, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';
import { dayName, euros, hours, monthName } from './format';
import { PayStatus } from './PayStatus';
import './compensation.css';

/** One statement: its lines; the coach confirms or disputes a line, the coordinator approves. */
export function StatementPage() {
  const { t, i18n } = useTranslation();
  const { statementId = '' } = useParams();
  const key = ['compensation', 'statement', statementId];
  const statement = useQuery({ queryKey: key, queryFn: () => api<StatementResponse>(`/api/compensation/statements/${statementId}`) });
  useDocumentTitle(statement.data ? t('compensation.statement.title', { month: monthName(statement.data.month, i18n.language) }) : t('compensation.mine.title'));
  return (
    <div className="stack comp">
      <PageState query={statement} back={<Link to="/">{t('compensation.statement.back')}</Link>}>
        {(data) => <Statement data={data} />}
      </PageState>
    </div>
  );
}

function Statement({ data }: { data: StatementResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const own = actorOf(useSession().data)?.personId === data.coach.id;
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['compensation'] });
  const confirm = useMutation({
    mutationFn: () => api(`/api/compensation/statements/${data.id}/confirm`, { method: 'POST' }),
    onSuccess: async () => {
      setDone(t('compensation.statement.confirmed'));
      await refresh();
    },
  });
  const allowance = data.scheme === 'allowance';
  const disputedOpen = data.lines.filter((l) => l.disputeComment && !l.resolution);
  return (
    <>
      <h1>{t('compensation.statement.title', { month: monthName(data.month, lang) })}</h1>
      <p>
        <Link to={own ? '/me/compensation' : '/compensation'}>{t('compensation.statement.back')}</Link>
      </p>
      <section className="card" aria-labelledby="comp-facts">
        <h2 id="comp-facts" className="visually-hidden">
          {t('compensation.statement.status')}
        </h2>
        <dl className="facts">
          <dt>{t('compensation.statement.coach')}</dt>
          <dd>{personName(data.coach)}</dd>
          <dt>{t('compensation.statement.status')}</dt>
          <dd>
            <span className="tag">{t(`compensation.status.${data.status}`)}</span>
          </dd>
          <dt>{t('compensation.statement.totalHours')}</dt>
          <dd className="figure">{hours(data.totalMinutes, lang)}</dd>
          {allowance && (
            <>
              <dt>{t('compensation.statement.total')}</dt>
              <dd className="figure">{euros(data.totalCents, lang)}</dd>
              <dt>{t('compensation.statement.yearToDate')}</dt>
              <dd className="figure">{euros(data.yearToDateCents, lang)}</dd>
              <dt>{t('compensation.statement.payment')}</dt>
              <dd>
                <PayStatus statement={data} />
              </dd>
            </>
          )}
        </dl>
        {data.warnings.map((w) => (
          <p key={w} className="comp-warning-text">
            {t(`compensation.warnings.${w}`)}
          </p>
        ))}
        {data.canDownloadPdf && (
          <p>
            <a className="button-link" href={`/api/compensation/statements/${data.id}/statement.pdf?lang=${lang === 'en' ? 'en' : 'nl'}`} download>
              {t('compensation.statement.pdf')}
            </a>
          </p>
        )}
      </section>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {confirm.error && <Alert kind="error">{confirm.error.message}</Alert>}
      <section className="card" aria-labelledby="comp-lines">
        <h2 id="comp-lines">{t('compensation.statement.hours')}</h2>
        <ol className="comp-lines">
          {data.lines.map((line) => (
            <Line key={line.id} line={line} statement={data} onDone={async (message) => {
              setDone(message);
              await refresh();
            }} />
          ))}
        </ol>
        {data.canReview && data.status === 'open' && (
          <div className="actions">
            <button type="button" className="primary" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
              {t('compensation.statement.confirm')}
            </button>
          </div>
        )}
      </section>
      {data.canApprove && <Approve statement={data} disputed={disputedOpen} onDone={async () => {
        setDone(t('compensation.statement.approved'));
        await refresh();
      }} />}
    </>
  );
}

function Line({ line, statement, onDone }: { line: StatementLine; statement: StatementResponse; onDone: (message: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const dispute = useMutation({
    mutationFn: () => api(`/api/compensation/statements/${statement.id}/lines/${line.id}/dispute`, { method: 'POST', body: { comment } }),
    onSuccess: async () => {
      setOpen(false);
      await onDone(t('compensation.statement.disputed'));
    },
  });
  const errors = errorsOf(dispute.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    dispute.mutate();
  };
  const label = `${dayName(line.date, lang)} · ${t(`compensation.kinds.${line.kind}`)}`;
  return (
    <li className="comp-line">
      <h3 className="comp-item-title">{label}</h3>
      <p className="comp-line-figures">
        <span>
          {t('compensation.statement.minutes')}: <span className="figure">{line.minutes}</span>
        </span>
        {line.band && line.rateCents !== null && line.amountCents !== null && (
          <>
            <span>{t(`compensation.band.${line.band}`)}</span>
            <span>
              {t('compensation.statement.rate')}: <span className="figure">{euros(line.rateCents, lang)}</span>
            </span>
            <span>
              {t('compensation.statement.amount')}: <strong className="figure">{euros(line.amountCents, lang)}</strong>
            </span>
          </>
        )}
      </p>
      {line.disputeComment && <p className="comp-dispute">{t('compensation.statement.disputeComment', { comment: line.disputeComment })}</p>}
      {line.resolution && <p>{t('compensation.statement.resolution', { resolution: line.resolution })}</p>}
      {statement.canReview && !line.disputeComment && !open && (
        <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`${t('compensation.statement.dispute')}: ${label}`}>
          {t('compensation.statement.dispute')}
        </button>
      )}
      {open && (
        <form onSubmit={submit} noValidate>
          {errors.form && <Alert kind="error">{errors.form}</Alert>}
          <TextAreaField label={t('compensation.statement.disputeLabel')} value={comment} maxLength={1000} required error={errors.fields.comment} onChange={(e) => setComment(e.target.value)} autoFocus />
          <div className="actions">
            <button type="submit" className="primary" disabled={dispute.isPending}>
              {t('compensation.statement.disputeSend')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('compensation.statement.disputeCancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function Approve({ statement, disputed, onDone }: { statement: StatementResponse; disputed: StatementLine[]; onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const approve = useMutation({
    mutationFn: () =>
      api(`/api/compensation/statements/${statement.id}/approve`, { method: 'POST', body: { resolutions: disputed.map((l) => ({ lineId: l.id, resolution: resolutions[l.id] ?? '' })) } }),
    onSuccess: onDone,
  });
  const errors = errorsOf(approve.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate();
  };
  return (
    <section className="card" aria-labelledby="comp-approve">
      <h2 id="comp-approve">{t('compensation.statement.approve')}</h2>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <form onSubmit={submit} noValidate>
        {disputed.map((l, i) => (
          <TextAreaField
            key={l.id}
            label={`${t('compensation.statement.resolutionLabel')} (${dayName(l.date, i18n.language)} · ${t(`compensation.kinds.${l.kind}`)})`}
            help={t('compensation.statement.disputeComment', { comment: l.disputeComment ?? '' })}
            value={resolutions[l.id] ?? ''}
            maxLength={1000}
            required
            error={errors.fields[`resolutions.${i}.resolution`] ?? errors.fields[`resolutions.${l.id}`]}
            onChange={(e) => setResolutions({ ...resolutions, [l.id]: e.target.value })}
          />
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={approve.isPending}>
            {t('compensation.statement.approve')}
          </button>
        </div>
      </form>
    </section>
  );
}
