import { describe, expect, it } from 'vitest';
import { planRegrouping, sizesAfter, type RegroupMember } from './regroup';

const members = (communityId: string, n: number, classId: string | null = null, prefix = communityId): RegroupMember[] =>
  Array.from({ length: n }, (_, i) => ({ personId: `${prefix}-${i}`, communityId, classId, oneOnOnesOnly: false }));
const bounds = { min: 4, max: 7 };

describe('planRegrouping (warm start)', () => {
  it('keeps communities that still have the minimum intact', () => {
    const plan = planRegrouping([{ id: 'a', classId: null }, { id: 'b', classId: null }], [...members('a', 5), ...members('b', 4)], bounds);
    expect(plan.every((p) => p.to === p.from)).toBe(true);
  });

  it('moves members of a community below the minimum into communities with room, the same class first', () => {
    const plan = planRegrouping(
      [{ id: 'a', classId: 'x' }, { id: 'b', classId: 'y' }, { id: 'c', classId: 'y' }],
      [...members('a', 5, 'x'), ...members('b', 5, 'y'), ...members('c', 2, 'y')],
      bounds,
    );
    const moved = plan.filter((p) => p.to !== p.from);
    expect(moved.map((p) => p.to)).toEqual(['b', 'b']);
    expect(sizesAfter(plan).get('c')).toBeUndefined();
    expect(Math.max(...sizesAfter(plan).values())).toBeLessThanOrEqual(bounds.max);
  });

  it('merges small communities into the largest of them when the others have no room', () => {
    const plan = planRegrouping(
      [{ id: 'a', classId: null }, { id: 'b', classId: null }, { id: 'c', classId: null }],
      [...members('a', 7), ...members('b', 3), ...members('c', 2)],
      bounds,
    );
    const sizes = sizesAfter(plan);
    expect(sizes.get('a')).toBe(7);
    expect(sizes.get('b')).toBe(5);
    expect(sizes.get('c')).toBeUndefined();
  });

  it('leaves one-on-ones-only members with their coach, outside the counts', () => {
    const oneOnOne: RegroupMember = { personId: 'solo', communityId: 'b', classId: null, oneOnOnesOnly: true };
    const plan = planRegrouping([{ id: 'a', classId: null }, { id: 'b', classId: null }], [...members('a', 5), ...members('b', 1), oneOnOne], bounds);
    expect(plan.find((p) => p.personId === 'solo')).toEqual({ personId: 'solo', from: 'b', to: 'b', oneOnOne: true });
    expect(plan.find((p) => p.personId === 'b-0')?.to).toBe('a');
    expect(sizesAfter(plan).get('b')).toBeUndefined();
  });

  it('is deterministic', () => {
    const input = [...members('a', 4), ...members('b', 2), ...members('c', 3)];
    const cs = [{ id: 'c', classId: null }, { id: 'a', classId: null }, { id: 'b', classId: null }];
    expect(planRegrouping(cs, input, bounds)).toEqual(planRegrouping([...cs].reverse(), [...input].reverse(), bounds).sort((x, y) => input.findIndex((m) => m.personId === x.personId) - input.findIndex((m) => m.personId === y.personId)));
  });
});
