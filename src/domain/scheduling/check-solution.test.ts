import { describe, expect, it } from 'vitest';
import { checkSolution } from './check-solution.js';
import type { SchedulingInstance } from './instance.js';
import { DEFAULT_GRID } from './product-instance.js';

/** Two communities, one coach shared, one room per location: every kind of violation is easy to build. */
const instance: SchedulingInstance = {
  name: 'check',
  ...DEFAULT_GRID,
  days: ['mon', 'tue'],
  dayEnd: '17:00',
  locations: [{ id: 'AMS', rooms: 1 }, { id: 'DIE', rooms: 1 }],
  people: [
    { id: 'k1', busy: [{ day: 'mon', start: '08:30', end: '10:00', location: 'AMS' }] },
    { id: 'k2', busy: [] },
    { id: 'a', busy: [{ day: 'mon', start: '10:00', end: '12:00', location: 'AMS' }] },
    { id: 'b', busy: [{ day: 'mon', start: '14:00', end: '15:00', location: 'AMS' }] },
    { id: 'c', busy: [{ day: 'tue', start: '09:00', end: '10:30', location: 'DIE' }] },
  ],
  communities: [
    { id: 'g1', coach: 'k1', members: ['a', 'b'] },
    { id: 'g2', coach: 'k2', members: ['c'] },
  ],
};

const place = (community: string, day: string, start: string, location: string) => ({ community, day, start, location });

describe('checkSolution', () => {
  it('recomputes the objective of a valid plan', () => {
    // g1 mon 12:00 AMS: a adjacent (0), b gap 30 → 0. g2 tue 10:30 DIE: c adjacent.
    const result = checkSolution(instance, { objective: 0, placements: [place('g1', 'mon', '12:00', 'AMS'), place('g2', 'tue', '10:30', 'DIE')] });
    expect(result).toEqual({ valid: true, objective: 0, errors: [] });
  });

  it('rejects a wrong claimed objective but still reports the true one', () => {
    const result = checkSolution(instance, { objective: 5, placements: [place('g1', 'mon', '12:00', 'AMS'), place('g2', 'tue', '12:00', 'DIE')] });
    expect(result.valid).toBe(false);
    expect(result.objective).toBe(60);
  });

  it.each([
    ['a missing community', [place('g1', 'mon', '12:00', 'AMS')], 'community g2 is not placed'],
    ['a community placed twice', [place('g1', 'mon', '12:00', 'AMS'), place('g1', 'tue', '12:00', 'AMS'), place('g2', 'tue', '10:30', 'DIE')], 'g1 placed twice'],
    ['a start off the grid', [place('g1', 'mon', '12:15', 'AMS'), place('g2', 'tue', '10:30', 'DIE')], 'not on the slot grid'],
    ['a session past dayEnd', [place('g1', 'mon', '16:00', 'AMS'), place('g2', 'tue', '10:30', 'DIE')], 'after dayEnd'],
    ['the coach busy', [place('g1', 'mon', '09:30', 'AMS'), place('g2', 'tue', '10:30', 'DIE')], 'coach k1 is busy'],
    ['room overflow', [place('g1', 'tue', '10:00', 'DIE'), place('g2', 'tue', '10:30', 'DIE')], 'only 1 rooms'],
    ['an unknown location', [place('g1', 'mon', '12:00', 'UTR'), place('g2', 'tue', '10:30', 'DIE')], 'unknown location'],
  ])('rejects %s', (_name, placements, message) => {
    const result = checkSolution(instance, { objective: 0, placements });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain(message);
  });

  it('rejects a coach double-booked across locations', () => {
    const shared = { ...instance, communities: instance.communities.map((c) => ({ ...c, coach: 'k2' })) };
    const result = checkSolution(shared, { objective: 0, placements: [place('g1', 'tue', '10:00', 'AMS'), place('g2', 'tue', '11:00', 'DIE')] });
    expect(result.errors.join('\n')).toContain('coach k2 double-booked: g1 and g2');
  });

  it('rejects output that is not a solution at all', () => {
    expect(checkSolution(instance, { placements: 'none' }).valid).toBe(false);
  });
});
