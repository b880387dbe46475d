import { describe, expect, it } from 'vitest';
import { pairSessions } from './pair-sessions.js';

const at = (day: number) => new Date(Date.UTC(2026, 9, day, 10));
const t = (day: number) => ({ startsAt: at(day) });
const s = (id: string, day: number) => ({ id, startsAt: at(day) });

describe('pairSessions', () => {
  it('keeps sessions already at a planned time, drops the surplus, creates what is missing', () => {
    // Fortnightly 7, 21 Oct and 4 Nov (35 Oct) become four-weekly 7 Oct and 4 Nov: 21 Oct is dropped, nothing moves.
    expect(pairSessions([t(7), t(35)], [s('a', 7), s('b', 21), s('c', 35)])).toEqual([
      { existing: 'a', target: t(7) },
      { existing: 'c', target: t(35) },
      { existing: 'b', target: null },
    ]);
    expect(pairSessions([t(7), t(14)], [s('a', 7)])).toEqual([{ existing: 'a', target: t(7) }, { existing: null, target: t(14) }]);
  });

  it('a changed slot moves the sessions in time order', () => {
    expect(pairSessions([t(8), t(22)], [s('a', 7), s('b', 21), s('c', 35)])).toEqual([
      { existing: 'a', target: t(8) },
      { existing: 'b', target: t(22) },
      { existing: 'c', target: null },
    ]);
    expect(pairSessions([], [])).toEqual([]);
  });
});
