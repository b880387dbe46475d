/** "HH:MM" clock times as minutes since midnight: integers keep the cost arithmetic exact. */
export type Minutes = number;

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses "HH:MM" (00:00–24:00); returns null for anything else so callers can report where. */
export function parseClock(text: string): Minutes | null {
  const match = CLOCK.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** Like {@link parseClock} but for already-validated input. */
export function clockToMinutes(text: string): Minutes {
  const minutes = parseClock(text);
  if (minutes === null) throw new Error(`invalid clock time "${text}"`);
  return minutes;
}

/** Formats minutes since midnight as zero-padded "HH:MM", the format the solution file uses. */
export function minutesToClock(minutes: Minutes): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
