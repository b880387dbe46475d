import { describe, expect, it } from 'vitest';
import { capacityProblem, continuityOf, endingKind, endingsOf, type Membership } from './continuity';

const NO_ENDINGS = { finished: 0, stoppedAfterFirstPhase: 0, switchedProgramme: 0, droppedOut: 0 };

const d = (day: number) => new Date(Date.UTC(2026, 8, 1 + day));
const member = (personId: string, reason: string, joinedDay: number, leftDay: number | null = null): Membership => ({
  personId,
  reason,
  joinedOn: d(joinedDay),
  leftOn: leftDay === null ? null : d(leftDay),
});

describe('continuity', () => {
  it('is complete for a community that kept its coach and members', () => {
    expect(
      continuityOf({ start: d(0), now: d(100), coachPeriods: [{ coachId: 'a', from: d(0), to: null }], memberships: [member('x', 'initial', 0)] }),
    ).toEqual({ originalCoachShare: 1, originalMembersShare: 1, coachChanges: 0, basis: 'time', sessionsHeld: 0, endings: NO_ENDINGS });
  });

  it('before any session: the share of the lifetime the original coach led, and the original members still there', () => {
    const result = continuityOf({
      start: d(0),
      now: d(100),
      coachPeriods: [
        { coachId: 'b', from: d(60), to: null },
        { coachId: 'a', from: d(0), to: d(60) },
      ],
      memberships: [
        member('x', 'initial', 0),
        member('y', 'added', 3, 70), // placed by hand in the first two weeks: original
        member('z', 'added', 40), // joined later: not original
        member('w', 'initial', 0),
        member('v', 'moved', 1), // moved in from another community: not original
        member('u', 'added', 10),
      ],
    });
    expect(result.originalCoachShare).toBeCloseTo(0.6);
    expect(result.originalMembersShare).toBeCloseTo(0.75);
    expect(result).toMatchObject({ coachChanges: 1, basis: 'time', sessionsHeld: 0 });
  });

  it('with sessions: the share of the sessions held that the original coach led', () => {
    const result = continuityOf({
      start: d(0),
      now: d(100),
      coachPeriods: [
        { coachId: 'a', from: d(0), to: d(50) },
        { coachId: 'b', from: d(50), to: null },
      ],
      memberships: [member('x', 'added', 5), member('y', 'added', 20)],
      sessions: [
        { at: d(10), leaderId: null }, // a, by the coach period
        { at: d(24), leaderId: 'a' },
        { at: d(38), leaderId: 'senior' }, // a stand-in led this one
        { at: d(52), leaderId: null }, // b
        { at: d(130), leaderId: null }, // planned, not held yet
      ],
    });
    expect(result.originalCoachShare).toBeCloseTo(0.5);
    expect(result).toMatchObject({ basis: 'sessions', sessionsHeld: 4 });
    // Original members: placed before the first session (day 10); y came later.
    expect(result.originalMembersShare).toBe(1);
  });

  it('has no figure without history', () => {
    expect(continuityOf({ start: d(0), now: d(1), coachPeriods: [], memberships: [] })).toEqual({
      originalCoachShare: null,
      originalMembersShare: null,
      coachChanges: 0,
      basis: 'time',
      sessionsHeld: 0,
      endings: NO_ENDINGS,
    });
  });

  it('counts regular endings apart from dropping out; a move is no ending, and each person once', () => {
    const m = (personId: string, leftReason: string | null, left: number | null) => ({ personId, joinedOn: d(0), reason: 'initial', leftOn: left === null ? null : d(left), leftReason });
    expect(
      endingsOf([
        m('a', 'finished', 300),
        m('b', 'stoppedAfterFirstPhase', 100),
        m('c', 'switchedProgramme', 50),
        m('d', 'stopped', 20),
        m('e', 'notStarted', 5),
        // Moved to another community and still there: no ending.
        m('f', 'moved', 30),
        { ...m('f', null, null), reason: 'moved' },
        // Stopped, then came back: taking part, no ending.
        m('g', 'stopped', 10),
        { ...m('g', null, null), reason: 'added' },
      ]),
    ).toEqual({ finished: 1, stoppedAfterFirstPhase: 1, switchedProgramme: 1, droppedOut: 2 });
    expect(endingKind('moved')).toBeNull();
    expect(endingKind('handover')).toBeNull();
  });

  it('refuses a full community unless overridden', () => {
    expect(capacityProblem(7, 8, false)).toBeNull();
    expect(capacityProblem(8, 8, false)).toBe('full');
    expect(capacityProblem(8, 8, true)).toBeNull();
  });
});
