import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../domain/finance/expense-claim';
import type { MyCompensationResponse } from '../../../contracts/finance';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, SelectField, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { day, financeApi, money, parseEuros, todayIso } from './api';
import { PaymentStatusText } from './PaymentStatusText';
import './finance.css';

const KEY = ['finance', 'mine'];

/** "Mijn vergoeding": the coach's payments with status and date, their expense claims, their IBAN. */
export function MyCompensationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('finance.mine.title'));
  const mine = useQuery({ queryKey: KEY, queryFn: financeApi.mine, retry: false });
  return (
    <div className="stack">
      <h1>{t('finance.mine.title')}</h1>
      <p>{t('finance.mine.intro')}</p>
      <PageState query={mine}>
        {(data) => (
          <>
            <Payments data={data} />
            <ClaimForm />
            <Claims data={data} />
            <BankAccountForm data={data} />
          </>
        )}
      </PageState>
    </div>
  );
}

function Payments({ data }: { data: MyCompensationResponse }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="my-payments">
      <h2 id="my-payments">{t('finance.mine.payments.title')}</h2>
      {data.payments.length === 0 ? (
        <p>{t('finance.mine.payments.empty')}</p>
      ) : (
        <ul className="rows">
          {data.payments.map((p) => (
            <li key={`${p.kind}-${p.id}`}>
              {t(`finance.kind.${p.kind}`)} {p.kind === 'expense' ? day(p.label, i18n.language) : p.label} · <span className="finance-amount">{money(p.amountCents, i18n.language)}</span> ·{' '}
              <PaymentStatusText status={p.status} promisedPayDate={p.promisedPayDate} paidOn={p.paidOn} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Claims({ data }: { data: MyCompensationResponse }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="my-claims">
      <h2 id="my-claims">{t('finance.mine.claims.title')}</h2>
      {data.claims.length === 0 ? (
        <p>{t('finance.mine.claims.empty')}</p>
      ) : (
        <ul className="rows">
          {data.claims.map((c) => (
            <li key={c.id}>
              {day(c.spentOn, i18n.language)} · {t(`finance.category.${c.category}`)} · <span className="finance-amount">{money(c.amountCents, i18n.language)}</span> · {c.description} ·{' '}
              <PaymentStatusText status={c.paymentStatus} promisedPayDate={c.promisedPayDate} paidOn={c.paidOn} />
              {c.rejectReason && <p className="help">{t('finance.mine.claims.reason', { reason: c.rejectReason })}</p>}
              {c.receiptType && (
                <>
                  {' '}
                  · <a href={`/api/expense-claims/${c.id}/receipt`} target="_blank" rel="noreferrer">{t('finance.programme.receipt')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClaimForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [spentOn, setSpentOn] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<ExpenseCategory>('groceries');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [amountError, setAmountError] = useState(false);
  const send = useMutation({
    mutationFn: async () => {
      const cents = parseEuros(amount);
      if (cents === null) throw new Error('amount');
      if (!file) throw new Error('file');
      const { receiptId } = await financeApi.uploadReceipt(file);
      return financeApi.submitClaim({ spentOn, amountCents: cents, category, description, receiptId });
    },
    onSuccess: async () => {
      setAmount('');
      setDescription('');
      setFile(null);
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const { form, fields } = errorsOf(send.error);
  const localError = send.error instanceof Error && (send.error.message === 'amount' || send.error.message === 'file') ? send.error.message : null;
  return (
    <section className="card" aria-labelledby="claim-form">
      <h2 id="claim-form">{t('finance.mine.claim.title')}</h2>
      <p className="help">{t('finance.mine.claim.intro')}</p>
      {form && !localError && !Object.keys(fields).length && <Alert kind="error">{form}</Alert>}
      {send.isSuccess && <Alert kind="success">{t('finance.mine.claim.sent')}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAmountError(parseEuros(amount) === null);
          send.mutate();
        }}
      >
        <Field label={t('finance.mine.claim.date')} type="date" max={todayIso()} value={spentOn} onChange={(e) => setSpentOn(e.target.value)} error={fields.spentOn} />
        <Field
          label={t('finance.mine.claim.amount')}
          help={t('finance.mine.claim.amountHelp')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError ? t('finance.mine.claim.amountInvalid') : fields.amountCents}
        />
        <SelectField label={t('finance.mine.claim.category')} value={category} onChange={(e) => setCategory(e.target.value as ExpenseCategory)}>
          {EXPENSE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`finance.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('finance.mine.claim.description')} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
        <Field
          label={t('finance.mine.claim.receipt')}
          help={t('finance.mine.claim.receiptHelp')}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={localError === 'file' ? t('finance.errors.receipt.empty') : (fields.receipt ?? fields.receiptId)}
        />
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('finance.mine.claim.sending') : t('finance.mine.claim.send')}
        </button>
      </form>
    </section>
  );
}

function BankAccountForm({ data }: { data: MyCompensationResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [iban, setIban] = useState(data.bankAccount?.ibanFormatted ?? '');
  const [holder, setHolder] = useState(data.bankAccount?.holderName ?? '');
  const save = useMutation({ mutationFn: () => financeApi.saveBankAccount({ iban, holderName: holder }), onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
  const { form, fields } = errorsOf(save.error);
  return (
    <section className="card" aria-labelledby="bank-account">
      <h2 id="bank-account">{t('finance.mine.bank.title')}</h2>
      {data.bankAccount ? <p className="finance-iban">{t('finance.mine.bank.current', { iban: data.bankAccount.ibanFormatted, holder: data.bankAccount.holderName })}</p> : <p>{t('finance.mine.bank.none')}</p>}
      {form && !Object.keys(fields).length && <Alert kind="error">{form}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('finance.mine.bank.saved')}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('finance.mine.bank.iban')} help={t('finance.mine.bank.ibanHelp')} autoComplete="off" spellCheck={false} value={iban} onChange={(e) => setIban(e.target.value)} error={fields.iban} />
        <Field label={t('finance.mine.bank.holder')} autoComplete="name" value={holder} onChange={(e) => setHolder(e.target.value)} error={fields.holderName} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('finance.mine.bank.save')}
        </button>
      </form>
    </section>
  );
}
