import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClaim, claimPromisedPayDate } from './expense-claim';
import { checkIban, maskIban } from './iban';
import { paidOnTime } from './paid-on-time';
import { buildPayoutCsv, buildSepaXml, checkSepaRules, formatCents, type PayoutFileInput } from './sepa-file';
import { isSepaText, toSepaText } from './sepa-text';

describe('SEPA character set', () => {
  it.each([
    ['Zoë Łukasiewicz', 'Zoe Lukasiewicz'],
    ['Jürgen Groß', 'Jurgen Gross'],
    ['Søren Ørsted', 'Soren Orsted'],
    ['Ángel Núñez-Çelik', 'Angel Nunez-Celik'],
    ['Æsa Œuvre', 'AEsa OEuvre'],
    ['Boodschappen & koffie "bijeenkomst" — 3 mei', "Boodschappen + koffie 'bijeenkomst' - 3 mei"],
    ['Ğülşen Yılmaz', 'Gulsen Yilmaz'],
    ['Đorđe Þór', 'Dorde Thor'],
    ['张伟 Wei', 'Wei'],
    ['  two   spaces\tand tab ', 'two spaces and tab'],
  ])('%s → %s', (input, expected) => {
    expect(toSepaText(input, 70)).toBe(expected);
  });

  it('cuts to the field length', () => {
    expect(toSepaText('a'.repeat(200), 140)).toHaveLength(140);
  });

  it('always yields the SEPA set, however odd the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => isSepaText(toSepaText(s, 70)) && toSepaText(s, 70).length <= 70));
  });
});

describe('IBAN', () => {
  it.each(['NL91ABNA0417164300', 'nl91 abna 0417 1643 00', 'DE89 3704 0044 0532 0130 00', 'BE68539007547034'])('accepts %s', (iban) => {
    expect(checkIban(iban).ok).toBe(true);
  });
  it('normalises to the electronic format', () => {
    expect(checkIban('nl91 abna 0417 1643 00')).toEqual({ ok: true, iban: 'NL91ABNA0417164300' });
  });
  it.each([
    ['NL91ABNA0417164301', 'checkDigits'],
    ['NL19ABNA0417164300', 'checkDigits'],
    ['NL91ABNA041716430', 'invalid'],
    ['hello', 'invalid'],
    ['', 'empty'],
    ['BR1800360305000010009795493C1', 'notSepa'],
  ])('refuses %s (%s)', (iban, problem) => {
    expect(checkIban(iban)).toEqual({ ok: false, problem });
  });
  it('masks all but the country and the last four', () => {
    expect(maskIban('NL91ABNA0417164300')).toBe('NL•• •••• •••• ••43 00');
  });
});

describe('expense claims', () => {
  it.each([
    [{ amountCents: 0, spentOn: '2026-03-01' }, ['amountTooLow']],
    [{ amountCents: -500, spentOn: '2026-03-01' }, ['amountTooLow']],
    [{ amountCents: 100_001, spentOn: '2026-03-01' }, ['amountTooHigh']],
    [{ amountCents: 1250, spentOn: '2026-03-11' }, ['dateInFuture']],
    [{ amountCents: 1250, spentOn: '2025-03-01' }, ['dateTooOld']],
    [{ amountCents: 1250, spentOn: '2026-03-10' }, []],
  ])('%o → %o', (claim, problems) => {
    expect(checkClaim(claim, '2026-03-10').map((p) => p.problem)).toEqual(problems);
  });
  it.each([
    ['2026-03-10', '2026-03-25'],
    ['2026-03-18', '2026-03-25'],
    ['2026-03-19', '2026-04-25'],
    ['2026-12-20', '2027-01-25'],
  ])('approved %s → promised %s', (approved, promised) => {
    expect(claimPromisedPayDate(approved)).toBe(promised);
  });
});

describe('paid on time', () => {
  it('counts items due or paid, per month and year of the promised date', () => {
    const figure = paidOnTime(
      [
        { promisedPayDate: '2026-01-25', paidOn: '2026-01-24' },
        { promisedPayDate: '2026-01-25', paidOn: '2026-01-25' },
        { promisedPayDate: '2026-01-25', paidOn: '2026-01-30' },
        { promisedPayDate: '2026-02-25', paidOn: null },
        { promisedPayDate: '2026-03-25', paidOn: null },
      ],
      '2026-03-01',
    );
    expect(figure.months).toEqual([
      { period: '2026-01', due: 3, onTime: 2, late: 1, share: 2 / 3 },
      { period: '2026-02', due: 1, onTime: 0, late: 1, share: 0 },
    ]);
    expect(figure.years).toEqual([{ period: '2026', due: 4, onTime: 2, late: 2, share: 0.5 }]);
  });
});

