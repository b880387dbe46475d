import { describe, expect, it } from 'vitest';
import { KIND_CONFLICT, KIND_EXTRA_TRIP, KIND_ONLINE, KIND_WAIT, memberCost, packedMemberCost, type DayInterval, type MemberCostKind } from './member-cost.js';
import { clockToMinutes } from './time.js';

const rules = { adjacencyMarginMinutes: 30, extraTripCost: 240, conflictCost: 1000 };
const at = (day: string): number => clockToMinutes(day);
const cls = (start: string, end: string, location: string | null = 'AMS'): DayInterval<string> => ({
  start: at(start),
  end: at(end),
  location,
});

type Case = { name: string; busy: DayInterval<string>[]; start: string; location: string; cost: number; kind: MemberCostKind };

// Session length 90 minutes throughout.
const cases: Case[] = [
  { name: 'rule 1: overlaps a class', busy: [cls('09:00', '10:30')], start: '10:00', location: 'AMS', cost: 1000, kind: 'conflict' },
  { name: 'rule 1: overlap at another location still conflicts', busy: [cls('09:00', '10:30', 'DIE')], start: '10:00', location: 'AMS', cost: 1000, kind: 'conflict' },
  { name: 'rule 1: off-campus block conflicts', busy: [cls('12:00', '13:00', null)], start: '11:00', location: 'AMS', cost: 1000, kind: 'conflict' },
  { name: 'rule 1 beats rule 2', busy: [cls('09:00', '10:30', 'DIE')], start: '09:30', location: 'AMS', cost: 1000, kind: 'conflict' },
  { name: 'rule 1: session contains a class', busy: [cls('10:00', '10:30')], start: '09:30', location: 'AMS', cost: 1000, kind: 'conflict' },
  { name: 'half-open: class ends when session starts', busy: [cls('09:00', '10:30')], start: '10:30', location: 'AMS', cost: 0, kind: 'wait' },
  { name: 'half-open: session ends when class starts', busy: [cls('12:00', '13:00')], start: '10:30', location: 'AMS', cost: 0, kind: 'wait' },
  { name: 'rule 2: no class that day', busy: [], start: '10:30', location: 'AMS', cost: 240, kind: 'extra-trip' },
  { name: 'rule 2: classes only at the other campus', busy: [cls('09:00', '10:30', 'DIE')], start: '10:30', location: 'AMS', cost: 240, kind: 'extra-trip' },
  { name: 'rule 2: only an off-campus block', busy: [cls('08:00', '09:00', null)], start: '10:30', location: 'AMS', cost: 240, kind: 'extra-trip' },
  { name: 'rule 3: gap equal to the margin is free', busy: [cls('09:00', '10:00')], start: '10:30', location: 'AMS', cost: 0, kind: 'wait' },
  { name: 'rule 3: one minute beyond the margin', busy: [cls('09:00', '09:59')], start: '10:30', location: 'AMS', cost: 1, kind: 'wait' },
  { name: 'rule 3: gap after the session', busy: [cls('14:00', '15:00')], start: '11:00', location: 'AMS', cost: 60, kind: 'wait' },
  { name: 'rule 3: smallest gap counts', busy: [cls('08:30', '09:00'), cls('13:00', '14:00')], start: '11:00', location: 'AMS', cost: 0, kind: 'wait' },
  { name: 'rule 3: only classes at the session location count', busy: [cls('08:30', '10:30', 'DIE'), cls('14:00', '15:00')], start: '11:00', location: 'AMS', cost: 60, kind: 'wait' },
  { name: 'multi-location day: nearest at the other campus ignored', busy: [cls('09:00', '10:30', 'AMS'), cls('12:30', '13:00', 'DIE')], start: '11:00', location: 'DIE', cost: 0, kind: 'wait' },
];

describe('member cost (FORMAT.md rules 1–3)', () => {
  it.each(cases)('$name', ({ busy, start, location, cost, kind }) => {
    const s = at(start);
    expect(memberCost(busy, s, s + 90, location, rules)).toEqual({ cost, kind });
  });

  it.each(cases)('packed variant agrees: $name', ({ busy, start, location, cost, kind }) => {
    const locIndex = (l: string | null): number => (l === null ? -1 : l === 'AMS' ? 0 : 1);
    const starts = Int32Array.from(busy.map((b) => b.start));
    const ends = Int32Array.from(busy.map((b) => b.end));
    const locs = Int32Array.from(busy.map((b) => locIndex(b.location)));
    const s = at(start);
    const packed = packedMemberCost(starts, ends, locs, 0, busy.length, s, s + 90, locIndex(location), rules);
    const code = { wait: KIND_WAIT, 'extra-trip': KIND_EXTRA_TRIP, conflict: KIND_CONFLICT, online: KIND_ONLINE }[kind];
    expect(packed).toBe(cost * 4 + code);
  });

  it('a margin of zero charges every waiting minute', () => {
    const s = at('11:00');
    expect(memberCost([cls('09:00', '10:45')], s, s + 90, 'AMS', { ...rules, adjacencyMarginMinutes: 0 })).toEqual({ cost: 15, kind: 'wait' });
  });

  it('an online community: no trip and no waiting, only a clash with a class counts', () => {
    const busy: DayInterval<string>[] = [{ start: at('09:00'), end: at('10:30'), location: 'AMS' }];
    // Far from the class, at another location: on campus this is an extra trip; online it costs nothing.
    expect(memberCost(busy, at('15:00'), at('16:30'), 'RDM', rules)).toEqual({ cost: rules.extraTripCost, kind: 'extra-trip' });
    expect(memberCost(busy, at('15:00'), at('16:30'), 'RDM', rules, true)).toEqual({ cost: 0, kind: 'online' });
    expect(memberCost(busy, at('10:00'), at('11:30'), 'RDM', rules, true)).toEqual({ cost: rules.conflictCost, kind: 'conflict' });
    const packed = packedMemberCost(Int32Array.of(at('09:00')), Int32Array.of(at('10:30')), Int32Array.of(0), 0, 1, at('15:00'), at('16:30'), 1, rules, true);
    expect(packed).toBe(KIND_ONLINE);
  });
});
