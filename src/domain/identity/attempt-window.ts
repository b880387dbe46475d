/**
 * Attempt limits as sliding windows over fixed-window counters (ADR 0002). Each key counts hits
 * per fixed window; the estimate for "the last window length" adds the current window's hits to
 * the previous window's, weighted by how much of the previous window still overlaps. That keeps
 * the count of two rows per key and avoids a fixed window's double burst at its boundary.
 */

export type AttemptWindow = { start: Date; previousStart: Date; end: Date };

/** The fixed window `now` falls in (aligned to the epoch, so every instance agrees). */
export function windowAt(now: Date, windowMs: number): AttemptWindow {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), previousStart: new Date(start - windowMs), end: new Date(start + windowMs) };
}

export type AttemptCount = {
  /** Hits in the current window, this attempt included. */
  current: number;
  /** Hits in the previous window. */
  previous: number;
  max: number;
  windowMs: number;
  now: Date;
};

/** The sliding estimate of attempts in the last `windowMs`, this one included. */
export function slidingEstimate({ current, previous, windowMs, now }: Omit<AttemptCount, 'max'>): number {
  const elapsed = (now.getTime() - windowAt(now, windowMs).start.getTime()) / windowMs;
  return previous * (1 - elapsed) + current;
}

/**
 * Whether the attempts fit the limit. Compared in whole milliseconds (the estimate times the
 * window length), so a count exactly at the limit is not refused by a rounding error of the
 * fraction: 33 × (1 − ⅔) + 1 is 12 here, not 12.000000000000002.
 */
export function isAllowed({ current, previous, max, windowMs, now }: AttemptCount): boolean {
  const elapsed = now.getTime() - windowAt(now, windowMs).start.getTime();
  return previous * (windowMs - elapsed) + current * windowMs <= max * windowMs;
}

/**
 * The first millisecond into a window at which `previous` hits of the window before, weighted
 * by their overlap, leave room for `room` more: previous × (windowMs − t) ≤ room × windowMs.
 */
function firstMomentWithRoom(previous: number, room: number, windowMs: number): number {
  return previous > 0 ? Math.max(0, windowMs - Math.floor((room * windowMs) / previous)) : 0;
}

/**
 * Seconds until one more attempt would be allowed, if none is made meanwhile (for
 * `Retry-After`), given the counts without the refused attempt. At least 1.
 */
export function retryAfterSeconds({ current, previous, max, windowMs, now }: AttemptCount): number {
  const elapsed = now.getTime() - windowAt(now, windowMs).start.getTime();
  const waitMs =
    current + 1 <= max
      ? // Still this window: wait until the previous window's weight has dropped far enough.
        firstMomentWithRoom(previous, max - current - 1, windowMs) - elapsed
      : // The next window, where this window's hits are the weighted "previous".
        windowMs - elapsed + firstMomentWithRoom(current, max - 1, windowMs);
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * The address an attempt is counted under: IPv4 as is (also when written as an IPv4-mapped IPv6
 * address), IPv6 by its /64 prefix — one household or server usually holds a whole /64, so
 * counting single IPv6 addresses would give an attacker 2^64 fresh ones.
 */
export function addressSubject(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  if (!address.includes(':')) return address;
  const groups = expandIpv6(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const low = groups.slice(6).map((g) => parseInt(g, 16));
    return low.flatMap((n) => [n >> 8, n & 0xff]).join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, each without leading zeros; null when malformed. */
function expandIpv6(address: string): string[] | null {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16).toString(16));
}

/** The account an attempt is counted under: the e-mail address as sign-in compares it. */
export const accountSubject = (email: string): string => email.trim().toLowerCase();
