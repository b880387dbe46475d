/**
 * Demo data for scheduling (#7): the Social Work September intake's four teaching periods, two
 * locations with rooms, Xedule-style class timetables and the coaches' own weeks uploaded through
 * the real import, one coach who can only come on Friday afternoons (so an extra trip is
 * explained), and a solved, unpublished proposal for the next period — which moves the demo's
 * existing Tuesday–Thursday sessions, so "what moves" shows as well.
 */
import { eq } from 'drizzle-orm';
import { solveSessionPlacementSync } from '../../../domain/scheduling/solve-session-placement';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { classes, coachAvailability, communities, people, schedulingLocations, schedulingPlacements, schedulingRooms, schedulingRuns, teachingPeriods } from '../../db/schema';
import { weeklyTimetableIcs, type WeeklyClass } from '../../demo/weekly-timetable-ics';
import { buildRunInstance } from './build-run-instance';
import { scheduleRetention } from './manage-setup';
import { uploadTimetable } from './upload-timetable';

const PERIODS = [
  { name: 'Periode 1', firstDate: '2026-09-01', lastDate: '2026-11-06' },
  { name: 'Periode 2', firstDate: '2026-11-09', lastDate: '2027-01-29' },
  { name: 'Periode 3', firstDate: '2027-02-01', lastDate: '2027-04-16' },
  { name: 'Periode 4', firstDate: '2027-04-19', lastDate: '2027-07-09' },
];

const TIMETABLES: Record<string, WeeklyClass[]> = {
  SW1A: [
    { day: 'mon', start: '08:45', end: '12:15', location: 'AMS 02.14', summary: 'Inleiding Social Work (SW1A)' },
    { day: 'tue', start: '13:15', end: '16:30', location: 'AMS 03.01', summary: 'Gespreksvaardigheden (SW1A)' },
    { day: 'thu', start: '09:00', end: '12:30', location: 'DIE 1.10', summary: 'Recht en beleid (SW1A)' },
  ],
  SW1B: [
    { day: 'mon', start: '13:00', end: '16:15', location: 'AMS 02.14', summary: 'Inleiding Social Work (SW1B)' },
    { day: 'wed', start: '09:00', end: '12:30', location: 'AMS 04.05', summary: 'Sociologie (SW1B)' },
    { day: 'thu', start: '13:30', end: '17:00', location: 'AMS 03.01', summary: 'Gespreksvaardigheden (SW1B)' },
  ],
};

/** The coaches' own weeks (older-year students, some with a job), as the CSV export lists them. */
const COACH_WEEKS = [
  ['tue', '09:00', '12:00', 'AMS 05.12'],
  ['wed', '13:00', '17:00', ''],
  ['mon', '09:00', '12:30', 'AMS 05.12'],
  ['thu', '09:00', '15:00', 'DIE 2.01'],
  ['tue', '10:00', '13:00', 'AMS 05.12'],
];

export async function loadSchedulingDemo(db: Db, services: Services, demo: { intakeId: string; coordinatorId: string }) {
  const today = zonedParts(services.now()).date;
  const periods = [];
  for (const p of PERIODS) {
    const [row] = await db.insert(teachingPeriods).values({ intakeId: demo.intakeId, ...p }).returning();
    await scheduleRetention(db, row!);
    periods.push(row!);
  }
  const [ams] = await db.insert(schedulingLocations).values({ intakeId: demo.intakeId, name: 'Amsterdam Wibautstraat', code: 'AMS' }).returning();
  const [die] = await db.insert(schedulingLocations).values({ intakeId: demo.intakeId, name: 'Diemen', code: 'DIE' }).returning();
  await db.insert(schedulingRooms).values([
    { locationId: ams!.id, name: 'Lokaal 2.14', capacity: 12 },
    { locationId: ams!.id, name: 'Lokaal 3.01', capacity: 10 },
    { locationId: ams!.id, name: 'Lokaal 4.05', capacity: 30 },
    { locationId: die!.id, name: 'Lokaal 1.02', capacity: 10 },
    { locationId: die!.id, name: 'Spreekkamer 1.04', capacity: 4 },
  ]);
  // The next period that has not started (or the last one), and the current one, get timetables.
  const next = periods.find((p) => p.firstDate > today) ?? periods[periods.length - 1]!;
  const current = periods.find((p) => p.firstDate <= today && p.lastDate >= today);
  const classRows = await db.select().from(classes).where(eq(classes.intakeId, demo.intakeId));
  const coaches = await db
    .selectDistinct({ id: people.id, email: people.email, name: communities.name })
    .from(communities)
    .innerJoin(people, eq(people.id, communities.coachId))
    .where(eq(communities.intakeId, demo.intakeId))
    .orderBy(communities.name);
  const base = { services, db, actorId: demo.coordinatorId };
  for (const period of [current, next].filter((p): p is NonNullable<typeof p> => Boolean(p))) {
    for (const c of classRows) {
      const week = TIMETABLES[c.code];
      if (!week) continue;
      const text = weeklyTimetableIcs({ name: `Rooster ${c.code}`, classes: week, firstDate: period.firstDate, lastDate: period.lastDate });
      await uploadTimetable({ ...base, period, format: 'ics', source: 'ics', fileName: `xedule-${c.code.toLowerCase()}-${period.name.toLowerCase().replace(' ', '')}.ics`, text, target: { classId: c.id } });
    }
    const csv = ['person,day,start,end,location', ...coaches.map((coach, i) => [coach.email, ...COACH_WEEKS[i % COACH_WEEKS.length]!].join(','))].join('\n');
    await uploadTimetable({ ...base, period, format: 'csv', source: 'csv', fileName: 'coaches.csv', text: csv, target: null });
  }
  // SW 4's coach can only come on Friday afternoons this period: the proposal explains the extra trips.
  const friday = coaches.find((c) => c.name === 'SW 4');
  if (friday) await db.insert(coachAvailability).values({ periodId: next.id, personId: friday.id, windows: [{ day: 'fri', start: '13:00', end: '18:00' }], updatedAt: services.now() });

  const built = await buildRunInstance(db, next, { sessionMinutes: 90 });
  const plan = solveSessionPlacementSync({ instance: built.instance, seed: 1, timeLimitMs: 3000 });
  const [run] = await db
    .insert(schedulingRuns)
    .values({
      intakeId: demo.intakeId,
      periodId: next.id,
      status: 'done',
      seed: 1,
      timeLimitSeconds: 10,
      sessionMinutes: 90,
      instance: built.instance,
      excluded: built.excluded,
      coachMeetings: built.coachMeetings,
      search: { objective: plan.solution.objective, lowerBound: plan.search.lowerBound, stopReason: plan.search.stopReason, elapsedMs: Math.round(plan.search.elapsedMs) },
      progress: { phase: 'done', elapsedMs: Math.round(plan.search.elapsedMs), bestObjective: plan.solution.objective, lowerBound: plan.search.lowerBound },
      startedById: demo.coordinatorId,
      createdAt: services.now(),
      finishedAt: services.now(),
    })
    .returning({ id: schedulingRuns.id });
  if (plan.solution.placements.length > 0) {
    await db.insert(schedulingPlacements).values(
      plan.solution.placements.map((p) => ({ runId: run!.id, communityId: p.community, proposedDay: p.day, proposedStart: p.start, proposedLocationId: p.location, day: p.day, start: p.start, locationId: p.location })),
    );
  }
}

