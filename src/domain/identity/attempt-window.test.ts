import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountSubject, addressSubject, isAllowed, retryAfterSeconds, slidingEstimate, windowAt } from './attempt-window';

const W = 15 * 60_000;
const START = new Date('2026-10-05T10:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

describe('windowAt', () => {
  it('aligns windows to the epoch, so every instance agrees', () => {
    const w = windowAt(new Date('2026-10-05T10:07:30Z'), W);
    expect(w.start.toISOString()).toBe('2026-10-05T10:00:00.000Z');
    expect(w.previousStart.toISOString()).toBe('2026-10-05T09:45:00.000Z');
    expect(w.end.toISOString()).toBe('2026-10-05T10:15:00.000Z');
  });
});

describe('slidingEstimate', () => {
  it.each([
    { elapsed: 0, previous: 10, current: 1, estimate: 11 },
    { elapsed: W / 2, previous: 10, current: 1, estimate: 6 },
    { elapsed: W - 1, previous: 10, current: 3, estimate: 3 + 10 / W },
  ])('weights the previous window by its overlap ($elapsed ms in)', ({ elapsed, previous, current, estimate }) => {
    expect(slidingEstimate({ current, previous, windowMs: W, now: at(elapsed) })).toBeCloseTo(estimate, 9);
  });
});

describe('isAllowed', () => {
  it('allows a count exactly at the limit, whatever the rounding of the overlap', () => {
    // 33 × (1 − ⅔) + 1 is 12.000000000000002 in floating point; in milliseconds it is exactly 12.
    expect(isAllowed({ current: 1, previous: 33, max: 12, windowMs: W, now: at((2 * W) / 3) })).toBe(true);
    expect(isAllowed({ current: 1, previous: 33, max: 12, windowMs: W, now: at((2 * W) / 3 - 1) })).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    // Over the limit within this window alone: wait for the next window, then for its weight.
    { name: 'a full current window at its start', current: 15, previous: 0, elapsed: 0, seconds: 15 * 60 + ((15 - 14) * 15 * 60) / 15 },
    // Room in this window, but the previous one still weighs too much.
    { name: 'a heavy previous window', current: 0, previous: 20, elapsed: 0, seconds: ((20 - 14) * 15 * 60) / 20 },
    // Exactly at the limit once the previous window's weight is down to a third: 33 × ⅓ + 1 = 12.
    { name: 'a count that lands exactly on the limit', current: 33, previous: 0, elapsed: 0, max: 12, seconds: 15 * 60 + (2 / 3) * 15 * 60 },
  ])('$name', ({ current, previous, elapsed, seconds, max = 15 }) => {
    expect(retryAfterSeconds({ current, previous, max, windowMs: W, now: at(elapsed) })).toBe(seconds);
  });

  it('is never less than a second', () => {
    expect(retryAfterSeconds({ current: 0, previous: 15, max: 15, windowMs: W, now: at(W - 1) })).toBe(1);
  });

  it('names a moment at which one more attempt is allowed, and no earlier whole second is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: W - 1 }),
        (max, current, previous, elapsed) => {
          const now = at(elapsed);
          const count = { current, previous, max, windowMs: W };
          fc.pre(!isAllowed({ ...count, current: current + 1, now }));
          const wait = retryAfterSeconds({ ...count, now });
          // One more attempt at `when`: windows passed meanwhile turn this window's hits into the
          // previous ones (one window on) or into nothing (two or more).
          const attemptAt = (when: Date) => {
            const windows = (windowAt(when, W).start.getTime() - windowAt(now, W).start.getTime()) / W;
            const then = windows === 0 ? { current: current + 1, previous } : { current: 1, previous: windows === 1 ? current : 0 };
            return isAllowed({ ...count, ...then, now: when });
          };
          expect(attemptAt(new Date(now.getTime() + wait * 1000))).toBe(true);
          if (wait > 1) expect(attemptAt(new Date(now.getTime() + (wait - 1) * 1000 - 1))).toBe(false);
        },
      ),
    );
  });
});

describe('addressSubject', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['0:0:0:0:0:ffff:c633:6407', '198.51.100.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not an address', 'not an address'],
  ])('%s → %s', (ip, subject) => {
    expect(addressSubject(ip)).toBe(subject);
  });
});

describe('accountSubject', () => {
  it('compares e-mail addresses as sign-in does: trimmed, any case', () => {
    expect(accountSubject('  Ada@Example.TEST ')).toBe('ada@example.test');
  });
});
