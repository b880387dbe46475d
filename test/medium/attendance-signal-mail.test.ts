/**
 * The attendance signal goes out (#18 item 5): a coachee who missed three sessions in a row gets
 * their coach one mail — once per signal, not again on the next hour or day, not twice when two
 * instances run the hook at once — delivered over SMTP to a real smtp-server, naming no student.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attendanceSignalMails, communityMembers, mailOutbox, people } from '../../src/server/db/schema';
import { retentionPurges } from '../../src/server/job-handlers';
import { mailAttendanceSignals } from '../../src/server/modules/evaluation/public';
import type { Mailbox } from '../e2e/support/mailbox';
import { createTestAppWithMailbox } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const SUBJECT_NL = 'Een student in je community mist bijeenkomsten';

describe(`the attendance signal mail on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let mailbox: Mailbox;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let coach: Client;
  let sessionIds: string[];

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, app, mailbox, close } = await createTestAppWithMailbox());
  });
  afterAll(() => close());

  beforeEach(async () => {
    await t.reset();
    fx = await coachWithCommunity(t);
    // Sign in on the real clock (the cookie jar uses it), then move the app's clock to the test's day.
    coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    t.setNow(new Date('2026-11-20T10:00:00Z'));
    sessionIds = [];
    // Eight weekly sessions of the community, all in the past by 20 November.
    for (let week = 0; week < 8; week++) {
      const s = await t.factories.session({ institutionId: fx.institution.id, programmeId: fx.programme.id, communityId: fx.communityId, startsAt: new Date(Date.UTC(2026, 8, 22 + week * 7, 15)) });
      sessionIds.push(s.id);
    }
  });

  /** `hours` after session `index` began (sessions are weekly from 22 September 2026, 15:00 UTC). */
  const at = (index: number, hours: number) => new Date(Date.UTC(2026, 8, 22 + index * 7, 15) + hours * 3_600_000);
  /** The coach marks the coachee at session `index`, two hours after it began (marking is open until 7 days after). */
  async function mark(index: number, status: 'present' | 'absent' | 'absentWithNotice' | 'late') {
    t.setNow(at(index, 2));
    const response = await coach.request('POST', `/api/sessions/${sessionIds[index]}/attendance`, { marks: [{ personId: fx.coachee.id, status }] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ results: { ok: boolean }[] }>().results[0]!.ok).toBe(true);
  }
  /** One turn of the poller's hourly hook at that moment. */
  async function hook(when: Date) {
    t.setNow(when);
    await mailAttendanceSignals(t.services);
  }
  const signalMails = () => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, SUBJECT_NL));

  it('is one of the poller’s hourly hooks', () => {
    expect(retentionPurges).toContain(mailAttendanceSignals);
  });

  it('mails the coach once when the third session in a row is missed, and not again the next hour or day', async () => {
    await mark(0, 'present');
    await mark(1, 'absent');
    await mark(2, 'absentWithNotice');
    await hook(at(2, 3));
    expect(await signalMails()).toHaveLength(0); // two missed: no signal yet

    await mark(3, 'absent');
    await hook(at(3, 3));
    await hook(at(3, 4));
    await hook(at(3, 27));
    const mails = await signalMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('coach@test.example');
    expect(await t.database.db.select().from(attendanceSignalMails)).toEqual([
      { communityId: fx.communityId, personId: fx.coachee.id, streakStartSessionId: sessionIds[1], sentAt: at(3, 3) },
    ]);

    // Delivered over SMTP: greets the coach, links to the app, names no student.
    const since = 0;
    await t.services.mailer.dispatch();
    await mailbox.find('coach@test.example', /(drie bijeenkomsten op rij gemist)/, { since });
    const [delivered] = mailbox.all().filter((m) => m.to.includes('coach@test.example'));
    const [student] = await t.database.db.select().from(people).where(eq(people.id, fx.coachee.id));
    const [theCoach] = await t.database.db.select().from(people).where(eq(people.id, fx.coach.id));
    expect(delivered!.text).toContain(`Hoi ${theCoach!.firstName},`);
    expect(delivered!.text).toContain(`${t.services.config.publicUrl}/`);
    for (const secret of [student!.firstName, student!.lastName, student!.email, fx.coachee.id, fx.communityId]) expect(delivered!.text).not.toContain(secret);
  });

  it('an older session marked missed afterwards is the same signal; a new streak after attending is a new one', async () => {
    await mark(1, 'absent');
    await mark(2, 'absent');
    await mark(3, 'absent');
    await hook(at(3, 3));
    expect(await signalMails()).toHaveLength(1);
    // The first session is marked missed afterwards (as a correction would): the streak now begins a session earlier — still the same signal.
    await t.factories.attendance([{ sessionId: sessionIds[0]!, personId: fx.coachee.id, status: 'absent', markedAt: at(3, 4) }]);
    await hook(at(3, 5));
    expect(await signalMails()).toHaveLength(1);

    await mark(4, 'present'); // back: the signal is over
    await mark(5, 'absent');
    await mark(6, 'absent');
    await hook(at(6, 3));
    expect(await signalMails()).toHaveLength(1);
    await mark(7, 'absent'); // missed three in a row again: a new signal
    await hook(at(7, 3));
    await hook(at(7, 4));
    expect(await signalMails()).toHaveLength(2);
    expect((await t.database.db.select().from(attendanceSignalMails)).map((r) => r.streakStartSessionId).sort()).toEqual([sessionIds[1], sessionIds[5]].sort());
  });

  it('two instances running the hook at the same moment send one mail', async () => {
    await mark(1, 'absent');
    await mark(2, 'absent');
    await mark(3, 'absent');
    t.setNow(at(3, 3));
    await Promise.all([mailAttendanceSignals(t.services), mailAttendanceSignals(t.services), mailAttendanceSignals(t.services)]);
    expect(await signalMails()).toHaveLength(1);
    expect(await t.database.db.select().from(attendanceSignalMails)).toHaveLength(1);
  });

  it('looks only at attendance marked in the last two days (the home screen still shows older signals), and not at coachees who left', async () => {
    await mark(1, 'absent');
    await mark(2, 'absent');
    await mark(3, 'absent');
    await hook(at(3, 5 * 24)); // five days later: no marks in the last two days
    expect(await signalMails()).toHaveLength(0);
    await mark(4, 'absent');
    await t.database.db.update(communityMembers).set({ leftOn: at(4, 2) }).where(eq(communityMembers.personId, fx.coachee.id));
    await hook(at(4, 3));
    expect(await signalMails()).toHaveLength(0);
  });
});
