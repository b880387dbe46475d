import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intakeYearDates, isCommonFree, proposeRoundTimes, ROUND_GRID_MINUTES, type BusyInterval, type RoundInput, type RoundProposal } from './round-proposals';

const h = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
const DAYS = ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const week = DAYS.map((date) => ({ date, earliest: 0 }));
const lesson = (start: string, end: string): BusyInterval => ({ start: h(start), end: h(end), campus: true });

function input(over: Partial<RoundInput> = {}): RoundInput {
  return { days: week, dayStart: h('08:30'), dayEnd: h('18:00'), durationMinutes: 30, breakMinutes: 5, coach: { busy: {}, availability: null }, coachees: [], ...over };
}
const slot = (p: RoundProposal | undefined) => {
  if (p?.kind !== 'slot') throw new Error(`expected a slot, got ${JSON.stringify(p)}`);
  return p;
};

describe('proposeRoundTimes', () => {
  it('proposes the time right after the coachee’s lesson on a campus day, with the lesson’s end as reason', () => {
    const [p] = proposeRoundTimes(input({ coachees: [{ id: 'a', hasTimetable: true, busy: { '2027-02-10': [lesson('08:30', '13:15')] } }] }));
    expect(slot(p)).toMatchObject({ date: '2027-02-10', startTime: '13:15', mode: 'onCampus', reason: { code: 'afterLesson', time: '13:15' } });
  });

  it('proposes right before a lesson when the time after it is taken by the coach', () => {
    const [p] = proposeRoundTimes(
      input({
        coach: { busy: { '2027-02-10': [{ start: h('08:30'), end: h('10:00') }, { start: h('15:00'), end: h('18:00') }] }, availability: null },
        coachees: [{ id: 'a', hasTimetable: true, busy: { '2027-02-10': [lesson('11:00', '15:00')] } }],
      }),
    );
    expect(slot(p)).toMatchObject({ date: '2027-02-10', startTime: '10:30', reason: { code: 'beforeLesson', time: '11:00' } });
  });

  it('proposes an online conversation to a coachee without lessons that week', () => {
    const [p] = proposeRoundTimes(input({ coachees: [{ id: 'a', hasTimetable: true, busy: {} }] }));
    expect(slot(p)).toMatchObject({ mode: 'online', reason: { code: 'noLessonsOnline' } });
  });

  it('keeps to the coach’s stated availability', () => {
    const [p] = proposeRoundTimes(input({ coach: { busy: {}, availability: { '2027-02-11': [{ start: h('14:00'), end: h('16:00') }] } }, coachees: [{ id: 'a', hasTimetable: false, busy: {} }] }));
    expect(slot(p)).toMatchObject({ date: '2027-02-11', startTime: '14:00', mode: 'onCampus', reason: { code: 'noTimetable' } });
  });

  it('says so when there is no common free time', () => {
    const full = Object.fromEntries(DAYS.map((d) => [d, [{ start: h('08:00'), end: h('18:00') }]]));
    const result = proposeRoundTimes(input({ coach: { busy: full, availability: null }, coachees: [{ id: 'a', hasTimetable: true, busy: {} }] }));
    expect(result).toEqual([{ coacheeId: 'a', kind: 'none' }]);
  });

  it('gives two coachees with the same lesson end different times, the break between them', () => {
    const busy = { '2027-02-09': [lesson('09:00', '12:00')] };
    const [a, b] = proposeRoundTimes(input({ coachees: [{ id: 'a', hasTimetable: true, busy }, { id: 'b', hasTimetable: true, busy }] }));
    expect(slot(a)).toMatchObject({ date: '2027-02-09', startTime: '08:30', reason: { code: 'beforeLesson', time: '09:00' } });
    expect(slot(b)).toMatchObject({ date: '2027-02-09', startTime: '12:00', reason: { code: 'afterLesson', time: '12:00' } });
  });

  it('starts no conversation before the earliest minute of a day (today, after now)', () => {
    const [p] = proposeRoundTimes(input({ days: [{ date: '2027-02-08', earliest: h('16:50') }], coachees: [{ id: 'a', hasTimetable: false, busy: {} }] }));
    expect(slot(p).startTime).toBe('17:00');
  });
});

