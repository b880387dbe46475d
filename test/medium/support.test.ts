/**
 * Help directory, referrals with their follow-up, and signals to the programme, through HTTP:
 * who may do what, anonymity, incidents only for the people handling them, contentless e-mail.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, jobs, mailOutbox } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { testDbKind, type TestDb } from '../support/test-db';
import { supportFixture, type SupportFixture } from './support-fixture';

const today = () => new Date().toISOString().slice(0, 10);

const newResource = {
  kind: 'inside',
  category: 'money',
  name: { nl: 'Financieel spreekuur', en: 'Money advice hour' },
  whenToGo: { nl: 'Als je geldzorgen hebt.', en: 'When you worry about money.' },
  howToReach: { nl: 'Elke dinsdag in de mediatheek.', en: 'Every Tuesday in the library.' },
  url: 'https://geld.example',
  phone: '',
  email: null,
};

describe(`support on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: SupportFixture;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  describe('help directory', () => {
    beforeEach(async () => {
      await t.reset();
      fx = await supportFixture(t, app, ['coachee', 'coordinator', 'leercoach', 'coach', 'beheerder']);
    });

    it('is seeded from content and visible to everyone signed in', async () => {
      for (const who of ['coachee', 'leercoach', 'coach'] as const) {
        const help = (await fx.as[who].request('GET', '/api/help')).json();
        expect(help.resources).toHaveLength(t.services.content.helpDirectory.entries.length);
        expect(help.canManage).toBe(false);
      }
      expect((await app.inject({ method: 'GET', url: '/api/help' })).statusCode).toBe(401);
    });

    it('lets the beheerder add, edit and archive institution-wide entries in both languages (a coordinator: their programme’s, see programme-content.test.ts)', async () => {
      const created = await fx.as.beheerder.request('POST', '/api/help', newResource);
      expect(created.statusCode).toBe(201);
      const entry = created.json();
      expect(entry).toMatchObject({ name: newResource.name, url: 'https://geld.example', phone: null, archived: false, version: 1 });
      const edited = await fx.as.beheerder.request('PUT', `/api/help/${entry.id}`, { ...newResource, name: { nl: 'Geldspreekuur', en: 'Money hour' }, version: 1 });
      expect(edited.json()).toMatchObject({ name: { nl: 'Geldspreekuur' }, version: 2 });
      const stale = await fx.as.beheerder.request('PUT', `/api/help/${entry.id}`, { ...newResource, version: 1 });
      expect(stale.statusCode).toBe(409);
      expect((await fx.as.beheerder.request('PUT', `/api/help/${entry.id}/archived`, { archived: true })).json().archived).toBe(true);
      const asCoachee = (await fx.as.coachee.request('GET', '/api/help')).json();
      expect(asCoachee.resources.map((r: { id: string }) => r.id)).not.toContain(entry.id);
      const asBeheerder = (await fx.as.beheerder.request('GET', '/api/help')).json();
      expect(asBeheerder.resources.find((r: { id: string }) => r.id === entry.id).archived).toBe(true);
    });

    it('refuses edits by anyone else, and bad input with field messages', async () => {
      expect((await fx.as.coachee.request('POST', '/api/help', newResource)).statusCode).toBe(404);
      expect((await fx.as.coach.request('POST', '/api/help', newResource)).statusCode).toBe(404);
      expect((await fx.as.coordinator.request('POST', '/api/help', newResource)).statusCode).toBe(404);
      const bad = await fx.as.coordinator.request('POST', '/api/help', { ...newResource, programmeId: fx.programme.id, name: { nl: 'Alleen Nederlands' }, url: 'javascript:alert(1)' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['name.en', 'url']));
    });
  });

  describe('referrals', () => {
    let resourceId: string;
    beforeEach(async () => {
      await t.reset();
      fx = await supportFixture(t, app, ['coach', 'otherCoach', 'coachee', 'otherCoachee', 'senior', 'coordinator', 'leercoach']);
      await t.factories.consent({ institutionId: fx.institution.id, personId: fx.people.coachee.id, consentId: 'coaching-data', consents: t.services.content.consents });
      resourceId = (await fx.as.coach.request('GET', '/api/help')).json().resources.find((r: { name: { nl: string } }) => /psycholoog/i.test(r.name.nl)).id;
    });

    const refer = (who: 'coach' | 'otherCoach' | 'coordinator' = 'coach', body: Record<string, unknown> = {}) =>
      fx.as[who].request('POST', '/api/referrals', { coacheeId: fx.people.coachee.id, resourceId, referredOn: today(), coacheeAgreed: true, ...body });

    it("records the fact, with the coachee's agreement, and shows it to the coachee", async () => {
      const response = await refer();
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ coachee: { id: fx.people.coachee.id }, coach: { firstName: 'Coach' }, followUpOutcome: null });
      const mine = (await fx.as.coachee.request('GET', '/api/me/referrals')).json().referrals;
      expect(mine).toHaveLength(1);
      expect(mine[0].resource.name.nl).toMatch(/psycholoog/i);
      expect((await fx.as.otherCoachee.request('GET', '/api/me/referrals')).json().referrals).toEqual([]);
    });

    it('refuses without agreement, for a coachee who is not theirs, or with a bad date', async () => {
      expect((await refer('coach', { coacheeAgreed: false })).statusCode).toBe(400);
      expect((await refer('otherCoach')).statusCode).toBe(404);
      expect((await refer('coordinator')).statusCode).toBe(404);
      expect((await refer('coach', { referredOn: '2099-01-01' })).statusCode).toBe(400);
    });

    it('shows a coachee’s referrals to their coach only: not the senior coach, the coordinator or the leercoach', async () => {
      await refer();
      const url = `/api/coachees/${fx.people.coachee.id}/referrals`;
      expect((await fx.as.coach.request('GET', url)).statusCode).toBe(200);
      for (const who of ['otherCoach', 'senior', 'coordinator', 'leercoach', 'otherCoachee'] as const) {
        expect((await fx.as[who].request('GET', url)).statusCode, who).toBe(404);
        expect((await fx.as[who].request('GET', '/api/referrals')).json().referrals, who).toEqual([]);
      }
    });

    it('asks the coach a few weeks later whether it helped, by a durable job, without coaching content', async () => {
      const referral = (await refer()).json();
      const [job] = await t.services.db.select().from(jobs);
      expect(job).toMatchObject({ kind: 'referral.follow-up', status: 'pending', payload: { referralId: referral.id } });
      expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 0, failed: 0 });

      t.setNow(new Date(Date.parse(referral.followUpDueAt) + 60_000));
      expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 1, failed: 0 });
      const mails = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, fx.people.coach.email));
      expect(mails).toHaveLength(1);
      const text = `${mails[0]!.subject} ${mails[0]!.bodyText}`;
      expect(text).toContain('/support/referrals');
      for (const secret of ['Coachee', 'TestCoachee', 'psycholoog', 'Psycholoog']) expect(text).not.toContain(secret);
      // Done once: running again sends nothing.
      expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 0, failed: 0 });

      t.setNow(new Date()); // back to today: the coach's session would have expired three weeks on
      const answered = await fx.as.coach.request('PUT', `/api/referrals/${referral.id}/follow-up`, { outcome: 'helped' });
      expect(answered.json()).toMatchObject({ followUpOutcome: 'helped' });
      expect((await fx.as.coachee.request('PUT', `/api/referrals/${referral.id}/follow-up`, { outcome: 'helped' })).statusCode).toBe(404);
    });

    it('sends no follow-up when answered early or when the coachee withdrew consent', async () => {
      const early = (await refer()).json();
      await fx.as.coach.request('PUT', `/api/referrals/${early.id}/follow-up`, { outcome: 'partly' });
      const late = (await refer()).json();
      await t.factories.consent({ institutionId: fx.institution.id, personId: fx.people.coachee.id, consentId: 'coaching-data', event: 'withdraw', consents: t.services.content.consents, at: new Date(Date.now() + 1000) });
      t.setNow(new Date(Date.parse(late.followUpDueAt) + 60_000));
      await runDueJobs({ services: t.services, handlers: jobHandlers });
      expect(await t.services.db.select().from(mailOutbox)).toEqual([]);
    });
  });

  describe('signals', () => {
    beforeEach(async () => {
      await t.reset();
      fx = await supportFixture(t, app, ['coach', 'otherCoach', 'senior', 'coordinator', 'coordinator2', 'otherCoordinator', 'leercoach', 'onderzoeker', 'beheerder', 'coachee']);
    });

    const raise = (body: Record<string, unknown> = {}) =>
      fx.as.coach.request('POST', '/api/signals', {
        programmeId: fx.programme.id,
        kind: 'incident',
        anonymous: true,
        title: 'Opmerking over afkomst tijdens de les',
        body: 'Een docent maakte in de les een kwetsende opmerking over de afkomst van een student.',
        ...body,
      });

    it('hides who raised an anonymised signal from the coordinator, and tells the coordinators by a contentless e-mail', async () => {
      const raised = await raise();
      expect(raised.statusCode).toBe(201);
      expect(raised.json()).toMatchObject({ status: 'open', mine: true, raisedBy: { firstName: 'Coach' } });
      const inbox = (await fx.as.coordinator.request('GET', '/api/signals')).json().inbox;
      expect(inbox).toHaveLength(1);
      expect(inbox[0].raisedBy).toBeNull();
      const detail = await fx.as.coordinator.request('GET', `/api/signals/${raised.json().id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.body).not.toContain('TestCoach');
      expect(detail.body).not.toContain(fx.people.coach.id);
      const mails = await t.services.db.select().from(mailOutbox);
      expect(mails.map((m) => m.recipient).sort()).toEqual([fx.people.coordinator.email, fx.people.coordinator2.email].sort());
      for (const m of mails) expect(`${m.subject}${m.bodyText}`).not.toMatch(/afkomst|docent/);
    });

    it('names the raiser of a signal that is not anonymised', async () => {
      const raised = (await raise({ anonymous: false, kind: 'theme' })).json();
      expect((await fx.as.coordinator.request('GET', `/api/signals/${raised.id}`)).json().raisedBy).toEqual({ firstName: 'Coach', lastName: 'TestCoach' });
    });

    it('shows a signal to the raiser and the programme’s coordinators only', async () => {
      const raised = (await raise({ kind: 'need' })).json();
      for (const who of ['otherCoach', 'senior', 'otherCoordinator', 'leercoach', 'onderzoeker', 'beheerder', 'coachee'] as const) {
        expect((await fx.as[who].request('GET', `/api/signals/${raised.id}`)).statusCode, who).toBe(404);
        const overview = (await fx.as[who].request('GET', '/api/signals')).json();
        expect(overview.inbox, who).toEqual([]);
        expect(overview.raised, who).toEqual([]);
      }
      expect((await fx.as.coordinator2.request('GET', `/api/signals/${raised.id}`)).statusCode).toBe(200);
    });

    it('keeps an incident for the coordinator who took it on, passes it on and closes the loop with the coach', async () => {
      const raised = (await raise()).json();
      expect((await fx.as.coordinator2.request('GET', `/api/signals/${raised.id}`)).statusCode).toBe(200);
      const taken = await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, { status: 'in_progress', note: 'Ik pak dit op.', version: 1 });
      expect(taken.statusCode).toBe(200);
      expect(taken.json()).toMatchObject({ status: 'in_progress', handler: { firstName: 'Coordinator' } });
      expect((await fx.as.coordinator2.request('GET', `/api/signals/${raised.id}`)).statusCode).toBe(404);
      expect((await fx.as.coordinator2.request('GET', '/api/signals')).json().inbox).toEqual([]);

      const noContact = await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, { status: 'forwarded', note: '', version: 2 });
      expect(noContact.statusCode).toBe(400);
      const contacts = await fx.as.coordinator.request('POST', `/api/programmes/${fx.programme.id}/signal-contacts`, { label: 'Opleidingsmanagement', email: 'om@example.test' });
      const contactId = contacts.json().contacts[0].id;
      await t.services.db.delete(mailOutbox);
      const forwarded = await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, {
        status: 'forwarded',
        note: 'Doorgegeven aan het opleidingsmanagement.',
        contactId,
        version: 2,
      });
      expect(forwarded.statusCode).toBe(200);
      const mails = await t.services.db.select().from(mailOutbox);
      expect(mails.map((m) => m.recipient).sort()).toEqual(['om@example.test', fx.people.coach.email].sort());
      for (const m of mails) expect(`${m.subject}${m.bodyText}`).not.toMatch(/afkomst|docent|Doorgegeven aan/);
      expect(mails.every((m) => m.bodyText.includes(raised.reference) || m.subject.includes(raised.reference))).toBe(true);

      const stale = await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, { status: 'closed', note: '', version: 2 });
      expect(stale.statusCode).toBe(409);
      await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, { status: 'closed', note: 'De opleiding spreekt de docent aan.', version: 3 });

      const asCoach = (await fx.as.coach.request('GET', `/api/signals/${raised.id}`)).json();
      expect(asCoach.status).toBe('closed');
      expect(asCoach.updates.map((u: { status: string }) => u.status)).toEqual(['open', 'in_progress', 'forwarded', 'closed']);
      expect(asCoach.updates[2]).toMatchObject({ contact: 'Opleidingsmanagement', note: 'Doorgegeven aan het opleidingsmanagement.' });
      expect(asCoach.canHandle).toBe(false);
      expect((await fx.as.coach.request('POST', `/api/signals/${raised.id}/updates`, { status: 'in_progress', note: '', version: 4 })).statusCode).toBe(404);
      const invalid = await fx.as.coordinator.request('POST', `/api/signals/${raised.id}/updates`, { status: 'forwarded', note: '', contactId, version: 4 });
      expect(invalid.statusCode).toBe(409);
    });

    it('records every read by someone other than the raiser', async () => {
      const raised = (await raise({ kind: 'theme', anonymous: false })).json();
      await fx.as.coach.request('GET', `/api/signals/${raised.id}`);
      await fx.as.coordinator.request('GET', `/api/signals/${raised.id}`);
      const reads = await t.services.db.select().from(auditLog).where(eq(auditLog.resourceType, 'signal'));
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({ actorId: fx.people.coordinator.id, subjectId: fx.people.coach.id, resourceId: raised.id });
    });

    it('lets only a coach raise a signal, in their own programme', async () => {
      expect((await raise({ programmeId: fx.otherProgramme.id })).statusCode).toBe(404);
      for (const who of ['coordinator', 'leercoach', 'coachee'] as const) {
        const response = await fx.as[who].request('POST', '/api/signals', { programmeId: fx.programme.id, kind: 'need', anonymous: false, title: 'x', body: 'y' });
        expect(response.statusCode, who).toBe(404);
      }
      expect((await raise({ title: '' })).statusCode).toBe(400);
    });

    it('lets the programme’s coordinators keep the contacts, nobody else', async () => {
      const url = `/api/programmes/${fx.programme.id}/signal-contacts`;
      expect((await fx.as.coordinator.request('POST', url, { label: 'OM', email: 'om@example.test' })).statusCode).toBe(200);
      const list = (await fx.as.coordinator2.request('GET', url)).json().contacts;
      expect(list).toHaveLength(1);
      for (const who of ['otherCoordinator', 'coach', 'beheerder', 'leercoach'] as const) expect((await fx.as[who].request('GET', url)).statusCode, who).toBe(404);
      expect((await fx.as.coordinator.request('DELETE', `${url}/${list[0].id}`)).json().contacts).toEqual([]);
      expect((await fx.as.coordinator.request('POST', url, { label: 'OM', email: 'geen adres' })).statusCode).toBe(400);
    });
  });
});
