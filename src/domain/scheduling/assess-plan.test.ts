import { describe, expect, it } from 'vitest';
import { diffPlans, keepPublishedSlots, PlanContext } from './assess-plan.js';
import type { SchedulingInstance } from './instance.js';
import { DEFAULT_GRID } from './product-instance.js';
import { solveSessionPlacementSync } from './solve-session-placement.js';

const instance: SchedulingInstance = {
  name: 'assess',
  ...DEFAULT_GRID,
  days: ['mon', 'tue'],
  locations: [{ id: 'AMS', rooms: 1 }, { id: 'DIE', rooms: 1 }],
  people: [
    { id: 'a', busy: [{ day: 'mon', start: '09:00', end: '12:30', location: 'AMS' }] },
    { id: 'b', busy: [{ day: 'mon', start: '09:00', end: '12:30', location: 'AMS' }, { day: 'tue', start: '13:00', end: '15:00', location: 'DIE' }] },
    { id: 'k', busy: [{ day: 'mon', start: '13:00', end: '14:00', location: 'AMS' }] },
    { id: 'l', busy: [] },
  ],
  communities: [
    { id: 'c1', coach: 'k', members: ['a', 'b'] },
    { id: 'c2', coach: 'l', members: ['a'] },
  ],
};

describe('PlanContext', () => {
  const ctx = new PlanContext(instance);

  it('costs each member by the three rules and names the blockers', () => {
    const at = ctx.assess('c1', { day: 'mon', start: '12:30', location: 'AMS' }, []);
    expect(at.members).toEqual([
      { member: 'a', kind: 'wait', cost: 0 },
      { member: 'b', kind: 'wait', cost: 0 },
    ]);
    expect(at.blockers).toEqual([{ kind: 'COACH_BUSY', busy: { start: '13:00', end: '14:00' } }]);
    const tue = ctx.assess('c1', { day: 'tue', start: '15:00', location: 'DIE' }, []);
    expect(tue).toMatchObject({ cost: 240, extraTrips: 1, adjacent: 1, inClass: 0, blockers: [] });
    const inClass = ctx.assess('c1', { day: 'mon', start: '10:00', location: 'AMS' }, []);
    expect(inClass).toMatchObject({ inClass: 2, cost: 2000 });
  });

  it('a full room and a double-booked coach block a slot', () => {
    const others = [{ community: 'c2', day: 'mon', start: '14:00', location: 'AMS' }];
    expect(ctx.assess('c1', { day: 'mon', start: '15:00', location: 'AMS' }, others).blockers).toEqual([{ kind: 'ROOM_FULL', rooms: 1, sessions: 1 }]);
    expect(ctx.assess('c1', { day: 'mon', start: '15:30', location: 'AMS' }, others).blockers).toEqual([]);
    expect(ctx.assess('c1', { day: 'mon', start: '14:00', location: 'DIE' }, others).blockers).toEqual([]);
    expect(ctx.assess('c1', { day: 'mon', start: '08:45', location: 'DIE' }, others).blockers).toContainEqual({ kind: 'OFF_GRID' });
  });

  it('lists every slot, possible ones first and cheapest first', () => {
    const options = ctx.options('c1', []);
    expect(options).toHaveLength(2 * 2 * 23);
    const open = options.filter((o) => o.blockers.length === 0);
    expect(open[0]).toMatchObject({ day: 'mon', start: '14:00', location: 'AMS', cost: 120 }); // 90 minutes after class, 30 of them within the margin
    expect(open.map((o) => o.cost)).toEqual([...open.map((o) => o.cost)].sort((x, y) => x - y));
  });

  it('measures a plan as the solver does', () => {
    const plan = solveSessionPlacementSync({ instance, seed: 1, timeLimitMs: 2000 });
    const measured = ctx.measure(plan.solution.placements);
    expect(measured.quality).toEqual(plan.quality);
    expect(measured.extraTrips).toEqual(plan.extraTrips);
  });
});

describe('re-planning', () => {
  const ctx = new PlanContext(instance);
  it('keeps a published slot that is still possible and no more expensive', () => {
    const proposal = [
      { community: 'c1', day: 'mon', start: '14:00', location: 'AMS' },
      { community: 'c2', day: 'mon', start: '12:30', location: 'AMS' },
    ];
    const published = new Map([
      ['c1', { day: 'mon', start: '14:00', location: 'AMS' }],
      ['c2', { day: 'mon', start: '07:00', location: 'AMS' }],
    ]);
    expect(keepPublishedSlots(ctx, proposal, published)).toEqual(proposal);
    const cheaperOld = new Map([['c2', { day: 'mon', start: '12:30', location: 'DIE' }]]);
    // 12:30 at DIE is an extra trip for a: dearer than the proposal, so the proposal stands.
    expect(keepPublishedSlots(ctx, proposal, cheaperOld)).toEqual(proposal);
  });

  it('lists what moves', () => {
    const published = new Map([['c1', { day: 'tue', start: '15:00', location: 'DIE' }]]);
    const plan = [
      { community: 'c1', day: 'mon', start: '14:00', location: 'AMS' },
      { community: 'c2', day: 'mon', start: '12:30', location: 'AMS' },
    ];
    expect(diffPlans(published, plan)).toEqual([
      { community: 'c1', from: { day: 'tue', start: '15:00', location: 'DIE' }, to: { day: 'mon', start: '14:00', location: 'AMS' } },
      { community: 'c2', from: null, to: { day: 'mon', start: '12:30', location: 'AMS' } },
    ]);
  });
});
