/**
 * The payout file: a SEPA credit transfer initiation (ISO 20022 pain.001.001.03), built with the
 * `sepa` library, and the SEPA rules the XSD does not check (../shared/standards/iso20022/README.md):
 * EUR only, two decimals, the restricted character set, control sum and count, unique
 * EndToEndIds, valid IBAN check digits. Amounts are integer cents throughout; only the file
 * writes euros. A CSV with the same transfers serves institutions that pay through HR.
 */
import { Document } from 'sepa';
import { isValidIban } from './iban';
import { isSepaText, toSepaText } from './sepa-text';

export const PAIN_FORMAT = 'pain.001.001.03';

export type Transfer = {
  endToEndId: string;
  creditorName: string;
  iban: string;
  amountCents: number;
  /** Unstructured remittance text (at most 140 characters after transliteration). */
  text: string;
  /** For the CSV: allowance or expense. */
  kind: 'allowance' | 'expense';
};

export type PayoutFileInput = {
  messageId: string;
  createdAt: Date;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string | null };
  transfers: readonly Transfer[];
};

const euros = (cents: number) => cents / 100;
export const formatCents = (cents: number) => `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** The pain.001.001.03 document, names and texts transliterated to the SEPA character set. */
export function buildSepaXml(input: PayoutFileInput): string {
  const doc = new Document(PAIN_FORMAT);
  doc.grpHdr.id = input.messageId;
  doc.grpHdr.created = input.createdAt;
  doc.grpHdr.initiatorName = toSepaText(input.debtor.name, 70);
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${input.executionDate}T12:00:00Z`);
  info.debtorIBAN = input.debtor.iban;
  if (input.debtor.bic) info.debtorBIC = input.debtor.bic;
  info.debtorName = toSepaText(input.debtor.name, 70);
  info.batchBooking = true;
  doc.addPaymentInfo(info);
  for (const t of input.transfers) {
    const tx = info.createTransaction();
    tx.creditorName = toSepaText(t.creditorName, 70);
    tx.creditorIBAN = t.iban;
    tx.amount = euros(t.amountCents);
    tx.remittanceInfo = toSepaText(t.text, 140);
    tx.end2endId = t.endToEndId;
    info.addTransaction(tx);
  }
  return doc.toString();
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|apos|quot);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[e] ?? '');
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => decode(m[1] ?? ''));
const one = (xml: string, tag: string) => all(xml, tag)[0] ?? '';

/** Cents from a SEPA amount, or null when it is not a positive amount with at most two decimals. */
function centsOf(amount: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export type SepaSummary = { transfers: number; controlSumCents: number };

/**
 * The SEPA rules on a pain.001 file: every problem found, in words (empty: the file is fine), and
 * the file's own count and control sum.
 */
export function checkSepaRules(xml: string): { problems: string[]; summary: SepaSummary } {
  const problems: string[] = [];
  const txs = [...xml.matchAll(/<CdtTrfTxInf>([\s\S]*?)<\/CdtTrfTxInf>/g)].map((m) => m[1] ?? '');
  let sum = 0;
  const ids = new Set<string>();
  txs.forEach((tx, i) => {
    const n = i + 1;
    const currencies = [...tx.matchAll(/<InstdAmt Ccy="([^"]*)">/g)].map((m) => m[1]);
    if (currencies.length !== 1 || currencies[0] !== 'EUR') problems.push(`transfer ${n}: currency is not EUR`);
    const cents = centsOf(one(tx, 'InstdAmt'));
    if (cents === null || cents <= 0) problems.push(`transfer ${n}: amount is not a positive amount with at most two decimals`);
    else sum += cents;
    const id = one(tx, 'EndToEndId');
    if (id === '' || ids.has(id)) problems.push(`transfer ${n}: EndToEndId missing or not unique`);
    ids.add(id);
    if (!isValidIban(one(tx, 'IBAN'))) problems.push(`transfer ${n}: creditor IBAN fails its check digits`);
  });
  for (const tag of ['Nm', 'Ustrd', 'MsgId', 'PmtInfId', 'InstrId', 'EndToEndId']) {
    for (const text of all(xml, tag)) if (!isSepaText(text)) problems.push(`${tag} uses characters outside the SEPA set`);
  }
  for (const iban of all(xml, 'IBAN')) if (!isValidIban(iban)) problems.push('an IBAN fails its check digits');
  const counts = all(xml, 'NbOfTxs');
  const sums = all(xml, 'CtrlSum');
  if (counts.length === 0 || counts.some((c) => Number(c) !== txs.length)) problems.push(`NbOfTxs is not the number of transfers (${txs.length})`);
  if (sums.length === 0 || sums.some((s) => centsOf(s) !== sum)) problems.push(`CtrlSum is not the sum of the amounts (${formatCents(sum)})`);
  if (/Ccy="(?!EUR")/.test(xml)) problems.push('a currency other than EUR');
  return { problems: [...new Set(problems)], summary: { transfers: txs.length, controlSumCents: sum } };
}

const csvCell = (value: string) => {
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it away.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The same transfers as CSV (UTF-8, comma-separated, amounts in euros with a point). */
export function buildPayoutCsv(input: PayoutFileInput): string {
  const header = ['end_to_end_id', 'name', 'iban', 'amount_eur', 'kind', 'description', 'execution_date'];
  const rows = input.transfers.map((t) => [t.endToEndId, t.creditorName, t.iban, formatCents(t.amountCents), t.kind, t.text, input.executionDate]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
