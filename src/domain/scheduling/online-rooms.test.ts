/**
 * Issue 21 item 4: an online community needs no trip to campus and no room. The room capacity
 * constraint counts only on-campus and hybrid communities, in the solver, its bound, the exact
 * MIP, the checker and the slot assessment.
 */
import { describe, expect, it } from 'vitest';
import { PlanContext } from './assess-plan.js';
import { checkSolution } from './check-solution.js';
import { buildExactMipLp } from './exact-mip.js';
import { parseSchedulingInstance, type SchedulingInstance } from './instance.js';
import { compileModel } from './model.js';
import { DEFAULT_GRID } from './product-instance.js';
import { solveSessionPlacementSync } from './solve-session-placement.js';

/** One location with one room, one day, two slots' worth of time: room for two sessions at most. */
const base = (online: boolean[]): SchedulingInstance =>
  parseSchedulingInstance({
    name: 'online-rooms',
    ...DEFAULT_GRID,
    days: ['mon'],
    slotMinutes: 90,
    sessionMinutes: 90,
    dayStart: '09:00',
    dayEnd: '12:00',
    locations: [{ id: 'AMS', rooms: 1 }],
    people: online.flatMap((_, i) => [{ id: `k${i}`, busy: [] }, { id: `m${i}`, busy: [] }]),
    communities: online.map((o, i) => ({ id: `g${i}`, coach: `k${i}`, members: [`m${i}`], ...(o ? { online: true } : {}) })),
  });

describe('online sessions and room capacity', () => {
  it('refuses more on-campus communities than the rooms hold', () => {
    expect(() => compileModel(base([false, false, false]))).toThrow(/need a room/);
  });

  it('places online communities beyond the rooms: they take none', () => {
    const instance = base([false, false, true, true]);
    const plan = solveSessionPlacementSync({ instance, seed: 1, timeLimitMs: 5_000 });
    expect(plan.solution.placements).toHaveLength(4);
    expect(checkSolution(instance, plan.solution)).toMatchObject({ valid: true, errors: [] });
    // The two on-campus sessions do not overlap (one room); the online ones may overlap them.
    const campus = plan.solution.placements.filter((p) => p.community === 'g0' || p.community === 'g1').map((p) => p.start);
    expect(new Set(campus).size).toBe(2);
  });

  it('the checker counts only room-takers, and still refuses an overfull room', () => {
    const instance = base([false, true]);
    const together = { objective: 240, placements: [{ community: 'g0', day: 'mon', start: '09:00', location: 'AMS' }, { community: 'g1', day: 'mon', start: '09:00', location: 'AMS' }] };
    // The on-campus member travels in for it (no class that day): 240, the online one costs nothing.
    expect(checkSolution(instance, together)).toEqual({ valid: true, objective: 240, errors: [] });
    const campus = base([false, false]);
    expect(checkSolution(campus, { ...together, objective: 480 }).errors).toEqual([expect.stringMatching(/only 1 rooms/)]);
  });

  it('the exact MIP has no room row for an online community', () => {
    const { lp } = buildExactMipLp(compileModel(base([false, true, true])));
    const roomRows = lp.split('\n').filter((l) => /^ r\d+:/.test(l));
    expect(roomRows.every((row) => !/x[12]_/.test(row))).toBe(true);
  });

  it('the slot assessment never calls a room full for an online community, nor counts online sessions in it', () => {
    const assessor = new PlanContext(base([false, true, false]));
    const others = [{ community: 'g0', day: 'mon', start: '09:00', location: 'AMS' }];
    const slot = { day: 'mon', start: '09:00', location: 'AMS' };
    expect(assessor.assess('g1', slot, others).blockers).toEqual([]);
    expect(assessor.assess('g2', slot, others).blockers).toEqual([{ kind: 'ROOM_FULL', rooms: 1, sessions: 1 }]);
    expect(assessor.assess('g2', slot, [{ community: 'g1', day: 'mon', start: '09:00', location: 'AMS' }]).blockers).toEqual([]);
  });
});
