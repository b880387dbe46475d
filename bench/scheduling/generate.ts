import type { SchedulingInstance } from '../../src/domain/scheduling/instance.js';
import { createRng, type Rng } from '../../src/domain/scheduling/rng.js';

/**
 * Realistic session-placement instances with fixed seeds: programmes at a home campus →
 * first-year cohorts → classes of ~28 that share the cohort's lecture blocks and have their own
 * workgroups, an elective per student (sometimes at the other campus), 3–4 campus days per
 * programme, communities of 7–9 within a class, coaches (older-year students) with their own
 * classes and some unavailable blocks, and rooms per campus.
 */
export type GeneratorOptions = {
  name: string;
  seed: number;
  students: number;
  classSize?: number;
  roomsPerLocation: number;
};

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const LOCATIONS = ['AMS', 'DIE'] as const;
/** The hogeschool's teaching blocks (90 minutes with breaks), as in the shared instances. */
const BLOCKS: readonly [string, string][] = [
  ['09:00', '10:30'],
  ['10:45', '12:15'],
  ['13:00', '14:30'],
  ['14:45', '16:15'],
  ['16:30', '18:00'],
  ['18:30', '20:00'],
];

type Busy = SchedulingInstance['people'][number]['busy'][number];

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[rng.int(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function block(day: string, index: number, location: string | null): Busy {
  const [start, end] = BLOCKS[index] ?? BLOCKS[0] ?? ['09:00', '10:30'];
  return { day, start, end, location };
}

/** Campus days of a programme: 3 or 4 distinct weekdays. */
function campusDays(rng: Rng): string[] {
  const days = [...DAYS];
  for (let i = days.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [days[i], days[j]] = [days[j] ?? 'mon', days[i] ?? 'mon'];
  }
  const order: readonly string[] = DAYS;
  return days.slice(0, 3 + rng.int(2)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function generateInstance(options: GeneratorOptions): SchedulingInstance {
  const rng = createRng(options.seed);
  const classSize = options.classSize ?? 28;
  const people: SchedulingInstance['people'] = [];
  const communities: SchedulingInstance['communities'] = [];
  const nClasses = Math.max(1, Math.round(options.students / classSize));
  const classesPerCohort = 5;
  let studentNo = 0;
  let coachNo = 0;
  let communityNo = 0;
  const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(5, '0')}`;

  for (let first = 0; first < nClasses; first += classesPerCohort) {
    // One programme cohort: home campus, campus days, shared lectures.
    const home = pick(rng, LOCATIONS);
    const away = home === 'AMS' ? 'DIE' : 'AMS';
    const days = campusDays(rng);
    const lectures: Busy[] = [];
    for (const day of days) if (rng.next() < 0.7) lectures.push(block(day, rng.int(2), home));
    const electives: Busy[][] = Array.from({ length: 3 }, () => {
      const location = rng.next() < 0.3 ? away : home;
      return [block(pick(rng, days), 2 + rng.int(3), location)];
    });
    for (let k = first; k < Math.min(nClasses, first + classesPerCohort); k++) {
      // Workgroups of this class: 1–2 blocks on some campus days, after or before the lectures.
      const workgroups: Busy[] = [];
      for (const day of days) {
        const n = rng.int(3);
        const used = new Set(lectures.filter((l) => l.day === day).map((l) => l.start));
        for (let i = 0; i < n; i++) {
          const b = block(day, rng.int(5), home);
          if (!used.has(b.start)) {
            used.add(b.start);
            workgroups.push(b);
          }
        }
      }
      const size = Math.max(7, Math.round(classSize + (rng.next() - 0.5) * 6));
      const members: string[] = [];
      for (let s = 0; s < size; s++) {
        const student = id('s', ++studentNo);
        members.push(student);
        const busy = [...lectures, ...workgroups, ...pick(rng, electives)];
        // Individual variation: a skipped lecture (exemption) or a resit block.
        if (rng.next() < 0.15 && busy.length > 1) busy.splice(rng.int(busy.length), 1);
        if (rng.next() < 0.1) busy.push(block(pick(rng, days), rng.int(5), home));
        people.push({ id: student, busy: dedupe(busy) });
      }
      // Communities of 7–9 within the class, as the grouping engine would form them.
      const groups = Math.max(1, Math.round(members.length / 8));
      for (let g = 0; g < groups; g++) {
        const coach = id('k', ++coachNo);
        people.push({ id: coach, busy: coachBusy(rng, home, away) });
        communities.push({
          id: id('c', ++communityNo),
          coach,
          members: members.filter((_, i) => i % groups === g),
        });
      }
    }
  }
  return {
    name: options.name,
    days: [...DAYS],
    dayStart: '08:30',
    dayEnd: '21:00',
    slotMinutes: 30,
    sessionMinutes: 90,
    adjacencyMarginMinutes: 30,
    extraTripCost: 240,
    conflictCost: 1000,
    locations: LOCATIONS.map((l) => ({ id: l, rooms: options.roomsPerLocation })),
    people,
    communities,
  };
}

/** A coach: a second-year student of some programme (their own classes) with a side job. */
function coachBusy(rng: Rng, home: string, away: string): Busy[] {
  const busy: Busy[] = [];
  const location = rng.next() < 0.8 ? home : away;
  for (const day of campusDays(rng)) {
    const n = 1 + rng.int(2);
    const used = new Set<number>();
    for (let i = 0; i < n; i++) {
      const b = rng.int(5);
      if (!used.has(b)) {
        used.add(b);
        busy.push(block(day, b, location));
      }
    }
  }
  if (rng.next() < 0.5) busy.push({ day: pick(rng, DAYS), start: '17:00', end: '21:00', location: null });
  return busy;
}

function dedupe(busy: Busy[]): Busy[] {
  const seen = new Set<string>();
  return busy.filter((b) => {
    const key = `${b.day} ${b.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The three generated benchmark instances (fixed seeds). */
export const GENERATED: readonly GeneratorOptions[] = [
  { name: 'gen-small', seed: 101, students: 140, roomsPerLocation: 1 },
  { name: 'gen-medium', seed: 202, students: 1000, roomsPerLocation: 3 },
  { name: 'gen-large', seed: 303, students: 5000, roomsPerLocation: 15 },
];
