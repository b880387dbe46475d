/**
 * The opt-in sign-up's closing date, invitation and reminder (#21 item 1), through the real app:
 * signing up closes at the end of the closing day (Amsterdam) or when communities are formed; a
 * closing day outside the intake's year is a translated field error and nothing is stored. Setting
 * the intake to opt-in invites each student who has not answered exactly once (two job runners,
 * a second save), in their language, over SMTP to a real smtp-server on 127.0.0.1; one reminder
 * three days before the closing day goes only to those who did not answer; the one-tap link signs
 * up once, and a forged, reused or expired link is refused and changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings, type IntakeSettings } from '../../src/domain/programme/intake-settings';
import { intakes, jobs, mailOutbox, participationInvitations, participationSignUps } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { scheduleSignUpMail, SIGN_UP_REMINDER_JOB } from '../../src/server/modules/participation/public';
import { startMailbox, type Mailbox } from '../e2e/support/mailbox';
import { digest, hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
/** Friday 4 December 2026, 11:00 in Amsterdam. */
const NOW = new Date('2026-12-04T10:00:00Z');

describe(`the opt-in sign-up's closing date on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let intakeId = '';
  let students: string[] = [];
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    ({ t, app } = await createTestApp({ smtpUrl: mailbox.smtpUrl }));
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await mailbox.close();
  });
  beforeEach(async () => {
    await t.reset();
    const f = t.factories;
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id, { nameNl: 'Opleiding', nameEn: 'Programme' });
    const intake = await f.intake(prog.id);
    intakeId = intake.id;
    const klass = await f.class(intake.id, { code: 'SW1A' });
    await f.person({ institutionId: inst.id, roles: ['coordinator'], programmeId: prog.id, email: 'coord@p.test', passwordHash });
    students = [];
    for (let i = 0; i < 3; i++) {
      const s = await f.person({ institutionId: inst.id, roles: ['coachee'], programmeId: prog.id, email: `s${i}@p.test`, passwordHash, locale: i === 2 ? 'en' : 'nl' });
      await f.enrol(klass.id, s.id);
      students.push(s.id);
    }
    for (const [k, e] of Object.entries({ coordinator: 'coord@p.test', s0: 's0@p.test', s1: 's1@p.test', s2: 's2@p.test' })) as[k] = await signedIn(app, e, PASSWORD);
    t.setNow(NOW);
  });

  const settingsOf = async (): Promise<IntakeSettings> => {
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, intakeId));
    return readIntakeSettings(row!.settings, row!.month).settings;
  };
  const save = async (change: Partial<IntakeSettings>) => as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings: { ...(await settingsOf()), ...change } });

  it('stores the closing day and shows the coordinator the days left', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    expect((await settingsOf()).signUp).toEqual({ closesOn: '2026-12-18' });
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ mode: 'optIn', closesOn: '2026-12-18', open: true, daysLeft: 14 });
    expect((await as.s0!.request('GET', '/api/participation/sign-ups')).json().signUps).toEqual([expect.objectContaining({ intakeId, open: true, closesOn: '2026-12-18' })]);
  });

  it('refuses a closing day outside the intake year with a translated field error, and stores nothing', async () => {
    const before = await settingsOf();
    const res = await save({ participation: 'optIn', signUp: { closesOn: '2027-09-15' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'settings.signUp.closesOn', message: 'Deze dag valt buiten het studiejaar van deze instroom. Kies een dag in dat jaar.' }]);
    expect(await settingsOf()).toEqual(before);
    const en = await as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings: { ...before, participation: 'optIn', signUp: { closesOn: '2026-08-31' } } }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0].message).toBe("This day falls outside this intake's academic year. Choose a day in that year.");
  });

  it('is open through the whole closing day in Amsterdam and closed after it: 409, nothing stored', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    // 23:30 on the closing day in Amsterdam (22:30 UTC): still open.
    t.setNow(new Date('2026-12-18T22:30:00Z'));
    expect((await as.s0!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ daysLeft: 0, open: true });
    // 00:30 the next day in Amsterdam (still the 18th in UTC): closed.
    t.setNow(new Date('2026-12-18T23:30:00Z'));
    const late = await as.s1!.request('PUT', `/api/participation/sign-ups/${intakeId}`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Aanmelden of afmelden kan niet meer: de aanmelding is gesloten. Praat erover met de coördinator.');
    expect((await as.s0!.request('DELETE', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(409);
    expect((await t.services.db.select().from(participationSignUps)).map((r) => r.personId)).toEqual([students[0]]);
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ open: false, daysLeft: null, signedUp: 1 });
    expect((await as.s1!.request('GET', '/api/home')).json().signUps).toEqual({ open: 0, waiting: 0 });
  });

  it('a closing day already past closes signing up at once', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-01' } })).statusCode).toBe(200);
    expect((await as.s0!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(409);
    expect(await t.services.db.select().from(participationSignUps)).toHaveLength(0);
  });

  const run = () => runDueJobs({ services: t.services, handlers: jobHandlers });
  const invitations = () => t.services.db.select().from(mailOutbox).where(like(mailOutbox.subject, '%peer%'));
  const tokenOf = async (email: string, which: 'first' | 'last' = 'first') => {
    const rows = (await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const tokens = rows.map((m) => /\/doe-je-mee#([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1]).filter((x): x is string => Boolean(x));
    return which === 'first' ? tokens[0]! : tokens[tokens.length - 1]!;
  };

  it('invites each student who has not answered exactly once, in their language, and delivers over SMTP', async () => {
    expect(retentionPurges).toContain(scheduleSignUpMail);
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    // Before the job runs: s0 signs up in the app, s1 signs up and withdraws.
    expect((await as.s0!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    expect((await as.s1!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    expect((await as.s1!.request('DELETE', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    await Promise.all([run(), run()]);
    // A second save moving the closing day, the poller's hook and a retry of the job: no second mail.
    expect((await save({ signUp: { closesOn: '2026-12-19' } })).statusCode).toBe(200);
    await scheduleSignUpMail(t.services);
    await t.services.db.insert(jobs).values({ kind: 'participation.signUpInvitations', payload: { intakeId }, dueAt: NOW });
    await Promise.all([run(), run()]);
    const sent = await invitations();
    expect(sent.map((m) => [m.recipient, m.subject])).toEqual([['s2@p.test', 'Will you take part in peer coaching? (Programme)']]);
    const since = mailbox.count();
    await t.services.mailer.dispatch();
    await mailbox.find('s2@p.test', /peer coaching/, { since });
    const delivered = mailbox.all().slice(since);
    expect(delivered.map((m) => m.to)).toEqual([['s2@p.test']]);
    const text = delivered[0]!.text.replace(/\r\n/g, '\n');
    expect(text).toContain('because you are a student of Programme');
    expect(text).toContain('small group of 7 to 8 students');
    // The closing day moved after the invitation went out: the student was invited once, with the day of then.
    expect(text).toContain('You can sign up until and including Friday 18 December.');
    expect(text).toMatch(/\/doe-je-mee#[A-Za-z0-9_-]{43}/);
    // No person's id or name in the link or the mail.
    for (const id of students) expect(text).not.toContain(id);
    const rows = await t.services.db.select().from(participationInvitations);
    expect(rows.map((r) => [r.personId, r.answer, r.invitedAt !== null]).sort()).toEqual(
      [
        [students[0], 'yes', false],
        [students[1], 'no', false],
        [students[2], null, true],
      ].sort(),
    );
    // Only a digest of the token is stored.
    expect(rows.find((r) => r.personId === students[2])!.tokenHash).toBe(digest(await tokenOf('s2@p.test')));
  });

  it('the link signs up once, signed out; reading it changes nothing; a reused or forged link is refused', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    await run();
    const token = await tokenOf('s1@p.test');
    const visitor = await anonymous(app);
    const read = await visitor.request('POST', '/api/sign-up-link', { token });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ programmeName: 'Opleiding', academicYear: '2026-2027', month: 'september', communitySize: { min: 7, max: 8 }, sessionsPerMonth: 2, closesOn: '2026-12-18', open: true, answer: null, signedUp: false });
    expect(await t.services.db.select().from(participationSignUps)).toHaveLength(0);
    const [a, b] = await Promise.all([visitor.request('POST', '/api/sign-up-link/answer', { token, answer: 'yes' }), (await anonymous(app)).request('POST', '/api/sign-up-link/answer', { token, answer: 'no' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'yes' : 'no';
    const signed = await t.services.db.select().from(participationSignUps);
    expect(signed.map((r) => r.personId)).toEqual(winner === 'yes' ? [students[1]] : []);
    const again = await visitor.request('POST', '/api/sign-up-link/answer', { token, answer: 'yes' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Deze aanmeldlink is al gebruikt. Een link werkt één keer. In de app zie je bij Meedoen of je meedoet, en daar kun je het nog veranderen.');
    expect((await t.services.db.select().from(participationSignUps)).map((r) => r.personId)).toEqual(signed.map((r) => r.personId));
    const forged = await visitor.request('POST', '/api/sign-up-link/answer', { token: 'x'.repeat(43), answer: 'yes' });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.message).toBe('Deze aanmeldlink klopt niet. Kopieer de hele link uit de e-mail, of meld je aan in de app bij Meedoen.');
    expect((await visitor.request('POST', '/api/sign-up-link', { token: 'y'.repeat(43) })).statusCode).toBe(404);
    // The student sees it in the app.
    expect((await as.s1!.request('GET', '/api/participation/sign-ups')).json().signUps[0].signedUp).toBe(winner === 'yes');
  });

  it('an expired link (signing up closed) is refused and changes nothing', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    await run();
    const token = await tokenOf('s0@p.test');
    t.setNow(new Date('2026-12-19T08:00:00Z'));
    const visitor = await anonymous(app);
    expect((await visitor.request('POST', '/api/sign-up-link', { token })).json()).toMatchObject({ open: false, answer: null });
    const late = await visitor.request('POST', '/api/sign-up-link/answer', { token, answer: 'yes' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('sign_up_closed');
    expect(await t.services.db.select().from(participationSignUps)).toHaveLength(0);
    expect((await t.services.db.select().from(participationInvitations)).every((r) => r.answer === null)).toBe(true);
    // Nor are invitations sent once signing up has closed.
    expect((await save({ signUp: { closesOn: '2026-12-18' }, participation: 'optIn' })).statusCode).toBe(200);
  });

  it('reminds once, three days before the closing day, only those who did not answer; both links work', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    await run();
    // s0 answers by the link, s1 signs up in the app; s2 does nothing.
    expect((await (await anonymous(app)).request('POST', '/api/sign-up-link/answer', { token: await tokenOf('s0@p.test'), answer: 'no' })).statusCode).toBe(200);
    expect((await as.s1!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    const reminderJobs = () => t.services.db.select().from(jobs).where(eq(jobs.kind, SIGN_UP_REMINDER_JOB));
    expect((await reminderJobs()).map((j) => [j.dueAt.toISOString(), j.payload])).toEqual([['2026-12-15T08:00:00.000Z', { intakeId, closesOn: '2026-12-18' }]]);
    // The day before: nothing yet.
    t.setNow(new Date('2026-12-14T12:00:00Z'));
    await scheduleSignUpMail(t.services);
    await run();
    const reminders = () => t.services.db.select().from(mailOutbox).where(like(mailOutbox.subject, 'Reminder%'));
    const herinneringen = () => t.services.db.select().from(mailOutbox).where(like(mailOutbox.subject, 'Herinnering%'));
    expect([...(await reminders()), ...(await herinneringen())]).toHaveLength(0);
    t.setNow(new Date('2026-12-15T08:30:00Z'));
    await Promise.all([run(), run()]);
    await t.services.db.insert(jobs).values({ kind: SIGN_UP_REMINDER_JOB, payload: { intakeId, closesOn: '2026-12-18' }, dueAt: new Date('2026-12-15T08:00:00Z') });
    await Promise.all([run(), run()]);
    expect((await reminders()).map((m) => m.recipient)).toEqual(['s2@p.test']);
    expect(await herinneringen()).toHaveLength(0);
    expect((await reminders())[0]!.bodyText).toContain('This is the only reminder.');
    // The first mail's link still works after the reminder; then the reminder's is used too.
    const first = await tokenOf('s2@p.test', 'first');
    const second = await tokenOf('s2@p.test', 'last');
    expect(first).not.toBe(second);
    expect((await (await anonymous(app)).request('POST', '/api/sign-up-link/answer', { token: first, answer: 'yes' })).statusCode).toBe(200);
    expect((await (await anonymous(app)).request('POST', '/api/sign-up-link/answer', { token: second, answer: 'yes' })).statusCode).toBe(409);
    expect((await t.services.db.select().from(participationSignUps)).map((r) => r.personId).sort()).toEqual([students[1], students[2]].sort());
  });

  it('sends no reminder without a closing day', async () => {
    expect((await save({ participation: 'optIn' })).statusCode).toBe(200);
    await run();
    expect(await t.services.db.select().from(jobs).where(eq(jobs.kind, SIGN_UP_REMINDER_JOB))).toHaveLength(0);
    t.setNow(new Date('2027-03-01T09:00:00Z'));
    await scheduleSignUpMail(t.services);
    expect(await t.services.db.select().from(jobs).where(eq(jobs.kind, SIGN_UP_REMINDER_JOB))).toHaveLength(0);
    expect((await invitations()).length).toBe(3);
  });
});
