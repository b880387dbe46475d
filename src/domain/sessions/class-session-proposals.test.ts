import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFreeForClass, proposalDates, proposeClassSessions, type ClassProposal, type ClassProposalInput, type WeeklyLesson } from './class-session-proposals';
import { weekdayOf } from './zoned-time';

const m = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const lesson = (weekday: number, start: string, end: string, campus = true): WeeklyLesson => ({ weekday, start: m(start), end: m(end), campus });

// Periods of a February intake; "today" is a Monday before the first.
const P1 = { id: 'p1', firstDate: '2027-02-01', lastDate: '2027-04-09' };
const P2 = { id: 'p2', firstDate: '2027-04-19', lastDate: '2027-06-25' };

const base = (over: Partial<ClassProposalInput> = {}): ClassProposalInput => ({
  periods: [P1, P2],
  today: '2027-01-25',
  dayStart: 8 * 60 + 30,
  dayEnd: 18 * 60,
  durationMinutes: 60,
  searchDays: 10,
  classes: [],
  coaches: {},
  ...over,
});

describe('proposeClassSessions', () => {
  it('proposes directly after the class lesson that ends at 13:15 on its campus day, in each period', () => {
    const input = base({
      classes: [{ id: 'sw1f', coachId: 'anna', lessons: { p1: [lesson(2, '09:00', '13:15')], p2: [lesson(4, '10:45', '12:30')] }, plannedIn: [] }],
      coaches: { anna: { lessons: {}, busy: {} } },
    });
    expect(proposeClassSessions(input)).toEqual([
      { classId: 'sw1f', periodId: 'p1', kind: 'slot', date: '2027-02-02', start: m('13:15'), startTime: '13:15', endTime: '14:15', mode: 'onCampus', reason: { code: 'afterClassLesson', time: '13:15' } },
      { classId: 'sw1f', periodId: 'p2', kind: 'slot', date: '2027-04-22', start: m('12:30'), startTime: '12:30', endTime: '13:30', mode: 'onCampus', reason: { code: 'afterClassLesson', time: '12:30' } },
    ]);
  });

  it("goes before the lesson when the coach has a lesson right after it; online when the class has no lessons; a plain time without a timetable; nothing where one is planned", () => {
    const input = base({
      periods: [P1],
      classes: [
        { id: 'a', coachId: 'anna', lessons: { p1: [lesson(3, '10:45', '12:30')] }, plannedIn: [] },
        { id: 'b', coachId: 'bram', lessons: { p1: [] }, plannedIn: [] },
        { id: 'c', coachId: 'bram', lessons: {}, plannedIn: [] },
        { id: 'd', coachId: 'bram', lessons: { p1: [lesson(1, '09:00', '10:00')] }, plannedIn: ['p1'] },
      ],
      coaches: { anna: { lessons: { p1: [lesson(3, '12:30', '14:00'), lesson(3, '13:30', '15:00')] }, busy: {} }, bram: { lessons: {}, busy: {} } },
    });
    const [a, b, c, d] = proposeClassSessions(input);
    expect(a).toMatchObject({ kind: 'slot', date: '2027-02-03', startTime: '09:45', reason: { code: 'beforeClassLesson', time: '10:45' } });
    expect(b).toMatchObject({ kind: 'slot', mode: 'online', reason: { code: 'classNoLessonsOnline' }, startTime: '13:00' });
    // The same coach: the class without a timetable does not take the online class's hour.
    expect(c).toMatchObject({ kind: 'slot', mode: 'onCampus', reason: { code: 'classNoTimetable' } });
    const slotOf = (p: ClassProposal | undefined) => (p?.kind === 'slot' ? p : null);
    const [sb, sc] = [slotOf(b), slotOf(c)];
    expect(sb !== null && sc !== null && !(sc.date === sb.date && sc.start < sb.start + 60 && sb.start < sc.start + 60)).toBe(true);
    expect(d).toEqual({ classId: 'd', periodId: 'p1', kind: 'alreadyPlanned' });
  });

  it('a period that has ended proposes nothing; one that has begun starts tomorrow', () => {
    expect(proposalDates(P1, '2027-05-01', 10)).toEqual([]);
    expect(proposalDates(P1, '2027-02-04', 3)).toEqual(['2027-02-05', '2027-02-08', '2027-02-09']);
  });
});

