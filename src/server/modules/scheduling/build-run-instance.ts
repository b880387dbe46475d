/**
 * Loads what a scheduling run needs for one teaching period — communities, members' class and
 * personal timetables, coaches' timetables and availability, rooms — and builds the instance.
 */
import type { BusyBlock } from '../../../domain/scheduling/instance';
import { buildInstance, DEFAULT_GRID, type BuiltInstance } from '../../../domain/scheduling/product-instance';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { coachMeetingSnapshot, type CoachMeetingSnapshot } from './coach-meetings';
import { availabilityOf, blocksOf, classesOfPeople, communitiesOf, intakeFormatOf, locationsOf, timetablesOf, type PeriodRow } from './repository';

export async function buildRunInstance(db: Db, period: PeriodRow, options: { sessionMinutes: number }): Promise<BuiltInstance & { coachMeetings: CoachMeetingSnapshot }> {
  const [locations, communityRows, tables, availability] = await Promise.all([
    locationsOf(db, period.intakeId),
    communitiesOf(db, period.intakeId),
    timetablesOf(db, period.id),
    availabilityOf(db, period.id),
  ]);
  // An intake with individual coaching has caseloads, no communities: nothing to schedule, and the coordinator is told why.
  const format = await intakeFormatOf(db, period.intakeId);
  if (format === 'individual') throw new AppError('scheduling_individual_format', 'individual coaching plans no community sessions');
  // A class-wide intake meets per class, next to the class's lessons: the page shows those proposals instead (#21 item 3).
  if (format === 'classWide') throw new AppError('scheduling_class_wide_format', 'class-wide coaching plans per class');
  if (locations.length === 0) throw new AppError('scheduling_setup_incomplete', 'no locations', { what: 'locations' });
  if (communityRows.length === 0) throw new AppError('scheduling_setup_incomplete', 'no communities', { what: 'communities' });
  if (tables.length === 0) throw new AppError('scheduling_setup_incomplete', 'no timetables', { what: 'timetables' });
  const known = new Set(locations.map((l) => l.id));
  // A location deleted after an upload: its classes count as off campus.
  const clean = (blocks: BusyBlock[]) => blocks.map((b) => (b.location !== null && !known.has(b.location) ? { ...b, location: null } : b));
  const people = [...new Set(communityRows.flatMap((c) => [...c.memberIds, ...(c.coachId ? [c.coachId] : [])]))];
  const enrolments = await classesOfPeople(db, period.intakeId, people);
  const byClass = new Map(tables.filter((t) => t.classId).map((t) => [t.classId!, clean(blocksOf(t))]));
  const byPerson = new Map(tables.filter((t) => t.personId).map((t) => [t.personId!, clean(blocksOf(t))]));
  const busy = new Map<string, BusyBlock[]>();
  const withTimetable = new Set<string>();
  for (const person of people) {
    const blocks: BusyBlock[] = [...(byPerson.get(person) ?? [])];
    if (byPerson.has(person)) withTimetable.add(person);
    for (const e of enrolments.filter((x) => x.personId === person)) {
      const own = byClass.get(e.classId);
      if (own) {
        blocks.push(...own);
        withTimetable.add(person);
      }
    }
    busy.set(person, blocks);
  }
  const built = buildInstance({
    name: period.name,
    communities: communityRows.map((c) => ({ id: c.id, coachId: c.coachId, memberIds: c.memberIds, online: c.sessionMode === 'online' })),
    locations: locations.map((l) => ({ id: l.id, rooms: l.rooms.map((r) => ({ capacity: r.capacity })) })),
    busy,
    withTimetable,
    availability,
    grid: { ...DEFAULT_GRID, sessionMinutes: options.sessionMinutes },
  });
  const coaches = communityRows.flatMap((c) => (c.coachId ? [c.coachId] : []));
  return { ...built, coachMeetings: await coachMeetingSnapshot(db, period.intakeId, coaches, busy, withTimetable, availability) };
}
