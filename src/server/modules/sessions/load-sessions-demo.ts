/**
 * Demo data for sessions (#4): the 2026-2027 holidays (school holidays region Noord), a year plan
 * per community generated from its intake settings with the domain generator, and — around "now"
 * at load time, so the demo always shows a coach's current week — past sessions with RSVPs,
 * attendance, check-ins and a logbook entry, and upcoming sessions with RSVPs. The last past
 * session of each community is left unmarked (attendance still to mark, a logbook due).
 * Deterministic apart from the date anchor; one insert per table per community, so it stays fast.
 */
import { generateYearPlan, type Holiday, type PlannedSession } from '../../../domain/sessions/year-plan';
import { addDays, weekdayOf, zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import { factories } from '../../testing/factories';
import { intakePeriod } from './plan-year';
import { scheduleSessionReminders } from './schedule-reminders';

export const DEMO_HOLIDAYS_2026_2027: Holiday[] = [
  { name: 'Herfstvakantie', from: '2026-10-17', to: '2026-10-25' },
  { name: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
  { name: 'Voorjaarsvakantie', from: '2027-02-20', to: '2027-02-28' },
  { name: 'Meivakantie', from: '2027-04-24', to: '2027-05-02' },
  { name: 'Zomervakantie', from: '2027-07-10', to: '2027-08-22' },
];

export type DemoCommunity = {
  id: string;
  intakeId: string;
  programmeId: string;
  coachId: string | null;
  memberIds: string[];
  location: string;
};

const START_TIME = '15:30';
const DURATION = 90;
const REASONS = ['Tandarts', 'Stage loopt uit', 'Ziek', 'Werk'];

export async function loadSessionsDemo(
  db: Db,
  services: Services,
  demo: { institutionId: string; communities: DemoCommunity[]; demoCoacheeId: string | null; demoCoachId: string; leercoach?: { personId: string; programmeId: string } },
) {
  const f = factories(db);
  const now = services.now();
  const today = zonedParts(now).date;
  const monday = addDays(today, 1 - weekdayOf(today));
  await f.holidayCalendar(demo.institutionId, '2026-2027', DEMO_HOLIDAYS_2026_2027);
  if (demo.leercoach) {
    await f.programmeUpdate({
      programmeId: demo.leercoach.programmeId,
      authorId: demo.leercoach.personId,
      title: 'Tentamenweek komt eraan',
      body: 'Over drie weken zijn de tentamens. Veel eerstejaars vinden plannen lastig: een werkvorm over planning past goed in je volgende bijeenkomst.',
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
    });
  }

  for (const [c, community] of demo.communities.entries()) {
    const period = await intakePeriod(db, community.intakeId);
    // Tuesdays to Thursdays, spread over the communities.
    const weekday = 2 + (c % 3);
    // The plan covers the intake's period when "now" falls in it, otherwise the weeks around now.
    const inPeriod = today >= period.firstDate && today <= period.lastDate;
    const firstDate = inPeriod ? period.firstDate : addDays(monday, -10 * 7);
    const lastDate = inPeriod ? period.lastDate : addDays(monday, 20 * 7);
    const base = { weekday, startTime: START_TIME, durationMinutes: DURATION, sessionsPerMonth: period.settings.sessionsPerMonth, holidays: DEMO_HOLIDAYS_2026_2027 };
    // Two runs of the generator, split at this week's Monday, so every coach has a session this week.
    const plan: PlannedSession[] = [
      ...(firstDate < monday ? generateYearPlan({ ...base, firstDate, lastDate: addDays(monday, -1) }) : []),
      ...generateYearPlan({ ...base, firstDate: monday > firstDate ? monday : firstDate, lastDate }),
    ];
    await f.sessionSeries({ communityId: community.id, weekday, startTime: START_TIME, durationMinutes: DURATION, sessionsPerMonth: base.sessionsPerMonth, firstDate, lastDate, location: community.location });
    const rows = await f.sessions(
      plan.map((p) => ({
        institutionId: demo.institutionId,
        programmeId: community.programmeId,
        type: 'community',
        communityId: community.id,
        organiserId: community.coachId,
        location: community.location,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        fromYearPlan: true,
      })),
    );
    const past = rows.filter((r) => r.endsAt.getTime() <= now.getTime());
    const upcoming = rows.filter((r) => r.startsAt.getTime() > now.getTime());
    // Attendance on all past sessions but the last; member k misses now and then (one with notice).
    const marked = past.slice(0, -1);
    const marks = marked.flatMap((s, i) =>
      community.memberIds.map((personId, k) => ({
        sessionId: s.id,
        personId,
        markedBy: community.coachId,
        markedAt: s.endsAt,
        status: (k + i) % 11 === 3 ? 'absentWithNotice' : (k + 2 * i) % 13 === 5 ? 'absent' : (k + i) % 9 === 4 ? 'late' : 'present',
      })),
    );
    await f.attendance(marks);
    // RSVPs for the last two past sessions and the next two: most come, one sends a notice with a reason.
    const rsvpSessions = [...past.slice(-2), ...upcoming.slice(0, 2)];
    await f.rsvps(
      rsvpSessions.flatMap((s, i) =>
        community.memberIds.flatMap((personId, k) => {
          if ((k + i) % 4 === 3) return [];
          const notComing = (k + c + i) % 7 === 1;
          return [{ sessionId: s.id, personId, response: notComing ? 'notComing' : 'coming', reason: notComing ? REASONS[(k + i) % REASONS.length]! : '', respondedAt: new Date(s.startsAt.getTime() - 2 * 86_400_000) }];
        }),
      ),
    );
    // Check-ins ("hoe zit je in je vel?") on the past sessions by the demo coachee and some fellows.
    await f.checkins(
      past.flatMap((s, i) =>
        community.memberIds.flatMap((personId, k) =>
          personId === demo.demoCoacheeId || (k + i) % 3 === 0 ? [{ personId, sessionId: s.id, score: 5 + ((k * 3 + i * 2) % 5), createdAt: s.startsAt }] : [],
        ),
      ),
    );
    // A logbook entry for the demo coach's previous marked session.
    const logged = marked[marked.length - 1];
    if (logged && community.coachId === demo.demoCoachId) {
      await f.logbook({
        sessionId: logged.id,
        authorId: demo.demoCoachId,
        answers: {
          'logbook-what-we-did': 'Kennismakingsronde en de werkvorm "Mijn week in drie woorden".',
          'logbook-how-it-went': 4,
          'logbook-group-noticed': 'De groep praat makkelijker dan de vorige keer.',
          'logbook-need': ['activity-ideas'],
        },
        activityIds: [],
        createdAt: logged.endsAt,
        updatedAt: logged.endsAt,
      });
    }
    // The demo coach's own shared activity and a shared session plan, used for their next session.
    if (community.coachId === demo.demoCoachId && upcoming[0]) {
      const own = await f.customActivity({
        institutionId: demo.institutionId,
        authorId: demo.demoCoachId,
        shared: true,
        locale: 'nl',
        theme: 'kennismaken',
        phases: ['start', 'autumn'],
        durationMinutes: 20,
        groupMin: 4,
        groupMax: 12,
        title: 'Speeddaten met vragen',
        goal: 'In korte rondes met iedereen uit de groep even praten.',
        materials: ['Kaartjes met vragen', 'Een timer'],
        steps: ['Zet twee rijen stoelen tegenover elkaar.', 'Trek een vraag en praat er twee minuten over.', 'Schuif één stoel door en trek een nieuwe vraag.', 'Vraag aan het eind: wie wil je beter leren kennen?'],
      });
      const plan = await f.sessionPlan({
        institutionId: demo.institutionId,
        programmeId: community.programmeId,
        authorId: demo.demoCoachId,
        title: 'Kennismaken in de eerste weken',
        activityIds: ['klets-kwartiertje', own.id, 'afsluitrondje'],
        notes: 'Vraagkaartjes printen; stoelen in twee rijen.',
        shared: true,
      });
      await db.update(sessions).set({ planId: plan.id }).where(eq(sessions.id, upcoming[0].id));
    }
    // Reminders for the coming weeks, through the same scheduler the app uses.
    for (const row of upcoming.slice(0, 3)) await scheduleSessionReminders(db, row, now);
  }
}
