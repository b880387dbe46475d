/**
 * A programme with a student coach (born 15 November 2005: 21 mid-November 2026), a coachee, a
 * senior coach, a coordinator and November 2026's sessions: held, cancelled, without attendance,
 * one-on-ones held and missed, a training attended and an intervision missed.
 */
import { compensationProfiles } from '../../src/server/db/schema';
import { FIXTURE_PASSWORD, coachWithCommunity } from '../support/community-fixture';
import type { TestDb } from '../support/test-db';

export const at = (iso: string) => new Date(iso);

export async function compensationFixture(t: TestDb) {
  const base = await coachWithCommunity(t);
  const { institution, programme, coach, coachee, communityId, person } = base;
  const f = t.factories;
  await f.coachProfile(coach.id, programme.id);
  await t.database.db.insert(compensationProfiles).values({ personId: coach.id, birthDate: '2005-11-15' });
  const coordinator = await person(['coordinator'], 'coordinator@test.example');
  const senior = await person(['seniorcoach'], 'senior@test.example');
  await f.supervise(senior.id, coach.id, programme.id);
  const ids = { institutionId: institution.id, programmeId: programme.id };
  const hour = 60 * 60_000;
  const session = (type: 'community' | 'oneOnOne' | 'coachTraining' | 'intervision', iso: string, extra: Record<string, unknown> = {}) =>
    f.session({ ...ids, type, startsAt: at(iso), endsAt: new Date(at(iso).getTime() + 2 * hour), organiserId: coach.id, communityId: type === 'community' ? communityId : null, ...extra });
  const held = await session('community', '2026-11-03T14:00:00Z');
  const cancelled = await session('community', '2026-11-10T14:00:00Z', { status: 'cancelled' });
  const noAttendance = await session('community', '2026-11-17T14:00:00Z');
  const oneOnOne = await session('oneOnOne', '2026-11-05T10:00:00Z', { coacheeId: coachee.id });
  const missedOneOnOne = await session('oneOnOne', '2026-11-06T10:00:00Z', { coacheeId: coachee.id });
  const training = await session('coachTraining', '2026-11-02T15:00:00Z', { organiserId: coordinator.id });
  const intervision = await session('intervision', '2026-11-19T15:00:00Z', { organiserId: senior.id });
  const december = await session('community', '2026-12-01T14:00:00Z');
  await f.attendance([
    { sessionId: held.id, personId: coachee.id, status: 'present' },
    { sessionId: cancelled.id, personId: coachee.id, status: 'present' },
    { sessionId: oneOnOne.id, personId: coachee.id, status: 'present' },
    { sessionId: missedOneOnOne.id, personId: coachee.id, status: 'absent' },
    { sessionId: training.id, personId: coach.id, status: 'present' },
    { sessionId: intervision.id, personId: coach.id, status: 'absentWithNotice' },
    { sessionId: december.id, personId: coachee.id, status: 'present' },
  ]);
  return { ...base, coordinator, senior, sessions: { held, cancelled, noAttendance, oneOnOne, missedOneOnOne, training, intervision, december }, password: FIXTURE_PASSWORD };
}
