import { describe, expect, it } from 'vitest';
import { parseSchedulingInstance } from './instance.js';
import { buildInstance, unavailableBlocks } from './product-instance.js';

const grid = { days: ['mon', 'tue'], dayStart: '08:30', dayEnd: '21:00' };

describe('unavailableBlocks', () => {
  it('is the complement of the windows within the day', () => {
    expect(unavailableBlocks([{ day: 'mon', start: '12:00', end: '17:00' }], grid)).toEqual([
      { day: 'mon', start: '08:30', end: '12:00', location: null },
      { day: 'mon', start: '17:00', end: '21:00', location: null },
      { day: 'tue', start: '08:30', end: '21:00', location: null },
    ]);
  });
  it('merges overlapping windows and clips them to the day', () => {
    const windows = [
      { day: 'tue', start: '07:00', end: '11:00' },
      { day: 'tue', start: '10:00', end: '22:00' },
    ];
    expect(unavailableBlocks(windows, grid)).toEqual([{ day: 'mon', start: '08:30', end: '21:00', location: null }]);
  });
});

describe('buildInstance', () => {
  const busy = new Map([
    ['m1', [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS' }]],
    ['m2', [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS' }, { day: 'sat', start: '09:00', end: '10:00', location: 'AMS' }]],
    ['k1', [{ day: 'tue', start: '09:00', end: '12:00', location: 'DIE' }]],
  ]);
  const base = {
    name: 'test',
    locations: [
      { id: 'AMS', rooms: [{ capacity: 3 }, { capacity: 12 }] },
      { id: 'DIE', rooms: [{ capacity: 20 }] },
    ],
    busy,
    withTimetable: new Set(['m1', 'm2', 'k1']),
    availability: new Map(),
  };

  it('makes a valid FORMAT.md instance; rooms count only when the community fits', () => {
    const built = buildInstance({ ...base, communities: [{ id: 'c1', coachId: 'k1', memberIds: ['m1', 'm2', 'm3'] }] });
    const instance = parseSchedulingInstance(built.instance);
    expect(instance.locations).toEqual([{ id: 'AMS', rooms: 1 }, { id: 'DIE', rooms: 1 }]);
    expect(built.seatsNeeded).toBe(4);
    expect(instance.communities).toEqual([{ id: 'c1', coach: 'k1', members: ['m1', 'm2'] }]);
    expect(built.withoutTimetable).toEqual({ c1: ['m3'] });
    // Weekend classes are outside the grid.
    expect(instance.people.find((p) => p.id === 'm2')?.busy).toHaveLength(1);
  });

  it('reports communities without a coach or whose coach is never free, instead of failing', () => {
    const built = buildInstance({
      ...base,
      availability: new Map([['k2', []]]),
      communities: [
        { id: 'c1', coachId: null, memberIds: ['m1'] },
        { id: 'c2', coachId: 'k2', memberIds: ['m2'] },
        { id: 'c3', coachId: 'k1', memberIds: [] },
      ],
    });
    expect(built.excluded).toEqual([
      { community: 'c1', reason: 'NO_COACH' },
      { community: 'c2', reason: 'COACH_NEVER_AVAILABLE' },
      { community: 'c3', reason: 'NO_MEMBERS' },
    ]);
    expect(built.instance.communities).toEqual([]);
  });

  it('a coach with declared availability is busy outside it', () => {
    const built = buildInstance({ ...base, availability: new Map([['k1', [{ day: 'mon', start: '13:00', end: '17:00' }]]]), communities: [{ id: 'c1', coachId: 'k1', memberIds: ['m1'] }] });
    const coach = built.instance.people.find((p) => p.id === 'k1');
    expect(coach?.busy).toContainEqual({ day: 'mon', start: '08:30', end: '13:00', location: null });
    expect(coach?.busy).toContainEqual({ day: 'tue', start: '09:00', end: '12:00', location: 'DIE' });
  });
});
