import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ExpenseClaim, OnTimeFigure, PaidOnTime } from '../../../contracts/finance';
import type { z } from 'zod';
import { Alert } from '../../components/Alert';
import { errorsOf, percent, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { day, financeApi, money } from './api';
import { PaymentStatusText } from './PaymentStatusText';
import './finance.css';

/** The coordinator's page: claims to decide (with the receipt), overdue payments, "paid on time". */
export function ProgrammePaymentsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('finance.programme.title'));
  const { programmeId = '' } = useParams();
  const query = useQuery({ queryKey: ['finance', 'programme', programmeId], queryFn: () => financeApi.programme(programmeId), retry: false });
  // The decided claim leaves the list, so its confirmation lives here.
  const [decided, setDecided] = useState<{ status: string; promisedPayDate: string | null } | null>(null);
  return (
    <div className="stack">
      <h1>{t('finance.programme.title')}</h1>
      {decided && (
        <Alert kind="success">
          {decided.status === 'approved' ? t('finance.programme.approved', { date: decided.promisedPayDate ? day(decided.promisedPayDate, i18n.language) : '' }) : t('finance.programme.rejected')}
        </Alert>
      )}
      <PageState query={query}>
        {(data) => {
          const open = data.claims.filter((c) => c.status === 'submitted');
          const done = data.claims.filter((c) => c.status !== 'submitted');
          return (
            <>
              <section className="card" aria-labelledby="to-decide">
                <h2 id="to-decide">{t('finance.programme.toDecide')}</h2>
                {open.length === 0 ? <p>{t('finance.programme.noneToDecide')}</p> : <ul className="rows">{open.map((c) => <ClaimToDecide key={c.id} claim={c} programmeId={programmeId} onDecided={setDecided} />)}</ul>}
              </section>
              <section className="card" aria-labelledby="overdue">
                <h2 id="overdue">{t('finance.programme.overdue')}</h2>
                {data.overdue.length === 0 ? (
                  <p>{t('finance.programme.noOverdue')}</p>
                ) : (
                  <ul className="rows">
                    {data.overdue.map((o) => (
                      <li key={`${o.kind}-${o.id}`}>
                        {o.coach.name} · {t(`finance.kind.${o.kind}`)} · <span className="finance-amount">{money(o.amountCents, i18n.language)}</span> ·{' '}
                        <PaymentStatusText status="overdue" promisedPayDate={o.promisedPayDate} paidOn={null} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <OnTime figure={data.paidOnTime} />
              <section className="card" aria-labelledby="decided">
                <h2 id="decided">{t('finance.programme.decided')}</h2>
                <ul className="rows">
                  {done.map((c) => (
                    <li key={c.id}>
                      {c.coach.name} · {day(c.spentOn, i18n.language)} · {t(`finance.category.${c.category}`)} · <span className="finance-amount">{money(c.amountCents, i18n.language)}</span> ·{' '}
                      <PaymentStatusText status={c.paymentStatus} promisedPayDate={c.promisedPayDate} paidOn={c.paidOn} />
                    </li>
                  ))}
                </ul>
              </section>
            </>
          );
        }}
      </PageState>
    </div>
  );
}

function ClaimToDecide({ claim, programmeId, onDecided }: { claim: ExpenseClaim; programmeId: string; onDecided: (d: { status: string; promisedPayDate: string | null }) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => financeApi.decide(claim.id, decision === 'reject' ? { decision, reason } : { decision }),
    onSuccess: async (result) => {
      onDecided(result);
      await client.invalidateQueries({ queryKey: ['finance', 'programme', programmeId] });
    },
  });
  const { form, fields } = errorsOf(decide.error);
  return (
    <li>
      <p>
        <strong>{claim.coach.name}</strong> · {day(claim.spentOn, i18n.language)} · {t(`finance.category.${claim.category}`)} · <span className="finance-amount">{money(claim.amountCents, i18n.language)}</span>
      </p>
      <p>{claim.description}</p>
      {claim.receiptType && (
        <p>
          <a href={`/api/expense-claims/${claim.id}/receipt`} target="_blank" rel="noreferrer">
            {t('finance.programme.receipt')}
          </a>
        </p>
      )}
      {form && !fields.reason && <Alert kind="error">{form}</Alert>}
      {rejecting && <TextAreaField label={t('finance.programme.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fields.reason} />}
      <div className="finance-actions">
        {!rejecting && (
          <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
            {t('finance.programme.approve')}
          </button>
        )}
        <button type="button" disabled={decide.isPending} onClick={() => (rejecting ? decide.mutate('reject') : setRejecting(true))}>
          {rejecting ? t('finance.programme.confirmReject') : t('finance.programme.reject')}
        </button>
      </div>
    </li>
  );
}

function OnTime({ figure }: { figure: PaidOnTime }) {
  const { t } = useTranslation();
  const table = (rows: z.infer<typeof OnTimeFigure>[], label: string) => (
    <TableWrap label={label}>
      <table>
        <caption>{label}</caption>
        <TableHead columns={[{ label: t('finance.programme.period') }, { label: t('finance.programme.due'), num: true }, { label: t('finance.programme.paidOnTime'), num: true }, { label: t('finance.programme.late'), num: true }, { label: t('finance.programme.share'), num: true }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.period}>
              <th scope="row">{r.period}</th>
              <td className="num">{r.due}</td>
              <td className="num">{r.onTime}</td>
              <td className="num">{r.late}</td>
              <td className="num">{percent(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <section className="card" aria-labelledby="on-time">
      <h2 id="on-time">{t('finance.programme.onTime')}</h2>
      <p className="help">{t('finance.programme.onTimeIntro')}</p>
      {figure.years.length === 0 ? (
        <p>{t('finance.programme.noFigure')}</p>
      ) : (
        <>
          {table(figure.years, t('finance.programme.perYear'))}
          {table(figure.months, t('finance.programme.perMonth'))}
        </>
      )}
    </section>
  );
}
