import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayablesResponse, PayoutBatch } from '../../../contracts/finance';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, TableHead, TableWrap } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { day, financeApi, money, todayIso } from './api';
import './finance.css';

const KEY = ['finance', 'payables'];

/** Finance's page: the paying account, what is payable, creating a batch, downloading and marking it paid. */
export function PayoutsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('finance.desk.title'));
  const query = useQuery({ queryKey: KEY, queryFn: financeApi.payables, retry: false });
  return (
    <div className="stack">
      <h1>{t('finance.desk.title')}</h1>
      <p>{t('finance.desk.intro')}</p>
      <PageState query={query}>
        {(data) => (
          <>
            <Payable data={data} />
            <CreateBatch data={data} />
            <Batches batches={data.batches} />
            <AccountForm data={data} />
          </>
        )}
      </PageState>
    </div>
  );
}

function Payable({ data }: { data: PayablesResponse }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="payable">
      <h2 id="payable">{t('finance.desk.payable')}</h2>
      {data.items.length === 0 ? (
        <p>{t('finance.desk.nonePayable')}</p>
      ) : (
        <>
          <TableWrap label={t('finance.desk.payableTable')}>
            <table>
              <TableHead columns={[{ label: t('finance.desk.coach') }, { label: t('finance.desk.what') }, { label: t('finance.desk.amount'), num: true }, { label: t('finance.desk.promised') }, { label: t('finance.desk.iban') }]} />
              <tbody>
                {data.items.map((i) => (
                  <tr key={`${i.kind}-${i.id}`}>
                    <th scope="row">{i.coach.name}</th>
                    <td>
                      {t(`finance.kind.${i.kind}`)}: {i.label}
                    </td>
                    <td className="num finance-amount">{money(i.amountCents, i18n.language)}</td>
                    <td>
                      {i.promisedPayDate ? day(i.promisedPayDate, i18n.language) : '–'}
                      {i.overdue && <strong className="finance-status-overdue"> ({t('finance.desk.overdue')})</strong>}
                    </td>
                    <td className="finance-iban">{i.iban ?? t('finance.desk.noIban')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>{t('finance.desk.total', { amount: money(data.totalCents, i18n.language) })}</p>
          {data.waitingForIban > 0 && <p>{t('finance.desk.waiting', { count: data.waitingForIban })}</p>}
        </>
      )}
    </section>
  );
}

function CreateBatch({ data }: { data: PayablesResponse }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const create = useMutation({ mutationFn: () => financeApi.createBatch(date), onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
  const { form, fields } = errorsOf(create.error);
  return (
    <section className="card" aria-labelledby="create-batch">
      <h2 id="create-batch">{t('finance.desk.create.title')}</h2>
      {!data.settings && <p>{t('finance.desk.account.missing')}</p>}
      {form && !fields.executionDate && <Alert kind="error">{form}</Alert>}
      {create.isSuccess && <Alert kind="success">{t('finance.desk.create.done', { count: create.data.transfers, amount: money(create.data.controlSumCents, i18n.language) })}</Alert>}
      <form
        noValidate
        className="finance-actions"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label={t('finance.desk.create.date')} type="date" min={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} error={fields.executionDate} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('finance.desk.create.submit')}
        </button>
      </form>
    </section>
  );
}

function Batches({ batches }: { batches: PayoutBatch[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="batches">
      <h2 id="batches">{t('finance.desk.batches.title')}</h2>
      {batches.length === 0 ? <p>{t('finance.desk.batches.empty')}</p> : <ul className="rows">{batches.map((b) => <BatchRow key={b.id} batch={b} />)}</ul>}
    </section>
  );
}

function BatchRow({ batch }: { batch: PayoutBatch }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [paidOn, setPaidOn] = useState(todayIso());
  const mark = useMutation({ mutationFn: () => financeApi.markPaid(batch.id, paidOn), onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
  const { form, fields } = errorsOf(mark.error);
  return (
    <li>
      <p>
        <strong>{batch.messageId}</strong> · {t('finance.desk.batches.summary', { count: batch.transferCount, amount: money(batch.controlSumCents, i18n.language), date: day(batch.executionDate, i18n.language) })}
      </p>
      <p className="finance-actions">
        <a href={`/api/finance/payout-batches/${batch.id}/sepa.xml`} download>
          {t('finance.desk.batches.sepa')}
        </a>
        <a href={`/api/finance/payout-batches/${batch.id}/payments.csv`} download>
          {t('finance.desk.batches.csv')}
        </a>
      </p>
      {batch.paidOn ? (
        <p className="finance-status finance-status-paid">{t('finance.desk.batches.paidOn', { date: day(batch.paidOn, i18n.language) })}</p>
      ) : (
        <form
          noValidate
          className="finance-actions"
          onSubmit={(e) => {
            e.preventDefault();
            mark.mutate();
          }}
        >
          {form && !fields.paidOn && <Alert kind="error">{form}</Alert>}
          <Field label={t('finance.desk.batches.markDate')} type="date" max={todayIso()} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} error={fields.paidOn} />
          <button type="submit" disabled={mark.isPending}>
            {t('finance.desk.batches.mark')}
          </button>
        </form>
      )}
    </li>
  );
}

function AccountForm({ data }: { data: PayablesResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(data.settings?.debtorName ?? '');
  const [iban, setIban] = useState(data.settings?.debtorIban ?? '');
  const [bic, setBic] = useState(data.settings?.debtorBic ?? '');
  const save = useMutation({ mutationFn: () => financeApi.saveSettings({ debtorName: name, debtorIban: iban, ...(bic.trim() ? { debtorBic: bic } : {}) }), onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
  const { form, fields } = errorsOf(save.error);
  return (
    <section className="card" aria-labelledby="account">
      <h2 id="account">{t('finance.desk.account.title')}</h2>
      {form && !Object.keys(fields).length && <Alert kind="error">{form}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('finance.desk.account.saved')}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('finance.desk.account.name')} value={name} onChange={(e) => setName(e.target.value)} error={fields.debtorName} />
        <Field label={t('finance.desk.account.iban')} spellCheck={false} value={iban} onChange={(e) => setIban(e.target.value)} error={fields.debtorIban} />
        <Field label={t('finance.desk.account.bic')} spellCheck={false} value={bic} onChange={(e) => setBic(e.target.value)} error={fields.debtorBic} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('finance.desk.account.save')}
        </button>
      </form>
    </section>
  );
}