describe('intakeYearDates', () => {
  it('runs a February intake from February to January', () => {
    expect(intakeYearDates('2026-2027', 'february')).toEqual({ from: '2027-02-01', to: '2028-01-31' });
    expect(intakeYearDates('2026-2027', 'september')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
  });
});

const interval = fc.tuple(fc.integer({ min: 8 * 4, max: 18 * 4 }), fc.integer({ min: 1, max: 16 })).map(([q, len]) => ({ start: q * 15, end: Math.min(q * 15 + len * 15, 19 * 60) }));
const busyOfWeek = fc.dictionary(fc.constantFrom(...DAYS), fc.array(interval, { maxLength: 4 }));
const arbitraryInput = fc
  .record({
    coachBusy: busyOfWeek,
    availability: fc.option(fc.dictionary(fc.constantFrom(...DAYS), fc.array(interval, { maxLength: 3 })), { nil: null }),
    coachees: fc.array(fc.record({ busy: fc.dictionary(fc.constantFrom(...DAYS), fc.array(fc.record({ start: fc.constant(0), end: fc.constant(0), campus: fc.boolean() }).chain((b) => interval.map((i) => ({ ...i, campus: b.campus }))), { maxLength: 4 })), hasTimetable: fc.boolean() }), { maxLength: 9 }),
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
    breakMinutes: fc.constantFrom(0, 5, 10, 15),
    earliest: fc.integer({ min: 0, max: 20 * 60 }),
  })
  .map(
    (r): RoundInput => ({
      days: DAYS.map((date, i) => ({ date, earliest: i === 0 ? r.earliest : 0 })),
      dayStart: h('08:30'),
      dayEnd: h('18:00'),
      durationMinutes: r.durationMinutes,
      breakMinutes: r.breakMinutes,
      coach: { busy: r.coachBusy, availability: r.availability },
      coachees: r.coachees.map((c, i) => ({ id: `c${i}`, ...c })),
    }),
  );

describe('proposeRoundTimes (properties)', () => {
  it('proposes every coachee once, within the week and the day, free of lessons, the coach’s time and each other', () => {
    fc.assert(
      fc.property(arbitraryInput, (inp) => {
        const result = proposeRoundTimes(inp);
        expect(result.map((p) => p.coacheeId)).toEqual(inp.coachees.map((c) => c.id));
        const slots = result.filter((p) => p.kind === 'slot');
        for (const p of slots) {
          const coachee = inp.coachees.find((c) => c.id === p.coacheeId)!;
          expect(isCommonFree(inp, coachee, p.date, p.start)).toBe(true);
          expect(DAYS).toContain(p.date);
        }
        for (const [i, a] of slots.entries())
          for (const b of slots.slice(i + 1)) {
            if (a.date !== b.date) continue;
            const apart = a.start + inp.durationMinutes + inp.breakMinutes <= b.start || b.start + inp.durationMinutes + inp.breakMinutes <= a.start;
            expect(apart).toBe(true);
          }
      }),
    );
  });

  it('answers "no common free time" only when every start on the grid is busy for the pair or taken by another proposal', () => {
    fc.assert(
      fc.property(arbitraryInput, (inp) => {
        const result = proposeRoundTimes(inp);
        const slots = result.filter((p) => p.kind === 'slot');
        for (const p of result.filter((x) => x.kind === 'none')) {
          const coachee = inp.coachees.find((c) => c.id === p.coacheeId)!;
          for (const day of inp.days)
            for (let s = 0; s < 24 * 60; s += ROUND_GRID_MINUTES) {
              if (!isCommonFree(inp, coachee, day.date, s)) continue;
              const blocked = slots.some((o) => o.date === day.date && o.start - inp.breakMinutes < s + inp.durationMinutes && s < o.start + inp.durationMinutes + inp.breakMinutes);
              expect(blocked).toBe(true);
            }
        }
      }),
    );
  });

  it('places a single coachee whenever the pair has a free time in the week', () => {
    fc.assert(
      fc.property(arbitraryInput, (inp) => {
        const one = { ...inp, coachees: inp.coachees.slice(0, 1) };
        const [coachee] = one.coachees;
        if (!coachee) return;
        const free = one.days.some((d) => Array.from({ length: 96 }, (_, i) => i * 15).some((s) => isCommonFree(one, coachee, d.date, s)));
        expect(proposeRoundTimes(one)[0]!.kind).toBe(free ? 'slot' : 'none');
      }),
    );
  });
});
