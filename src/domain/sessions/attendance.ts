/** Attendance rules: the statuses, the edit window, streaks of missed sessions and trends. */
export const ATTENDANCE_STATUSES = ['present', 'late', 'absentWithNotice', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A coach can correct attendance for 7 days after the session started. */
export const ATTENDANCE_EDIT_DAYS = 7;
/** Marking opens an hour before the session (people arrive early). */
const OPENS_BEFORE_MS = 60 * 60_000;

export type EditWindow = 'notYet' | 'open' | 'closed';

export function attendanceWindow(startsAt: Date, now: Date): EditWindow {
  if (now.getTime() < startsAt.getTime() - OPENS_BEFORE_MS) return 'notYet';
  if (now.getTime() > startsAt.getTime() + ATTENDANCE_EDIT_DAYS * 86_400_000) return 'closed';
  return 'open';
}

export const isMissed = (status: AttendanceStatus): boolean => status === 'absent' || status === 'absentWithNotice';

/** Sessions missed in a row at the end of a chronological list (unmarked sessions are skipped). */
export function trailingMissed(statuses: readonly (AttendanceStatus | null)[]): number {
  let n = 0;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i];
    if (s === null || s === undefined) continue;
    if (!isMissed(s)) break;
    n++;
  }
  return n;
}

/** Three missed sessions in a row is an early signal to the coach and the coordinator. */
export const MISSED_IN_A_ROW_SIGNAL = 3;

/** Share of people present or late, 0–1, or null when nobody was marked. */
export function attendanceRate(statuses: readonly AttendanceStatus[]): number | null {
  if (statuses.length === 0) return null;
  return statuses.filter((s) => !isMissed(s)).length / statuses.length;
}

/**
 * Direction of a series of rates: the mean of the last three against the three before
 * ('down' when it fell by more than 10 percentage points).
 */
export function trendOf(rates: readonly number[]): 'up' | 'down' | 'steady' | 'unknown' {
  if (rates.length < 4) return 'unknown';
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const recent = mean(rates.slice(-3));
  const before = mean(rates.slice(-6, -3));
  if (recent - before > 0.1) return 'up';
  if (before - recent > 0.1) return 'down';
  return 'steady';
}