/** The February intake's classes: their lessons in the second half of the year (Xedule-style), for the class-wide proposals (#21 item 3). */
const FEBRUARY_TIMETABLES: Record<string, { p3: WeeklyClass[]; p4: WeeklyClass[] }> = {
  SW1F: {
    p3: [
      { day: 'tue', start: '09:00', end: '13:15', location: 'AMS 02.14', summary: 'Methodisch werken (SW1F)' },
      { day: 'thu', start: '13:30', end: '16:45', location: 'AMS 03.01', summary: 'Gespreksvaardigheden (SW1F)' },
    ],
    p4: [{ day: 'wed', start: '10:45', end: '12:30', location: 'AMS 04.05', summary: 'Sociale kaart (SW1F)' }],
  },
  SW1G: {
    p3: [
      { day: 'mon', start: '13:15', end: '16:30', location: 'AMS 02.14', summary: 'Methodisch werken (SW1G)' },
      { day: 'wed', start: '08:45', end: '12:15', location: 'AMS 03.01', summary: 'Psychologie (SW1G)' },
    ],
    p4: [{ day: 'thu', start: '09:00', end: '12:30', location: 'AMS 04.05', summary: 'Sociale kaart (SW1G)' }],
  },
};

/**
 * Demo data for the February intake (#21 item 3): its two teaching periods, the Amsterdam location
 * and its classes' timetables, uploaded as the coordinator would — so class-wide proposals (once
 * the coordinator chooses that format) stand next to real lessons.
 */
export async function loadFebruaryTimetablesDemo(db: Db, services: Services, demo: { intakeId: string; coordinatorId: string }) {
  const periods = [];
  for (const p of [
    { key: 'p3' as const, name: 'Periode 3', firstDate: '2027-02-01', lastDate: '2027-04-16' },
    { key: 'p4' as const, name: 'Periode 4', firstDate: '2027-04-19', lastDate: '2027-07-09' },
  ]) {
    const [row] = await db.insert(teachingPeriods).values({ intakeId: demo.intakeId, name: p.name, firstDate: p.firstDate, lastDate: p.lastDate }).returning();
    await scheduleRetention(db, row!);
    periods.push({ key: p.key, row: row! });
  }
  const [ams] = await db.insert(schedulingLocations).values({ intakeId: demo.intakeId, name: 'Amsterdam Wibautstraat', code: 'AMS' }).returning();
  await db.insert(schedulingRooms).values([{ locationId: ams!.id, name: 'Lokaal 4.05', capacity: 30 }]);
  const classRows = await db.select().from(classes).where(eq(classes.intakeId, demo.intakeId));
  const base = { services, db, actorId: demo.coordinatorId };
  for (const { key, row: period } of periods) {
    for (const c of classRows) {
      const week = FEBRUARY_TIMETABLES[c.code]?.[key];
      if (!week) continue;
      const text = weeklyTimetableIcs({ name: `Rooster ${c.code}`, classes: week, firstDate: period.firstDate, lastDate: period.lastDate });
      await uploadTimetable({ ...base, period, format: 'ics', source: 'ics', fileName: `xedule-${c.code.toLowerCase()}-${period.name.toLowerCase().replace(' ', '')}.ics`, text, target: { classId: c.id } });
    }
  }
}
