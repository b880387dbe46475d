import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignCaseloads, overTarget } from './caseloads';

describe('assignCaseloads', () => {
  it('spreads students evenly, every student once', () => {
    const students = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const result = assignCaseloads(students, [
      { id: 'a', current: 0, target: 12 },
      { id: 'b', current: 0, target: 12 },
      { id: 'c', current: 0, target: 12 },
    ]);
    expect(result.size).toBe(10);
    const counts = ['a', 'b', 'c'].map((c) => [...result.values()].filter((v) => v === c).length);
    expect(counts.sort()).toEqual([3, 3, 4]);
  });

  it('fills the emptiest caseload first, counting who is already there', () => {
    const result = assignCaseloads(['s1', 's2', 's3'], [
      { id: 'a', current: 5, target: 6 },
      { id: 'b', current: 1, target: 6 },
    ]);
    expect([...result.values()]).toEqual(['b', 'b', 'b']);
  });

  it('follows each coach target: a coach with room for more gets more', () => {
    const students = Array.from({ length: 9 }, (_, i) => `s${i}`);
    const result = assignCaseloads(students, [
      { id: 'a', current: 0, target: 3 },
      { id: 'b', current: 0, target: 6 },
    ]);
    expect([...result.values()].filter((v) => v === 'b').length).toBe(6);
  });

  it('assigns nobody without coaches', () => {
    expect(assignCaseloads(['s1'], []).size).toBe(0);
  });

  it('never differs by more than one between coaches with equal targets and equal start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 }), (n, k) => {
        const students = Array.from({ length: n }, (_, i) => `s${i}`);
        const coaches = Array.from({ length: k }, (_, i) => ({ id: `c${i}`, current: 0, target: 10 }));
        const result = assignCaseloads(students, coaches);
        const counts = coaches.map((c) => [...result.values()].filter((v) => v === c.id).length);
        return result.size === n && Math.max(...counts) - Math.min(...counts) <= 1;
      }),
    );
  });
});

describe('overTarget', () => {
  it('counts students beyond the coaches room', () => {
    expect(overTarget(10, [{ id: 'a', current: 2, target: 5 }, { id: 'b', current: 0, target: 4 }])).toBe(3);
    expect(overTarget(3, [{ id: 'a', current: 0, target: 5 }])).toBe(0);
  });
});
