/**
 * Coach compensation, the money side (#17 items 5–7), through HTTP on the real app: receipts checked
 * by their bytes and stripped of location, claims and their decisions (409 on the second), IBANs
 * checked and sealed, payout batches as SEPA files that xmllint and the SEPA rules accept, marking
 * paid, the CLI export that marks nothing, the overdue reminder exactly once, "paid on time", and
 * who may see any of it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payoutsExportWithServices } from '../../src/cli/payouts';
import { checkSepaRules } from '../../src/domain/finance/sepa-file';
import { coachBankAccounts, compensationStatements, expenseClaims, expenseReceipts, mailOutbox, payoutBatches, payoutReminders, payoutTransfers } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { getPaidOnTime } from '../../src/server/modules/finance/public';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const XSD = path.resolve('src/server/modules/finance/xsd/pain.001.001.03.xsd');
const IBAN = 'NL20INGB0001234567';

async function jpegWithGps() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#f5f0e0' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Zoë' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 21/1 4/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 52/1 3/1' } })
    .toBuffer();
}

describe(`finance on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let as: Record<'coach' | 'otherCoach' | 'coachee' | 'coordinator' | 'otherCoordinator' | 'leercoach' | 'onderzoeker' | 'beheerder' | 'finance', Client>;
  let ids: { institution: string; programme: string; coach: string; otherCoach: string };

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.setNow(new Date('2030-03-10T10:00:00Z'));
    const fx = await coachWithCommunity(t);
    const otherProgramme = await t.factories.programme(fx.institution.id);
    await fx.person(['studentcoach'], 'other-coach@test.example');
    await fx.person(['coordinator'], 'coordinator@test.example');
    await fx.person(['leercoach'], 'leercoach@test.example');
    await fx.person(['onderzoeker'], 'onderzoeker@test.example');
    await fx.person(['beheerder'], 'beheerder@test.example');
    await t.factories.person({ institutionId: fx.institution.id, programmeId: otherProgramme.id, roles: ['coordinator'], email: 'other-coordinator@test.example', password: FIXTURE_PASSWORD });
    await t.factories.person({ institutionId: fx.institution.id, programmeId: null, roles: ['finance'], email: 'finance@test.example', password: FIXTURE_PASSWORD, firstName: 'Femke' });
    const sign = (local: string) => signedIn(app, `${local}@test.example`, FIXTURE_PASSWORD);
    as = {
      coach: await sign('coach'),
      otherCoach: await sign('other-coach'),
      coachee: await sign('coachee'),
      coordinator: await sign('coordinator'),
      otherCoordinator: await sign('other-coordinator'),
      leercoach: await sign('leercoach'),
      onderzoeker: await sign('onderzoeker'),
      beheerder: await sign('beheerder'),
      finance: await sign('finance'),
    };
    const found: unknown = await t.database.db.execute(sql`select id from people where email = 'other-coach@test.example'`);
    const other = (found as { rows: { id: string }[] }).rows[0];
    ids = { institution: fx.institution.id, programme: fx.programme.id, coach: fx.coach.id, otherCoach: other!.id };
  });

  /** Moves the clock (past a session's 14 days) and signs the people who act again. */
  const moveTo = async (iso: string) => {
    t.setNow(new Date(iso));
    for (const who of ['coach', 'coordinator', 'finance'] as const) as[who] = await signedIn(app, `${who}@test.example`, FIXTURE_PASSWORD);
  };
  const receipts = async () => (await t.database.db.select({ n: count() }).from(expenseReceipts))[0]!.n;
  const claims = async () => (await t.database.db.select({ n: count() }).from(expenseClaims))[0]!.n;
  const upload = (client: Client, bytes: Buffer, type = 'application/octet-stream', lang = 'nl') =>
    client.request('PUT', '/api/me/payments/receipts', bytes, { 'content-type': type, 'accept-language': lang });
  const claim = async (client: Client, overrides: Record<string, unknown> = {}) => {
    const receipt = await upload(client, await jpegWithGps(), 'image/jpeg');
    expect(receipt.statusCode).toBe(201);
    return client.request('POST', '/api/me/payments/expense-claims', { spentOn: '2030-03-05', amountCents: 1845, category: 'groceries', description: 'Koffie en koek voor de bijeenkomst', receiptId: receipt.json().receiptId, ...overrides });
  };
  const approvedClaim = async (amountCents = 1845) => {
    const id = (await claim(as.coach, { amountCents })).json().id as string;
    expect((await as.coordinator.request('POST', `/api/expense-claims/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    return id;
  };
  const setUpPaying = async () => {
    expect((await as.finance.request('PUT', '/api/finance/payment-settings', { debtorName: 'Hogeschool Zuidas — Financiën', debtorIban: 'NL91 ABNA 0417 1643 00', debtorBic: 'ABNANL2A' })).statusCode).toBe(200);
    expect((await as.coach.request('PUT', '/api/me/payments/bank-account', { iban: IBAN, holderName: 'Zoë Łukasiewicz-Groß' })).statusCode).toBe(200);
  };

  describe('receipts', () => {
    it('refuses what is not a photo or PDF, too large, a lying type, or damaged — with a translated message, storing nothing', async () => {
      const cases: [Buffer, string, RegExp][] = [
        [Buffer.from('Dit is een tekstbestand, geen bon.'), 'image/jpeg', /geen foto of pdf/],
        [Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), 'application/pdf', /geen foto of pdf/],
        [Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'image/png', /geen foto of pdf/],
        [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024)]), 'image/jpeg', /te groot.*10 MB/],
        [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)]), 'image/jpeg', /kunnen we niet openen/],
      ];
      for (const [bytes, type, message] of cases) {
        const response = await upload(as.coach, bytes, type);
        expect(response.statusCode, message.source).toBe(400);
        expect(response.json().error.fields[0].message).toMatch(message);
      }
      expect((await upload(as.coach, Buffer.from('plain text'), 'image/jpeg', 'en')).json().error.fields[0].message).toMatch(/not a photo or PDF/);
      expect(await receipts()).toBe(0);
    });

    it('strips EXIF with the GPS position from a photo', async () => {
      const original = await jpegWithGps();
      const before = await sharp(original).metadata();
      expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer (little-endian)
      const response = await upload(as.coach, original, 'image/jpeg');
      expect(response.statusCode).toBe(201);
      const [stored] = await t.database.db.select().from(expenseReceipts).where(eq(expenseReceipts.id, response.json().receiptId));
      const after = await sharp(stored!.bytes).metadata();
      expect(after.format).toBe('jpeg');
      expect(after.exif).toBeUndefined();
      expect(stored!.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
      expect(stored!.bytes.includes(Buffer.from([0x25, 0x88]))).toBe(false);
    });

    it('shows a receipt to the coach, the coordinator and finance only, privately cached', async () => {
      const id = (await claim(as.coach)).json().id as string;
      for (const who of ['coach', 'coordinator', 'finance'] as const) {
        const response = await as[who].request('GET', `/api/expense-claims/${id}/receipt`);
        expect(response.statusCode, who).toBe(200);
        expect(response.headers['content-type']).toBe('image/jpeg');
        expect(response.headers['cache-control']).toBe('private, max-age=3600');
      }
      for (const who of ['otherCoach', 'coachee', 'otherCoordinator', 'leercoach', 'onderzoeker', 'beheerder'] as const) {
        expect((await as[who].request('GET', `/api/expense-claims/${id}/receipt`)).statusCode, who).toBe(404);
      }
    });
  });

  describe('claims', () => {
    it('refuses a negative, absurd or future claim with a message per field, storing nothing', async () => {
      for (const [overrides, field, message] of [
        [{ amountCents: -500 }, 'amountCents', /minstens € 0,01/],
        [{ amountCents: 250_000_00 }, 'amountCents', /hoogstens € 1000/],
        [{ spentOn: '2030-03-11' }, 'spentOn', /toekomst/],
      ] as const) {
        const response = await claim(as.coach, overrides);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fields).toEqual([{ path: field, message: expect.stringMatching(message) }]);
      }
      expect(await claims()).toBe(0);
    });

    it('lets one of two decisions at once win; the other gets 409 and changes nothing', async () => {
      const id = (await claim(as.coach)).json().id as string;
      const rejectWithoutReason = await as.coordinator.request('POST', `/api/expense-claims/${id}/decision`, { decision: 'reject' });
      expect(rejectWithoutReason.statusCode).toBe(400);
      expect(rejectWithoutReason.json().error.fields[0].message).toMatch(/waarom/);
      const [a, b] = await Promise.all([
        as.coordinator.request('POST', `/api/expense-claims/${id}/decision`, { decision: 'approve' }),
        as.coordinator.request('POST', `/api/expense-claims/${id}/decision`, { decision: 'reject', reason: 'Geen bon van een bijeenkomst' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? 'approved' : 'rejected';
      const [row] = await t.database.db.select().from(expenseClaims).where(eq(expenseClaims.id, id));
      expect(row!.status).toBe(winner);
      expect(row!.promisedPayDate).toBe(winner === 'approved' ? '2030-03-25' : null);
      expect((a.statusCode === 409 ? a : b).json().error.message).toMatch(/al beslist/);
    });

    it('lets only the programme coordinator decide', async () => {
      const id = (await claim(as.coach)).json().id as string;
      for (const who of ['coach', 'otherCoach', 'otherCoordinator', 'finance', 'beheerder', 'leercoach'] as const) {
        expect((await as[who].request('POST', `/api/expense-claims/${id}/decision`, { decision: 'approve' })).statusCode, who).toBe(404);
      }
    });
  });

  describe('IBANs', () => {
    it('refuses wrong check digits with a translated message and stores nothing', async () => {
      const response = await as.coach.request('PUT', '/api/me/payments/bank-account', { iban: 'NL20INGB0001234568', holderName: 'Zoë' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ path: 'iban', message: expect.stringMatching(/controlecijfers/) }]);
      expect((await t.database.db.select({ n: count() }).from(coachBankAccounts))[0]!.n).toBe(0);
    });

    it('stores the IBAN encrypted, shows it in full to the coach only, and to nobody without a coach role', async () => {
      await as.coach.request('PUT', '/api/me/payments/bank-account', { iban: 'nl20 ingb 0001 2345 67', holderName: 'Zoë' });
      const result: unknown = await t.database.db.execute(sql`select iban_encrypted, iban_masked from coach_bank_accounts`);
      const raw = (result as { rows: { iban_encrypted: Buffer | Uint8Array; iban_masked: string }[] }).rows[0];
      const bytes = Buffer.from(raw!.iban_encrypted);
      expect(bytes.includes(Buffer.from(IBAN))).toBe(false);
      expect(bytes.includes(Buffer.from('1234567'))).toBe(false);
      expect(raw!.iban_masked).toBe('NL•• •••• •••• ••45 67');
      expect((await as.coach.request('GET', '/api/me/payments')).json().bankAccount).toEqual({ iban: IBAN, ibanFormatted: 'NL20 INGB 0001 2345 67', holderName: 'Zoë' });
      for (const who of ['coachee', 'coordinator', 'leercoach', 'onderzoeker', 'beheerder', 'finance'] as const) {
        expect((await as[who].request('GET', '/api/me/payments')).statusCode, who).toBe(404);
      }
    });
  });

  describe('payouts', () => {
    it('needs the paying account first, and refuses a batch with nothing to pay', async () => {
      const missing = await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' });
      expect(missing.statusCode).toBe(409);
      expect(missing.json().error.message).toMatch(/rekening van de instelling/);
      await setUpPaying();
      const nothing = await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' });
      expect(nothing.statusCode).toBe(422);
      expect(nothing.json().error.message).toMatch(/niets te betalen/);
      expect((await t.database.db.select({ n: count() }).from(payoutBatches))[0]!.n).toBe(0);
    });

    it('creates a SEPA file that xmllint and the SEPA rules accept, with the control sum of the amounts; marks it paid once', async () => {
      await setUpPaying();
      const a = await approvedClaim(1845);
      const b = await approvedClaim(1260);
      await claim(as.coach, { amountCents: 999 }); // not approved: not paid
      const payables = (await as.finance.request('GET', '/api/finance/payables')).json();
      expect(payables.items.map((i: { id: string; iban: string }) => [i.id, i.iban]).sort()).toEqual([[a, IBAN], [b, IBAN]].sort());
      expect(payables.totalCents).toBe(3105);

      const created = await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ transfers: 2, controlSumCents: 3105, waitingForIban: 0 });
      const batchId = created.json().id as string;

      const xml = await as.finance.request('GET', `/api/finance/payout-batches/${batchId}/sepa.xml`);
      expect(xml.statusCode).toBe(200);
      expect(xml.headers['content-disposition']).toMatch(/^attachment; filename="PK20300312[0-9A-F]{12}\.xml"$/);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-sepa-')), 'payout.xml');
      fs.writeFileSync(file, xml.body);
      const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
      expect(lint.stderr.trim()).toBe(`${file} validates`);
      expect(lint.status).toBe(0);
      expect(checkSepaRules(xml.body)).toEqual({ problems: [], summary: { transfers: 2, controlSumCents: 3105 } });
      expect(xml.body).toContain('<CtrlSum>31.05</CtrlSum>');
      expect(xml.body).toContain('<Nm>Zoe Lukasiewicz-Gross</Nm>');
      expect(xml.body).toContain('<Nm>Hogeschool Zuidas - Financien</Nm>');

      const csv = await as.finance.request('GET', `/api/finance/payout-batches/${batchId}/payments.csv`);
      expect(csv.body.split('\r\n').filter((l) => l.includes(IBAN))).toHaveLength(2);

      // In a batch: not offered again.
      expect((await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' })).statusCode).toBe(422);
      expect((await as.coach.request('GET', '/api/me/payments')).json().payments.map((p: { status: string }) => p.status)).toEqual(['inBatch', 'inBatch']);

      expect((await as.finance.request('POST', `/api/finance/payout-batches/${batchId}/paid`, { paidOn: '2030-03-11' })).statusCode).toBe(400);
      expect((await as.finance.request('POST', `/api/finance/payout-batches/${batchId}/paid`, { paidOn: '2030-03-10' })).statusCode).toBe(200);
      expect((await as.finance.request('POST', `/api/finance/payout-batches/${batchId}/paid`, { paidOn: '2030-03-10' })).statusCode).toBe(409);
      const mine = (await as.coach.request('GET', '/api/me/payments')).json();
      expect(mine.payments).toEqual([expect.objectContaining({ status: 'paid', paidOn: '2030-03-10' }), expect.objectContaining({ status: 'paid', paidOn: '2030-03-10' })]);
      expect(mine.claims.filter((c: { paymentStatus: string }) => c.paymentStatus === 'paid')).toHaveLength(2);
    });

    it('pays an approved allowance statement as its own transfer next to a claim, never a salary or credits statement, and marks it paid', async () => {
      await setUpPaying();
      const claimId = await approvedClaim(1845);
      const statement = (values: Partial<typeof compensationStatements.$inferInsert>) =>
        t.database.db
          .insert(compensationStatements)
          .values({ institutionId: ids.institution, programmeId: ids.programme, coachPersonId: ids.coach, month: '2030-02', scheme: 'allowance', status: 'approved', totalCents: 1688, promisedPayDate: '2030-03-25', approvedAt: new Date('2030-03-03T10:00:00Z'), ...values })
          .returning({ id: compensationStatements.id })
          .then((rows) => rows[0]!.id);
      const statementId = await statement({});
      await statement({ month: '2030-01', scheme: 'salary', totalCents: 0 });
      await statement({ month: '2029-12', scheme: 'credits', totalCents: 0 });
      await statement({ month: '2029-11', status: 'confirmed', approvedAt: null });
      const payables = (await as.finance.request('GET', '/api/finance/payables')).json();
      expect(payables.items.map((i: { kind: string; id: string; amountCents: number }) => [i.kind, i.id, i.amountCents]).sort()).toEqual([['allowance', statementId, 1688], ['expense', claimId, 1845]].sort());
      const batch = await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' });
      expect(batch.json()).toMatchObject({ transfers: 2, controlSumCents: 3533 });
      const xml = (await as.finance.request('GET', `/api/finance/payout-batches/${batch.json().id}/sepa.xml`)).body;
      expect(xml).toContain('<Ustrd>Vrijwilligersvergoeding 2030-02</Ustrd>');
      expect(xml).toContain('<InstdAmt Ccy="EUR">16.88</InstdAmt>');
      expect(xml).toContain('<InstdAmt Ccy="EUR">18.45</InstdAmt>');
      expect((await as.coach.request('GET', '/api/me/payments')).json().payments.find((p: { kind: string }) => p.kind === 'allowance')).toMatchObject({ status: 'inBatch', label: '2030-02' });
      expect((await as.finance.request('POST', `/api/finance/payout-batches/${batch.json().id}/paid`, { paidOn: '2030-03-10' })).statusCode).toBe(200);
      const [row] = await t.database.db.select().from(compensationStatements).where(eq(compensationStatements.id, statementId));
      expect(row).toMatchObject({ paidOn: '2030-03-10', payoutId: batch.json().id });
      expect((await as.coach.request('GET', '/api/me/payments')).json().payments.map((p: { kind: string; status: string; paidOn: string }) => [p.kind, p.status, p.paidOn]).sort()).toEqual([['allowance', 'paid', '2030-03-10'], ['expense', 'paid', '2030-03-10']]);
      expect(await getPaidOnTime(t.services.db, { institutionId: ids.institution }, '2030-03-10')).toEqual({ months: [{ period: '2030-03', due: 2, onTime: 2, late: 0, share: 1 }], years: [{ period: '2030', due: 2, onTime: 2, late: 0, share: 1 }] });
    });

    it('lets one of two batches created at once take the items', async () => {
      await setUpPaying();
      await approvedClaim();
      const results = await Promise.all([0, 1].map(() => as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' })));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode !== 201).map((r) => r.statusCode)[0]).toBeOneOf([409, 422]);
      expect((await t.database.db.select({ n: count() }).from(payoutTransfers))[0]!.n).toBe(1);
    });

    it('leaves a coach without IBAN waiting, and says so', async () => {
      await setUpPaying();
      await approvedClaim();
      await as.coach.request('DELETE', '/api/me/payments/bank-account');
      const payables = (await as.finance.request('GET', '/api/finance/payables')).json();
      expect(payables).toMatchObject({ waitingForIban: 1, totalCents: 0 });
      expect((await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' })).statusCode).toBe(422);
    });

    it('exports the SEPA file from the CLI without marking anything', async () => {
      await setUpPaying();
      await approvedClaim(1845);
      await approvedClaim(700);
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pk-cli-')), 'export.xml');
      const lines: string[] = [];
      await payoutsExportWithServices(t.services, { out, date: '2030-03-12' }, (l) => lines.push(l));
      expect(lines).toEqual([`${out}: 2 transfers, control sum EUR 25.45, pain.001.001.03 valid (xmllint, SEPA rules); nothing marked paid`]);
      expect(spawnSync('xmllint', ['--noout', '--schema', XSD, out]).status).toBe(0);
      expect((await t.database.db.select({ n: count() }).from(payoutBatches))[0]!.n).toBe(0);
      expect((await as.finance.request('GET', '/api/finance/payables')).json().items).toHaveLength(2);
    });

    it('keeps payouts to institution finance, and the paying account to finance and the beheerder', async () => {
      for (const who of ['coach', 'coachee', 'coordinator', 'leercoach', 'onderzoeker', 'beheerder'] as const) {
        expect((await as[who].request('GET', '/api/finance/payables')).statusCode, who).toBe(404);
        expect((await as[who].request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' })).statusCode, who).toBe(404);
      }
      expect((await as.beheerder.request('GET', '/api/finance/payment-settings')).statusCode).toBe(200);
      expect((await as.coordinator.request('GET', '/api/finance/payment-settings')).statusCode).toBe(404);
      expect((await as.finance.request('PUT', '/api/finance/payment-settings', { debtorName: 'X', debtorIban: 'NL91ABNA0417164301' })).json().error.fields[0].path).toBe('debtorIban');
    });
  });

  describe('paid on time', () => {
    it('reminds the coordinator and finance exactly once, the day after the promised date passed', async () => {
      await setUpPaying();
      await approvedClaim(); // promised 2030-03-25
      await runDueJobs({ services: t.services, handlers: jobHandlers });
      for (const purge of retentionPurges) await purge(t.services);
      const overdueMails = async () => (await t.database.db.select().from(mailOutbox)).filter((m) => /te laat|overdue/.test(m.subject));
      t.setNow(new Date('2030-03-26T06:59:00Z'));
      await runDueJobs({ services: t.services, handlers: jobHandlers });
      expect(await overdueMails()).toHaveLength(0);
      t.setNow(new Date('2030-03-26T07:00:00Z'));
      await runDueJobs({ services: t.services, handlers: jobHandlers });
      const mails = await overdueMails();
      expect(mails.map((m) => m.recipient).sort()).toEqual(['coordinator@test.example', 'finance@test.example']);
      expect(mails[0]!.bodyText).not.toMatch(/Voornaam|Achternaam|18[.,]45|NL20/);
      // Retries, the hourly hook and the next days send nothing more. (The daily retention pass
      // may remove the first mails meanwhile: the outbox rows carry the database's real time.)
      const first = new Set(mails.map((m) => m.id));
      for (const day of ['2030-03-26T08:00:00Z', '2030-03-27T07:00:00Z', '2030-04-02T07:00:00Z']) {
        t.setNow(new Date(day));
        for (const purge of retentionPurges) await purge(t.services);
        await runDueJobs({ services: t.services, handlers: jobHandlers });
        expect((await overdueMails()).filter((m) => !first.has(m.id))).toEqual([]);
      }
      expect((await t.database.db.select({ n: count() }).from(payoutReminders))[0]!.n).toBe(1);
      await moveTo('2030-04-02T07:00:00Z');
      const home = await as.coordinator.request('GET', '/api/me/overdue-payments');
      expect(home.json()).toEqual({ overdue: 1, oldestPromisedPayDate: '2030-03-25', link: `/programmes/${ids.programme}/payments` });
      expect((await as.finance.request('GET', '/api/me/overdue-payments')).json()).toMatchObject({ overdue: 1, link: '/finance' });
      as.leercoach = await signedIn(app, 'leercoach@test.example', FIXTURE_PASSWORD);
      expect((await as.leercoach.request('GET', '/api/me/overdue-payments')).json()).toEqual({ overdue: 0, oldestPromisedPayDate: null, link: null });
    });

    it('equals a hand count, per month and year', async () => {
      await setUpPaying();
      // Approved 10 March → promised 25 March; paid on 20 March (on time).
      await approvedClaim(100);
      let batch = (await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-12' })).json().id as string;
      await moveTo('2030-03-20T10:00:00Z');
      await as.finance.request('POST', `/api/finance/payout-batches/${batch}/paid`, { paidOn: '2030-03-20' });
      // Approved 20 March → promised 25 April; paid 28 April (late).
      await approvedClaim(200);
      batch = (await as.finance.request('POST', '/api/finance/payout-batches', { executionDate: '2030-03-20' })).json().id as string;
      await moveTo('2030-04-28T10:00:00Z');
      await as.finance.request('POST', `/api/finance/payout-batches/${batch}/paid`, { paidOn: '2030-04-28' });
      // Approved 28 April → promised 25 May; on 1 June still unpaid (late).
      await approvedClaim(300);
      // Approved 1 June → promised 25 June; not due yet (does not count).
      await moveTo('2030-06-01T10:00:00Z');
      await approvedClaim(400);
      const expected = {
        months: [
          { period: '2030-03', due: 1, onTime: 1, late: 0, share: 1 },
          { period: '2030-04', due: 1, onTime: 0, late: 1, share: 0 },
          { period: '2030-05', due: 1, onTime: 0, late: 1, share: 0 },
        ],
        years: [{ period: '2030', due: 3, onTime: 1, late: 2, share: 1 / 3 }],
      };
      expect(await getPaidOnTime(t.services.db, { institutionId: ids.institution }, '2030-06-01')).toEqual(expected);
      const page = (await as.coordinator.request('GET', `/api/programmes/${ids.programme}/finance`)).json();
      expect(page.paidOnTime).toEqual(expected);
      expect(page.overdue.map((o: { amountCents: number }) => o.amountCents)).toEqual([300]);
      for (const who of ['coach', 'otherCoordinator', 'finance', 'leercoach', 'onderzoeker', 'beheerder', 'coachee'] as const) {
        const client = await signedIn(app, `${who.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}@test.example`, FIXTURE_PASSWORD);
        expect((await client.request('GET', `/api/programmes/${ids.programme}/finance`)).statusCode, who).toBe(404);
      }
    });
  });
});
