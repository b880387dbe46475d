import { describe, expect, it } from 'vitest';
import { capacityProblem, continuityOf } from './continuity';

const d = (day: number) => new Date(Date.UTC(2026, 8, 1 + day));

describe('continuity', () => {
  it('is complete for a community that kept its coach and members', () => {
    expect(
      continuityOf({
        start: d(0),
        now: d(100),
        coachPeriods: [{ coachId: 'a', from: d(0), to: null }],
        memberships: [{ personId: 'x', initial: true, leftOn: null }],
      }),
    ).toEqual({ originalCoachShare: 1, originalMembersShare: 1, coachChanges: 0 });
  });

  it('counts the share of the lifetime the original coach led, and the original members still there', () => {
    const result = continuityOf({
      start: d(0),
      now: d(100),
      coachPeriods: [
        { coachId: 'b', from: d(60), to: null },
        { coachId: 'a', from: d(0), to: d(60) },
      ],
      memberships: [
        { personId: 'x', initial: true, leftOn: null },
        { personId: 'y', initial: true, leftOn: d(70) },
        { personId: 'z', initial: false, leftOn: null },
        { personId: 'w', initial: true, leftOn: null },
        { personId: 'v', initial: true, leftOn: null },
      ],
    });
    expect(result.originalCoachShare).toBeCloseTo(0.6);
    expect(result.originalMembersShare).toBeCloseTo(0.75);
    expect(result.coachChanges).toBe(1);
  });

  it('has no figure without history', () => {
    expect(continuityOf({ start: d(0), now: d(1), coachPeriods: [], memberships: [] })).toEqual({
      originalCoachShare: null,
      originalMembersShare: null,
      coachChanges: 0,
    });
  });

  it('refuses a full community unless overridden', () => {
    expect(capacityProblem(7, 8, false)).toBeNull();
    expect(capacityProblem(8, 8, false)).toBe('full');
    expect(capacityProblem(8, 8, true)).toBeNull();
  });
});
