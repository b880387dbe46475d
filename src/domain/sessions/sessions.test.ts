import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceRate, attendanceWindow, trailingMissed, trendOf, type AttendanceStatus } from './attendance';
import { findGaps, generateYearPlan, inHoliday, plannedIntervalDays, type Holiday } from './year-plan';
import { addDays, weekdayOf, zonedParts, zonedToInstant } from './zoned-time';

describe('Amsterdam wall-clock time', () => {
  it.each([
    // Last Sunday of March 2026 is the 29th: 02:00 CET becomes 03:00 CEST.
    ['2026-03-28', '19:00', '2026-03-28T18:00:00.000Z'],
    ['2026-03-29', '19:00', '2026-03-29T17:00:00.000Z'],
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // does not exist: moves to 03:30 CEST
    // Last Sunday of October 2026 is the 25th: 03:00 CEST becomes 02:00 CET.
    ['2026-10-24', '15:30', '2026-10-24T13:30:00.000Z'],
    ['2026-10-25', '15:30', '2026-10-25T14:30:00.000Z'],
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'], // ambiguous: the first (CEST) one
    ['2027-01-12', '09:00', '2027-01-12T08:00:00.000Z'],
    ['2027-07-01', '09:00', '2027-07-01T07:00:00.000Z'],
  ])('%s %s in Amsterdam is %s', (date, time, iso) => {
    expect(zonedToInstant(date, time).toISOString()).toBe(iso);
  });

  it('reads an instant back as the same wall-clock time, on any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, h, m) => {
        // Skip the hour that does not exist in spring.
        const date = addDays('2024-01-01', day);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const parts = zonedParts(zonedToInstant(date, time));
        if (h === 2 && parts.time !== time) return parts.hour === 3;
        return parts.date === date && parts.time === time;
      }),
    );
  });
});

