import { describe, expect, it } from 'vitest';
import { academicYearDates, academicYearOf, isAcademicYear, periodInstants, previousAcademicYear } from './periods';

describe('academic years', () => {
  it('runs from September to August', () => {
    expect(academicYearOf('2026-09-01')).toBe('2026-2027');
    expect(academicYearOf('2027-08-31')).toBe('2026-2027');
    expect(academicYearOf('2026-08-31')).toBe('2025-2026');
    expect(academicYearDates('2026-2027')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(previousAcademicYear('2026-2027')).toBe('2025-2026');
    expect(isAcademicYear('2026-2027')).toBe(true);
    expect(isAcademicYear('2026-2028')).toBe(false);
  });

  it('turns whole days into Amsterdam instants, the last day included', () => {
    const { from, to } = periodInstants('2026-09-01', '2026-09-30');
    expect(from.toISOString()).toBe('2026-08-31T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-09-30T22:00:00.000Z');
  });
});
