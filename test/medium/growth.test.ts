/**
 * Coaches' growth and input (#21 item 6), through the real app: a leercoach or coordinator
 * nominates a student (the student gets a card in the app and a mail with a one-tap link at a
 * real smtp-server, the note stays out of the mail), the link prefills the application, which the
 * coordinator sees came from a nomination; declining closes it; outsiders get the uniform 404,
 * doubles 409, coaches a translated refusal. Coaches who attended a training give feedback once,
 * after it ended; the coordinator sees it per training without names, the average hidden below 5.
 * The handbook is for coaches and coordinators.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HandbookResponse, MyNominationsResponse, MyTrainingsResponse, NominationCandidatesResponse, NominationLinkResponse, ProgrammeNominationsResponse, ProgrammeTrainingFeedbackResponse } from '../../src/contracts/growth';
import type { CoachesResponse } from '../../src/contracts/programme';
import { coachApplications, coachNominations, mailOutbox, trainingFeedback } from '../../src/server/db/schema';
import type { Mailbox } from '../e2e/support/mailbox';
import { createTestAppWithMailbox } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const NOTE = 'Canary-nomination-note: je helpt anderen zo goed in de les';
const TEXT = 'Canary-training-text: de oefening met rollenspel was sterk';

describe(`coaches' growth and input on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let mailbox: Mailbox;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let student: { id: string };
  let otherStudent: { id: string };
  let leercoach: Client;
  let coordinator: Client;
  let studentClient: Client;
  let coach: Client;

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, app, mailbox, close } = await createTestAppWithMailbox());
  });
  afterAll(() => close());
  beforeEach(async () => {
    await t.reset();
    fx = await coachWithCommunity(t);
    const lc = await fx.person(['leercoach'], 'leercoach@test.example');
    await fx.person(['coordinator'], 'coordinator@test.example');
    await fx.person(['leercoach'], 'otherleercoach@test.example');
    student = await t.factories.person({ institutionId: fx.institution.id, roles: ['coachee'], programmeId: fx.programme.id, email: 'student@test.example', firstName: 'Sanne', lastName: 'Student', password: FIXTURE_PASSWORD, locale: 'en' });
    otherStudent = await fx.person(['coachee'], 'other-student@test.example');
    const klass = await t.factories.class(fx.intake.id, { leercoachId: lc.id, code: 'K1A' });
    const otherClass = await t.factories.class(fx.intake.id, { code: 'K1B' });
    await t.factories.enrol(klass.id, student.id);
    await t.factories.enrol(otherClass.id, otherStudent.id);
    await t.factories.enrol(klass.id, fx.coach.id);
    leercoach = await signedIn(app, 'leercoach@test.example', FIXTURE_PASSWORD);
    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    studentClient = await signedIn(app, 'student@test.example', FIXTURE_PASSWORD);
    coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
  });

  const nominate = (client: Client, personId: string, note = NOTE) => client.request('POST', `/api/students/${personId}/nominations`, { note });

  describe('nominating a future coach', () => {
    it('a leercoach nominates a student of their class: a card in the app, a mail in their language with a one-tap link and no note', async () => {
      const candidates = (await leercoach.request('GET', '/api/nominations/candidates')).json<NominationCandidatesResponse>();
      // Their class only: the student and the coach (shown as already a coach), not the other class.
      expect(candidates.students.map((s) => [s.id, s.isCoach]).sort()).toEqual([[student.id, false], [fx.coach.id, true]].sort());

      const since = mailbox.count();
      const response = await nominate(leercoach, student.id);
      expect(response.statusCode, response.body).toBe(201);

      const mine = (await studentClient.request('GET', '/api/me/nominations')).json<MyNominationsResponse>();
      expect(mine.nominations).toHaveLength(1);
      expect(mine.nominations[0]).toMatchObject({ nominatorRole: 'leercoach', note: NOTE, status: 'open', programmeId: fx.programme.id });

      await t.services.mailer.dispatch();
      const token = await mailbox.find('student@test.example', /\/apply#nomination=([A-Za-z0-9_-]+)/, { since });
      const [delivered] = mailbox.all().filter((m) => m.to.includes('student@test.example'));
      expect(delivered!.text).toContain('Hi Sanne,');
      expect(delivered!.text).toContain('your learning coach');
      expect(delivered!.text).not.toContain('Canary');
      expect(delivered!.text).not.toContain(student.id);
      // The outbox keeps the link's token hidden from anyone who reads it there.
      const [stored] = await t.services.db.select().from(coachNominations);
      expect(stored!.tokenHash).not.toBe(token);

      // The link opens the prefilled form, for anyone who holds it.
      const visitor = await anonymous(app);
      const link = await visitor.request('POST', '/api/nomination-link', { token });
      expect(link.statusCode).toBe(200);
      expect(link.json<NominationLinkResponse>()).toMatchObject({ programmeId: fx.programme.id, nominatorRole: 'leercoach', status: 'open', firstName: 'Sanne', lastName: 'Student', email: 'student@test.example' });
      expect(link.body).not.toContain('Canary');

      // The application from the link: the coordinator sees it came from the leercoach's nomination.
      const apply = await visitor.request('POST', `/api/public/programmes/${fx.programme.id}/coach-applications`, {
        firstName: 'Sanne', lastName: 'Student', email: 'student@test.example', studyYear: 2, motivation: 'Ik wil graag helpen.', availability: 'dinsdag', languages: ['nl', 'en'], roleModelConsent: false, roleModelText: null, nominationToken: token,
      });
      expect(apply.statusCode, apply.body).toBe(201);
      const coaches = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/coaches`)).json<CoachesResponse>();
      const application = coaches.applications.find((a) => a.email === 'student@test.example');
      expect(application?.nomination).toMatchObject({ nominatorRole: 'leercoach' });
      expect(application?.nomination?.nominatorName).toMatch(/\S+ \S+/);
      expect((await studentClient.request('GET', '/api/me/nominations')).json<MyNominationsResponse>().nominations[0]!.status).toBe('applied');

      // A second application through the same link: 409, nothing stored.
      const again = await visitor.request('POST', `/api/public/programmes/${fx.programme.id}/coach-applications`, {
        firstName: 'Sanne', lastName: 'Student', email: 'student@test.example', studyYear: 2, motivation: 'Nog een keer.', availability: 'dinsdag', languages: ['nl'], roleModelConsent: false, roleModelText: null, nominationToken: token,
      });
      expect(again.statusCode).toBe(409);
      expect(await t.services.db.select().from(coachApplications)).toHaveLength(1);
    });

    it('the coordinator nominates any student of their programme and reads the programme’s nominations with the note', async () => {
      expect((await nominate(coordinator, otherStudent.id)).statusCode).toBe(201);
      const list = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/nominations`)).json<ProgrammeNominationsResponse>();
      expect(list.nominations).toHaveLength(1);
      expect(list.nominations[0]).toMatchObject({ nominatorRole: 'coordinator', note: NOTE, status: 'open', student: { id: otherStudent.id } });
      const mail = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'other-student@test.example'));
      expect(mail[0]?.subject).toBe('Je bent voorgedragen als studentcoach');
      expect(mail[0]?.bodyText).toContain('de coördinator van je opleiding');
    });

    it('outside one’s class or programme: the uniform 404; twice: 409; an existing coach: a translated refusal — nothing stored', async () => {
      const outside = await nominate(leercoach, otherStudent.id);
      expect(outside.statusCode).toBe(404);
      const other = await signedIn(app, 'otherleercoach@test.example', FIXTURE_PASSWORD);
      expect((await nominate(other, student.id)).statusCode).toBe(404);
      expect((await nominate(coach, student.id)).statusCode).toBe(404);
      expect((await nominate(studentClient, otherStudent.id)).statusCode).toBe(404);
      expect((await leercoach.request('POST', `/api/students/${crypto.randomUUID()}/nominations`, { note: '' })).statusCode).toBe(404);
      expect(outside.json<{ error: unknown }>().error).toEqual((await leercoach.request('POST', `/api/students/${crypto.randomUUID()}/nominations`, { note: '' })).json<{ error: unknown }>().error);
      expect(await t.services.db.select().from(coachNominations)).toHaveLength(0);

      const isCoach = await nominate(leercoach, fx.coach.id);
      expect(isCoach.statusCode).toBe(409);
      expect(isCoach.json<{ error: { message: string } }>().error.message).toBe('Deze student is al studentcoach. Je hoeft hem of haar niet voor te dragen.');

      const tooLong = await nominate(leercoach, student.id, 'x'.repeat(501));
      expect(tooLong.statusCode).toBe(400);
      expect(await t.services.db.select().from(coachNominations)).toHaveLength(0);

      const [first, second] = await Promise.all([nominate(leercoach, student.id), nominate(coordinator, student.id)]);
      expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
      const twice = await nominate(leercoach, student.id);
      expect(twice.statusCode).toBe(409);
      expect(twice.json<{ error: { message: string } }>().error.message).toContain('al voorgedragen');
      expect(await t.services.db.select().from(coachNominations)).toHaveLength(1);
      expect((await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'student@test.example')))).toHaveLength(1);
    });

    it('a student declines (in the app or by the link): closed, no further nomination or mail', async () => {
      await nominate(leercoach, student.id);
      const [n] = (await studentClient.request('GET', '/api/me/nominations')).json<MyNominationsResponse>().nominations;
      // Someone else cannot decline it.
      expect((await coach.request('POST', `/api/me/nominations/${n!.id}/decline`, {})).statusCode).toBe(404);
      expect((await studentClient.request('POST', `/api/me/nominations/${n!.id}/decline`, {})).statusCode).toBe(200);
      expect((await studentClient.request('POST', `/api/me/nominations/${n!.id}/decline`, {})).statusCode).toBe(409);
      expect((await studentClient.request('GET', '/api/me/nominations')).json<MyNominationsResponse>().nominations[0]!.status).toBe('declined');
      expect((await nominate(coordinator, student.id)).statusCode).toBe(409);
      expect(await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'student@test.example'))).toHaveLength(1);

      await nominate(coordinator, otherStudent.id);
      await t.services.mailer.dispatch();
      const token = await mailbox.find('other-student@test.example', /\/apply#nomination=([A-Za-z0-9_-]+)/);
      const visitor = await anonymous(app);
      expect((await visitor.request('POST', '/api/nomination-link/decline', { token })).statusCode).toBe(200);
      expect((await visitor.request('POST', '/api/nomination-link/decline', { token })).statusCode).toBe(409);
      expect((await visitor.request('POST', '/api/nomination-link', { token })).json<NominationLinkResponse>().status).toBe('declined');
      expect((await visitor.request('POST', '/api/nomination-link', { token: 'x'.repeat(43) })).statusCode).toBe(400);
    });
  });

  describe('feedback after a training', () => {
    const START = new Date('2026-11-10T16:00:00Z');
    const END = new Date('2026-11-10T18:00:00Z');
    let trainingId: string;
    let coaches: Client[];

    beforeEach(async () => {
      const training = await t.factories.session({ institutionId: fx.institution.id, programmeId: fx.programme.id, type: 'coachTraining', title: 'Lastige gesprekken', startsAt: START, endsAt: END });
      trainingId = training.id;
      const others = [];
      for (let i = 0; i < 5; i++) others.push(await fx.person(['studentcoach'], `coach${i}@test.example`));
      await t.factories.attendance([fx.coach, ...others].map((c) => ({ sessionId: trainingId, personId: c.id, status: 'present' })));
      coaches = [coach];
      for (let i = 0; i < 5; i++) coaches.push(await signedIn(app, `coach${i}@test.example`, FIXTURE_PASSWORD));
    });

    const give = (client: Client, body: unknown = { rating: 4, text: TEXT, topics: ['group-dynamics', 'Omgaan met stilte'] }) => client.request('POST', `/api/trainings/${trainingId}/feedback`, body);

    it('only after the end, only by attendees (others: 404), once (409); bad input is refused with nothing stored', async () => {
      const absent = await fx.person(['studentcoach'], 'absent@test.example');
      await t.factories.attendance([{ sessionId: trainingId, personId: absent.id, status: 'absent' }]);
      // Sign in on the real clock (the cookie jar uses it), then move the app's clock.
      const absentClient = await signedIn(app, 'absent@test.example', FIXTURE_PASSWORD);
      t.setNow(new Date('2026-11-10T17:00:00Z'));
      const early = await give(coach);
      expect(early.statusCode).toBe(409);
      expect(early.json<{ error: { message: string } }>().error.message).toContain('nog niet voorbij');
      t.setNow(new Date('2026-11-11T09:00:00Z'));
      const task = (await coach.request('GET', '/api/me/trainings')).json<MyTrainingsResponse>();
      expect(task.trainings).toEqual([expect.objectContaining({ sessionId: trainingId, ended: true, feedback: null })]);
      expect(task.topics.length).toBeGreaterThan(0);

      for (const outsider of [absentClient, coordinator, leercoach, studentClient]) expect((await give(outsider)).statusCode).toBe(404);
      expect((await coach.request('POST', `/api/trainings/${crypto.randomUUID()}/feedback`, { rating: 4 })).statusCode).toBe(404);

      for (const bad of [{ rating: 0 }, { rating: 6 }, { rating: 3, text: 'x'.repeat(1001) }, { rating: 3, topics: ['a', 'b', 'c', 'd', 'e', 'f'] }, { rating: 3, extra: true }]) {
        const r = await give(coach, bad);
        expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect(await t.services.db.select().from(trainingFeedback)).toHaveLength(0);

      const [a, b] = await Promise.all([give(coach), give(coach)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect(await t.services.db.select().from(trainingFeedback)).toHaveLength(1);
      const mine = (await coach.request('GET', '/api/me/trainings')).json<MyTrainingsResponse>().trainings[0]!;
      expect(mine.feedback).toMatchObject({ rating: 4, text: TEXT });
    });

    it('the coordinator sees per training the responses, texts without names, the average only from 5, and the topics counted', async () => {
      t.setNow(new Date('2026-11-11T09:00:00Z'));
      for (const c of coaches.slice(0, 4)) expect((await give(c)).statusCode).toBe(201);
      const url = `/api/programmes/${fx.programme.id}/training-feedback`;
      let overview = (await coordinator.request('GET', url)).json<ProgrammeTrainingFeedbackResponse>();
      expect(overview.minCell).toBe(5);
      expect(overview.trainings).toEqual([expect.objectContaining({ sessionId: trainingId, attended: 6, responses: 4, averageRating: null })]);
      expect(overview.trainings[0]!.texts).toEqual([TEXT, TEXT, TEXT, TEXT]);

      expect((await give(coaches[4]!, { rating: 2, text: '', topics: ['omgaan  met STILTE', 'motivation'] })).statusCode).toBe(201);
      const response = await coordinator.request('GET', url);
      overview = response.json<ProgrammeTrainingFeedbackResponse>();
      expect(overview.trainings[0]).toMatchObject({ responses: 5, averageRating: 3.6 });
      expect(overview.topics).toEqual([
        { label: 'Omgaan met stilte', count: 5 },
        { label: 'Groepsdynamiek', count: 4 },
        { label: 'Motivatie', count: 1 },
      ]);
      // No names, e-mail addresses or ids of the coaches in what the coordinator receives.
      for (const email of ['coach@test.example', 'coach0@test.example']) expect(response.body).not.toContain(email);
      expect(response.body).not.toContain(fx.coach.id);
      expect(response.body).not.toContain('author');

      // Only the coordinator: coaches, the leercoach and the student get 404.
      for (const other of [coach, leercoach, studentClient]) expect((await other.request('GET', url)).statusCode).toBe(404);
    });
  });

  it('the handbook: for coaches and coordinators in their language, a 404 for others', async () => {
    const nl = (await coach.request('GET', '/api/handbook')).json<HandbookResponse>();
    expect(nl.title).toBe('Handboek voor studentcoaches');
    expect(nl.sections.map((s) => s.id)).toContain('referring');
    expect((await coordinator.request('GET', '/api/handbook')).statusCode).toBe(200);
    const en = (await coach.request('GET', '/api/handbook', undefined, { 'accept-language': 'en' })).json<HandbookResponse>();
    expect(en.title).toBe('Handbook for student coaches');
    expect(en.sections).toHaveLength(nl.sections.length);
    for (const other of [leercoach, studentClient, await anonymous(app)]) expect([401, 404]).toContain((await other.request('GET', '/api/handbook')).statusCode);
    expect((await studentClient.request('GET', '/api/handbook')).statusCode).toBe(404);
  });
});