// Properties over random timetables, coaches and planned sessions.
const q = fc.integer({ min: 7 * 4, max: 19 * 4 });
const weekly = fc.tuple(fc.integer({ min: 1, max: 5 }), q, fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([weekday, s, len, campus]) => ({ weekday, start: s * 15, end: Math.min(s * 15 + len * 15, 20 * 60), campus }));
const DATES = ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-04-19', '2027-04-20'];
const busy = fc.dictionary(fc.constantFrom(...DATES), fc.array(q.chain((s) => fc.integer({ min: 1, max: 8 }).map((len) => ({ start: s * 15, end: s * 15 + len * 15 }))), { maxLength: 3 }));
const lessonsPerPeriod = fc.dictionary(fc.constantFrom('p1', 'p2'), fc.array(weekly, { maxLength: 5 }));
const arbitraryInput = fc
  .record({
    coaches: fc.uniqueArray(fc.constantFrom('anna', 'bram', 'chris'), { minLength: 1, maxLength: 3 }),
    classes: fc.array(fc.record({ lessons: lessonsPerPeriod, plannedIn: fc.subarray(['p1', 'p2']), coach: fc.nat() }), { maxLength: 6 }),
    coachLessons: fc.array(lessonsPerPeriod, { minLength: 3, maxLength: 3 }),
    coachBusy: fc.array(busy, { minLength: 3, maxLength: 3 }),
    durationMinutes: fc.constantFrom(30, 45, 60, 90),
    today: fc.constantFrom('2027-01-25', '2027-02-03', '2027-04-20'),
    searchDays: fc.integer({ min: 1, max: 10 }),
  })
  .map((r): ClassProposalInput =>
    base({
      today: r.today,
      durationMinutes: r.durationMinutes,
      searchDays: r.searchDays,
      coaches: Object.fromEntries(r.coaches.map((id, i) => [id, { lessons: r.coachLessons[i]!, busy: r.coachBusy[i]! }])),
      classes: r.classes.map((k, i) => ({ id: `class-${i}`, coachId: r.coaches[k.coach % r.coaches.length]!, lessons: k.lessons, plannedIn: k.plannedIn })),
    }),
  );

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

describe('proposeClassSessions, properties', () => {
  it('never overlaps a lesson of the class or of the coach, the coach’s sessions or another proposal of the coach; stays inside the period, after today', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const out = proposeClassSessions(input);
        const slots = out.flatMap((p) => (p.kind === 'slot' ? [p] : []));
        for (const p of slots) {
          const klass = input.classes.find((k) => k.id === p.classId)!;
          const coach = input.coaches[klass.coachId]!;
          const period = input.periods.find((x) => x.id === p.periodId)!;
          const slot = { start: p.start, end: p.start + input.durationMinutes };
          const weekday = weekdayOf(p.date);
          expect(p.date > input.today && p.date >= period.firstDate && p.date <= period.lastDate && weekday <= 5).toBe(true);
          expect(slot.start >= input.dayStart && slot.end <= input.dayEnd).toBe(true);
          expect((klass.lessons[p.periodId] ?? []).some((l) => l.weekday === weekday && overlaps(l, slot))).toBe(false);
          expect((coach.lessons[p.periodId] ?? []).some((l) => l.weekday === weekday && overlaps(l, slot))).toBe(false);
          expect((coach.busy[p.date] ?? []).some((b) => overlaps(b, slot))).toBe(false);
          for (const other of slots)
            if (other !== p && other.date === p.date && input.classes.find((k) => k.id === other.classId)!.coachId === klass.coachId)
              expect(overlaps(slot, { start: other.start, end: other.start + input.durationMinutes })).toBe(false);
          // "Next to the lesson" is true: the lesson named ends at the start or starts at the end (or a quarter from it).
          if (p.reason.code === 'afterClassLesson') expect(p.start - m(p.reason.time)).toBeLessThanOrEqual(15);
          if (p.reason.code === 'beforeClassLesson') expect(m(p.reason.time) - slot.end).toBeLessThanOrEqual(15);
        }
      }),
      { seed: 2127, numRuns: 300 },
    );
  });

  it('every class once per period; a lone class gets a slot whenever a free time exists in the searched days', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const out = proposeClassSessions(input);
        expect(out.map((p) => `${p.periodId} ${p.classId}`)).toEqual(input.periods.flatMap((p) => input.classes.map((k) => `${p.id} ${k.id}`)));
        for (const klass of input.classes) {
          const alone = proposeClassSessions({ ...input, classes: [klass] });
          for (const period of input.periods) {
            const p = alone.find((x) => x.periodId === period.id)!;
            if (klass.plannedIn.includes(period.id)) {
              expect(p.kind).toBe('alreadyPlanned');
              continue;
            }
            const lessons = klass.lessons[period.id];
            const campusDays = new Set((lessons ?? []).filter((l) => l.campus).map((l) => l.weekday));
            const dates = proposalDates(period, input.today, input.searchDays).filter((d) => campusDays.size === 0 || campusDays.has(weekdayOf(d)));
            const exists = dates.some((d) => {
              for (let s = 8 * 60 + 30; s + input.durationMinutes <= 18 * 60; s += 15) if (isFreeForClass(input, klass, period.id, d, s)) return true;
              return false;
            });
            expect(p.kind).toBe(exists ? 'slot' : 'none');
          }
        }
      }),
      { seed: 21, numRuns: 150 },
    );
  });

  it('is deterministic: the same input gives the same proposals', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        expect(proposeClassSessions(structuredClone(input))).toEqual(proposeClassSessions(input));
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