const input = (transfers: PayoutFileInput['transfers']): PayoutFileInput => ({
  messageId: 'PK-20260325-0001',
  createdAt: new Date('2026-03-20T10:00:00Z'),
  executionDate: '2026-03-25',
  debtor: { name: 'Hogeschool Inholland — Financiën', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
  transfers,
});

describe('the payout file', () => {
  const transfers = [
    { endToEndId: 'PK1-A1', creditorName: 'Zoë Łukasiewicz', iban: 'NL20INGB0001234567', amountCents: 4250, text: 'Vergoeding maart 2026', kind: 'allowance' as const },
    { endToEndId: 'PK1-E1', creditorName: 'Jürgen Groß', iban: 'DE89370400440532013000', amountCents: 1999, text: 'Declaratie: boodschappen bijeenkomst', kind: 'expense' as const },
    { endToEndId: 'PK1-E2', creditorName: 'Søren', iban: 'NL44RABO0123456789', amountCents: 1, text: 'Reiskosten', kind: 'expense' as const },
  ];

  it('passes the SEPA rules, with count and control sum', () => {
    const xml = buildSepaXml(input(transfers));
    expect(checkSepaRules(xml)).toEqual({ problems: [], summary: { transfers: 3, controlSumCents: 6250 } });
    expect(xml).toContain('<CtrlSum>62.50</CtrlSum>');
    expect(xml).toContain('<Nm>Zoe Lukasiewicz</Nm>');
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
  });

  it('keeps the control sum exact in cents for any amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 40 }), (amounts) => {
        const xml = buildSepaXml(input(amounts.map((amountCents, i) => ({ ...transfers[0]!, endToEndId: `PK1-${i}`, amountCents }))));
        const { problems, summary } = checkSepaRules(xml);
        return problems.length === 0 && summary.controlSumCents === amounts.reduce((a, b) => a + b, 0);
      }),
      { numRuns: 30 },
    );
  });

  it('finds broken rules: a wrong sum, a duplicate id, a foreign currency, a bad character, a bad IBAN', () => {
    const xml = buildSepaXml(input(transfers));
    expect(checkSepaRules(xml.replace('<CtrlSum>62.50</CtrlSum>', '<CtrlSum>62.51</CtrlSum>')).problems).toContain('CtrlSum is not the sum of the amounts (62.50)');
    expect(checkSepaRules(xml.replace('PK1-E2', 'PK1-E1')).problems).toContain('transfer 3: EndToEndId missing or not unique');
    expect(checkSepaRules(xml.replace('Ccy="EUR">19.99', 'Ccy="USD">19.99')).problems).toContain('transfer 2: currency is not EUR');
    expect(checkSepaRules(xml.replace('<Nm>Soren</Nm>', '<Nm>Søren</Nm>')).problems).toContain('Nm uses characters outside the SEPA set');
    expect(checkSepaRules(xml.replace('NL44RABO0123456789', 'NL45RABO0123456789')).problems).toContain('transfer 3: creditor IBAN fails its check digits');
    expect(checkSepaRules(xml.replace('>19.99<', '>19.999<')).problems).toContain('transfer 2: amount is not a positive amount with at most two decimals');
    expect(checkSepaRules(xml.replace('<NbOfTxs>3</NbOfTxs>', '<NbOfTxs>4</NbOfTxs>')).problems).toContain('NbOfTxs is not the number of transfers (3)');
  });

  it('writes the CSV with the same transfers, formulas defused', () => {
    const csv = buildPayoutCsv(input([{ ...transfers[0]!, creditorName: '=HYPERLINK("x")' }]));
    expect(csv.split('\r\n')[1]).toBe(`PK1-A1,"'=HYPERLINK(""x"")",NL20INGB0001234567,42.50,allowance,Vergoeding maart 2026,2026-03-25`);
    expect(formatCents(5)).toBe('0.05');
  });
});
