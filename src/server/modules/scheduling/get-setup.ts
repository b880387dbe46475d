/** The scheduling page of an intake: periods, locations with rooms, runs, and what changed since publishing. */
import { and, count, desc, eq, max } from 'drizzle-orm';
import type { PeriodTimetablesResponse, SchedulingSetupResponse } from '../../../contracts/scheduling';
import type { AvailabilityWindow } from '../../../domain/scheduling/product-instance';
import type { Services } from '../../context';
import { classes, classMembers, coachAvailability, communities, intakes, people, programmes, schedulingRuns, teachingPeriods, timetables } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { classProposalsOfIntake } from '../classwide/public';
import { latestPublishedAt } from './get-run';
import { blocksOf, locationsOf, type PeriodRow } from './repository';

export async function getSchedulingSetup({ services, intakeId, locale }: { services: Services; intakeId: string; locale: 'nl' | 'en' }): Promise<SchedulingSetupResponse> {
  const db = services.db;
  const [intake] = await db
    .select({ id: intakes.id, academicYear: intakes.academicYear, month: intakes.month, nameNl: programmes.nameNl, nameEn: programmes.nameEn, institutionId: programmes.institutionId })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  if (!intake) throw new AppError('not_found');
  const periods = await db.select().from(teachingPeriods).where(eq(teachingPeriods.intakeId, intakeId)).orderBy(teachingPeriods.firstDate);
  const result: SchedulingSetupResponse['periods'] = [];
  for (const p of periods) {
    const [tt] = await db.select({ n: count(), last: max(timetables.uploadedAt) }).from(timetables).where(eq(timetables.periodId, p.id));
    const [av] = await db.select({ last: max(coachAvailability.updatedAt) }).from(coachAvailability).where(eq(coachAvailability.periodId, p.id));
    const published = await latestPublishedAt(services, p.id);
    const lastChange = [tt?.last, av?.last].filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0];
    result.push({
      id: p.id,
      name: p.name,
      firstDate: p.firstDate,
      lastDate: p.lastDate,
      timetables: tt?.n ?? 0,
      published: published !== null,
      changedSincePublished: published !== null && lastChange !== undefined && lastChange > published,
    });
  }
  const runs = await db.select().from(schedulingRuns).where(eq(schedulingRuns.intakeId, intakeId)).orderBy(desc(schedulingRuns.createdAt)).limit(20);
  const [n] = await db.select({ n: count() }).from(communities).where(eq(communities.intakeId, intakeId));
  return {
    intake: { id: intake.id, academicYear: intake.academicYear, month: intake.month, programmeName: locale === 'en' ? intake.nameEn : intake.nameNl },
    periods: result,
    locations: (await locationsOf(db, intakeId)).map((l) => ({ id: l.id, name: l.name, code: l.code, rooms: l.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })) })),
    communities: n?.n ?? 0,
    urlFetch: services.config.timetableUrls.enabled,
    classProposals: await classProposalsOfIntake({ services, institutionId: intake.institutionId, intakeId }),
    runs: runs.map((r) => ({ id: r.id, periodId: r.periodId, status: r.status as 'running', createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, publishedAt: r.publishedAt?.toISOString() ?? null })),
  };
}

/** Classes and people of the intake with their timetable in the period (and coaches' availability). */
export async function listPeriodTimetables({ services, period }: { services: Services; period: PeriodRow }): Promise<PeriodTimetablesResponse> {
  const db = services.db;
  const tables = await db.select().from(timetables).where(eq(timetables.periodId, period.id));
  const info = (t: (typeof tables)[number] | undefined) =>
    t ? { id: t.id, source: t.source as 'ics', fileName: t.fileName, uploadedAt: t.uploadedAt.toISOString(), blocks: blocksOf(t) } : null;
  const classRows = await db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, period.intakeId)).orderBy(classes.code);
  const students = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, classId: classMembers.classId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(eq(classes.intakeId, period.intakeId));
  const coaches = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(communities)
    .innerJoin(people, eq(people.id, communities.coachId))
    .where(eq(communities.intakeId, period.intakeId));
  const availability = await db.select().from(coachAvailability).where(eq(coachAvailability.periodId, period.id));
  const code = new Map(classRows.map((c) => [c.id, c.code]));
  const byPerson = new Map(tables.filter((t) => t.personId).map((t) => [t.personId!, t]));
  const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
  const coachList = coaches.map((c) => ({
    id: c.id,
    name: name(c),
    role: 'coach' as const,
    className: null,
    timetable: info(byPerson.get(c.id)),
    availability: (availability.find((a) => a.personId === c.id)?.windows as (AvailabilityWindow & { day: 'mon' })[] | undefined) ?? null,
  }));
  const studentList = students
    .filter((s) => !coaches.some((c) => c.id === s.id))
    .map((s) => ({ id: s.id, name: name(s), role: 'student' as const, className: code.get(s.classId) ?? null, timetable: info(byPerson.get(s.id)), availability: null }));
  return {
    period: { id: period.id, intakeId: period.intakeId, name: period.name, firstDate: period.firstDate, lastDate: period.lastDate },
    locations: (await locationsOf(db, period.intakeId)).map((l) => ({ id: l.id, name: l.name, code: l.code })),
    urlFetch: services.config.timetableUrls.enabled,
    classes: classRows.map((c) => ({ id: c.id, code: c.code, students: students.filter((s) => s.classId === c.id).length, timetable: info(tables.find((t) => t.classId === c.id)) })),
    people: [...coachList.sort((a, b) => a.name.localeCompare(b.name)), ...studentList.sort((a, b) => a.name.localeCompare(b.name))],
  };
}

export async function setCoachAvailability({ services, period, personId, windows }: { services: Services; period: PeriodRow; personId: string; windows: AvailabilityWindow[] | null }) {
  const db = services.db;
  const [coach] = await db.select({ id: communities.coachId }).from(communities).where(and(eq(communities.intakeId, period.intakeId), eq(communities.coachId, personId))).limit(1);
  if (!coach) throw new AppError('not_found');
  if (windows === null) {
    await db.delete(coachAvailability).where(and(eq(coachAvailability.periodId, period.id), eq(coachAvailability.personId, personId)));
    return;
  }
  await db
    .insert(coachAvailability)
    .values({ periodId: period.id, personId, windows, updatedAt: services.now() })
    .onConflictDoUpdate({ target: [coachAvailability.periodId, coachAvailability.personId], set: { windows, updatedAt: services.now() } });
}

export async function deleteTimetable({ services, timetableId }: { services: Services; timetableId: string }) {
  await services.db.delete(timetables).where(eq(timetables.id, timetableId));
}
