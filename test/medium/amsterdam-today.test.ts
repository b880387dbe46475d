/**
 * "Today" on the server is the Dutch calendar day (Europe/Amsterdam), never the UTC day: between
 * 23:00 and 24:00 UTC in winter it is already tomorrow in the Netherlands. Each site that used the
 * UTC day, with the clock at 23:30 UTC on a winter evening (14 December = 15 December 00:30 in
 * Amsterdam): the erasure request's due date and "overdue", retention's cutoff day, and the
 * evidence dashboard's "paid on time".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expenseClaims, helpResources } from '../../src/server/db/schema';
import { RETENTION_RULES } from '../../src/server/modules/retention/rules';
import { listErasureRequests, requestErasure } from '../../src/server/modules/rights/erasure';
import { FIGURE_PROVIDERS } from '../../src/server/modules/roadmap/evidence';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const LATE_WINTER_EVENING = new Date('2026-12-14T23:30:00Z');

describe(`"today" is Amsterdam's day on ${testDbKind()}`, () => {
  let t: TestDb;
  let ids: { institution: string; programme: string; coach: string; coachee: string };

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const f = t.factories;
    const institution = await f.institution();
    const programme = await f.programme(institution.id);
    const coach = await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['studentcoach'] });
    const coachee = await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['coachee'] });
    ids = { institution: institution.id, programme: programme.id, coach: coach.id, coachee: coachee.id };
  });

  it('dates an erasure request from the Dutch day, and calls it overdue from the Dutch day after its due date', async () => {
    t.setNow(LATE_WINTER_EVENING);
    const late = await requestErasure({ services: t.services, personId: ids.coachee, institutionId: ids.institution });
    expect(late.dueOn).toBe('2027-01-15');

    t.setNow(new Date('2026-11-14T12:00:00Z'));
    const earlier = await requestErasure({ services: t.services, personId: ids.coach, institutionId: ids.institution });
    expect(earlier.dueOn).toBe('2026-12-14');
    const list = await listErasureRequests({ db: t.services.db, institutionId: ids.institution, programmeIds: 'all', now: LATE_WINTER_EVENING });
    expect(list.open.find((r) => r.id === earlier.id)?.overdue).toBe(true);
    const stillInTime = await listErasureRequests({ db: t.services.db, institutionId: ids.institution, programmeIds: 'all', now: new Date('2026-12-14T22:30:00Z') });
    expect(stillInTime.open.find((r) => r.id === earlier.id)?.overdue).toBe(false);
  });

  it("cuts retention off at the cutoff's Dutch day", async () => {
    const [help] = await t.services.db
      .insert(helpResources)
      .values({ institutionId: ids.institution, kind: 'inside', category: 'study-progress', nameNl: 'Decaan', nameEn: 'Dean', whenToGoNl: 'x', whenToGoEn: 'x', howToReachNl: 'x', howToReachEn: 'x' })
      .returning();
    await t.factories.referral({ institutionId: ids.institution, programmeId: ids.programme, coacheeId: ids.coachee, coachId: ids.coach, resourceId: help!.id, referredOn: '2026-12-14' });
    // A cutoff of 14 December 23:30 UTC is 15 December in the Netherlands: a referral of the 14th is older.
    expect(await RETENTION_RULES.referrals!.count(t.services.db, LATE_WINTER_EVENING)).toBe(1);
    expect(await RETENTION_RULES.referrals!.count(t.services.db, new Date('2026-12-14T22:30:00Z'))).toBe(0);
  });

  it('counts a payment promised for 14 December as due once it is 15 December in Amsterdam', async () => {
    await t.services.db.insert(expenseClaims).values({
      institutionId: ids.institution,
      programmeId: ids.programme,
      coachId: ids.coach,
      spentOn: '2026-11-20',
      amountCents: 1250,
      category: 'groceries',
      description: 'Koffie en koek',
      status: 'approved',
      decidedAt: new Date('2026-11-30T10:00:00Z'),
      promisedPayDate: '2026-12-14',
    });
    const scope = { institutionId: ids.institution, programmeId: ids.programme, year: 2026 };
    // Nothing due yet: no data. Once due, one payment (too few to show: suppressed, but counted).
    t.setNow(new Date('2026-12-14T22:30:00Z'));
    expect((await FIGURE_PROVIDERS.coachPayOnTime(t.services, scope)).state).toBe('noData');
    t.setNow(LATE_WINTER_EVENING);
    expect((await FIGURE_PROVIDERS.coachPayOnTime(t.services, scope)).state).toBe('suppressed');
  });
});