const CHRISTMAS: Holiday = { name: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' };
const AUTUMN: Holiday = { name: 'Herfstvakantie', from: '2026-10-17', to: '2026-10-25' };

describe('the year plan', () => {
  it.each([
    [1, 28],
    [2, 14],
    [3, 7],
    [4, 7],
  ])('%i sessions a month means every %i days', (perMonth, days) => {
    expect(plannedIntervalDays(perMonth)).toBe(days);
  });

  it('plans twice a month on Tuesdays at 15:30 Amsterdam time, across both clock changes', () => {
    const plan = generateYearPlan({
      firstDate: '2026-09-01',
      lastDate: '2027-06-30',
      weekday: 2,
      startTime: '15:30',
      durationMinutes: 90,
      sessionsPerMonth: 2,
      holidays: [AUTUMN, CHRISTMAS],
    });
    expect(plan[0]!.date).toBe('2026-09-01');
    for (const s of plan) {
      expect(weekdayOf(s.date)).toBe(2);
      expect(zonedParts(s.startsAt).time).toBe('15:30');
      expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(90 * 60_000);
      expect(inHoliday(s.date, [AUTUMN, CHRISTMAS])).toBe(false);
    }
    const september = plan.find((s) => s.date === '2026-09-15')!;
    expect(september.startsAt.toISOString()).toBe('2026-09-15T13:30:00.000Z');
    const november = plan.find((s) => s.date === '2026-11-10')!;
    expect(november.startsAt.toISOString()).toBe('2026-11-10T14:30:00.000Z');
    // 20 Oct falls in the autumn break: the session moves to the 27th and the series goes on.
    expect(plan.map((s) => s.date)).toContain('2026-10-27');
    expect(plan.map((s) => s.date)).not.toContain('2026-10-20');
    // After Christmas the series resumes in the first week back.
    expect(plan.map((s) => s.date)).toContain('2027-01-05');
    expect(findGaps({ sessionDates: plan.map((s) => s.date), periodStart: '2026-09-01', periodEnd: '2027-06-30', intervalDays: 14, holidays: [AUTUMN, CHRISTMAS] })).toEqual([]);
  });

  it('never places a session in a holiday, keeps weekday and time, and keeps at least the interval apart', () => {
    const holiday = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 20 }))
      .map(([start, len]): Holiday => ({ name: 'h', from: addDays('2026-09-01', start), to: addDays('2026-09-01', start + len) }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(holiday, { maxLength: 4 }),
        fc.constantFrom('08:30', '12:00', '15:30', '19:00'),
        (weekday, perMonth, holidays, time) => {
          const plan = generateYearPlan({ firstDate: '2026-09-01', lastDate: '2027-06-30', weekday, startTime: time, durationMinutes: 60, sessionsPerMonth: perMonth, holidays });
          const interval = plannedIntervalDays(perMonth);
          return plan.every(
            (s, i) =>
              !inHoliday(s.date, holidays) &&
              weekdayOf(s.date) === weekday &&
              zonedParts(s.startsAt).time === time &&
              (i === 0 || s.startsAt.getTime() - plan[i - 1]!.startsAt.getTime() >= (interval - 1) * 86_400_000),
          );
        },
      ),
    );
  });

  it('a plan without holidays has no gaps, and dropping any session in the middle of a fortnightly plan makes one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.nat(), (weekday, pick) => {
        const plan = generateYearPlan({ firstDate: '2026-09-01', lastDate: '2027-06-30', weekday, startTime: '10:00', durationMinutes: 60, sessionsPerMonth: 2, holidays: [] });
        const dates = plan.map((s) => s.date);
        const base = { periodStart: '2026-09-01', periodEnd: '2027-06-30', intervalDays: 14, holidays: [] };
        if (findGaps({ ...base, sessionDates: dates }).length !== 0) return false;
        const dropped = dates.filter((_, i) => i !== 1 + (pick % (dates.length - 2)));
        return findGaps({ ...base, sessionDates: dropped }).length === 1;
      }),
    );
  });

  it.each<[string, string[], string[]]>([
    ['no sessions after the Christmas break', ['2026-09-01', '2026-09-15', '2026-09-29', '2026-10-13', '2026-10-27', '2026-11-10', '2026-11-24', '2026-12-08'], ['end']],
    ['a month missing in the spring', ['2027-01-05', '2027-01-19', '2027-02-02', '2027-03-16', '2027-03-30', '2027-04-13', '2027-04-27', '2027-05-11', '2027-05-25', '2027-06-08', '2027-06-22'], ['start', 'between']],
    ['no sessions at all', [], ['start']],
  ])('flags %s', (_label, dates, kinds) => {
    const gaps = findGaps({ sessionDates: dates, periodStart: '2026-09-01', periodEnd: '2027-06-30', intervalDays: 14, holidays: [AUTUMN, CHRISTMAS] });
    expect(gaps.map((g) => g.kind)).toEqual(kinds);
  });
});

describe('attendance', () => {
  it.each<[string, (AttendanceStatus | null)[], number]>([
    ['nothing marked', [], 0],
    ['three absences', ['present', 'absent', 'absentWithNotice', 'absent'], 3],
    ['broken by a late arrival', ['absent', 'absent', 'late', 'absent'], 1],
    ['unmarked sessions do not break a streak', ['absent', null, 'absent', 'absent'], 3],
  ])('%s: %i missed in a row', (_l, statuses, n) => {
    expect(trailingMissed(statuses)).toBe(n);
  });

  it('opens marking an hour before and closes it 7 days after the start', () => {
    const start = new Date('2026-10-06T13:30:00Z');
    expect(attendanceWindow(start, new Date('2026-10-06T12:00:00Z'))).toBe('notYet');
    expect(attendanceWindow(start, new Date('2026-10-06T12:45:00Z'))).toBe('open');
    expect(attendanceWindow(start, new Date('2026-10-13T13:29:00Z'))).toBe('open');
    expect(attendanceWindow(start, new Date('2026-10-13T13:31:00Z'))).toBe('closed');
  });

  it('computes rates and trends', () => {
    expect(attendanceRate([])).toBeNull();
    expect(attendanceRate(['present', 'late', 'absent', 'absentWithNotice'])).toBe(0.5);
    expect(trendOf([1, 1, 1, 0.5, 0.5, 0.5])).toBe('down');
    expect(trendOf([0.5, 0.5, 0.5, 0.9, 0.9, 0.9])).toBe('up');
    expect(trendOf([0.8, 0.8, 0.8, 0.8])).toBe('steady');
    expect(trendOf([0.8])).toBe('unknown');
  });
});
