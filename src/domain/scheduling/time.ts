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
  // Fast path for the common "HH:MM" without a regex (this runs for every busy block).
  if (text.length === 5 && text.charCodeAt(2) === 58) {
    const h1 = text.charCodeAt(0) - 48;
    const h2 = text.charCodeAt(1) - 48;
    const m1 = text.charCodeAt(3) - 48;
    const m2 = text.charCodeAt(4) - 48;
    if (h1 >= 0 && h1 <= 2 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9) {
      const minutes = (h1 * 10 + h2) * 60 + m1 * 10 + m2;
      if (minutes <= 24 * 60) return minutes;
    }
  }
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
