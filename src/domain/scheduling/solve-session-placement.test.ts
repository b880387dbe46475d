import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './check-solution.js';
import { SchedulingError } from './errors.js';
import { parseSchedulingInstance, type SchedulingInstance } from './instance.js';
import { DEFAULT_GRID } from './product-instance.js';
import { randomInstance } from './random-instance.js';
import { solveSessionPlacement, solveSessionPlacementSync, type SolveProgress } from './solve-session-placement.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedDir = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
const loadShared = (name: string): SchedulingInstance =>
  parseSchedulingInstance(JSON.parse(readFileSync(path.join(sharedDir, 'benchmarks/scheduling/instances', `${name}.json`), 'utf8')));

describe('solveSessionPlacement on the shared small instance', () => {
  const instance = loadShared('small-01');
  const plan = solveSessionPlacementSync({ instance, seed: 1, timeLimitMs: 10_000 });

  it('finds the optimum 8070 (README) and proves it', () => {
    expect(plan.solution.objective).toBe(8070);
    expect(plan.search.stopReason).toBe('proven-optimal');
    expect(plan.search.lowerBound).toBe(8070);
  });

  it('returns a plan the independent checker accepts', () => {
    expect(checkSolution(instance, plan.solution)).toEqual({ valid: true, objective: 8070, errors: [] });
  });

  it('reports the quality figures of the README', () => {
    expect(plan.quality).toMatchObject({ objective: 8070, memberSessions: 144, adjacentMemberSessions: 60, lowerBound: 585 });
    expect(plan.quality.adjacentShareUpperBound).toBeGreaterThanOrEqual(plan.quality.adjacentShare);
    expect(plan.quality.adjacentShareMemberBound).toBeGreaterThanOrEqual(plan.quality.adjacentShareUpperBound);
    const recomputed = plan.quality.waitingMinutes + 240 * plan.quality.extraTrips + 1000 * plan.quality.conflicts;
    expect(recomputed).toBe(8070);
    expect(plan.extraTrips.reduce((n, e) => n + e.extraTrips, 0)).toBe(plan.quality.extraTrips);
  });
});

describe('solver behaviour', () => {
  const instance = randomInstance({ seed: 11, communities: 9, days: 2, rooms: 1, coaches: 6 });

  it('is deterministic for a seed', () => {
    const a = solveSessionPlacementSync({ instance, seed: 5, stallKicks: 50 });
    const b = solveSessionPlacementSync({ instance, seed: 5, stallKicks: 50 });
    expect(b.solution).toEqual(a.solution);
    expect(b.search.kicks).toBe(a.search.kicks);
  });

  it('reports progress and finishes with phase done', async () => {
    const phases: SolveProgress['phase'][] = [];
    await solveSessionPlacement({ instance, stallKicks: 50, onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('construct');
    expect(phases.at(-1)).toBe('done');
  });

  it('throws CANCELLED when the signal fired before it started', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => solveSessionPlacementSync({ instance, signal: controller.signal })).toThrow(SchedulingError);
  });

  it('stops when cancelled during the search and still returns a valid plan', async () => {
    const controller = new AbortController();
    let calls = 0;
    const plan = await solveSessionPlacement({
      instance,
      stallKicks: 1e9,
      timeLimitMs: 60_000,
      signal: controller.signal,
      // A fake clock that moves 30 ms per read, so the search yields (and sees the abort) at once.
      now: () => (calls++) * 30,
      onProgress: (p) => {
        if (p.phase === 'search') controller.abort();
      },
    });
    expect(['cancelled', 'proven-optimal']).toContain(plan.search.stopReason);
    expect(checkSolution(instance, plan.solution).valid).toBe(true);
  });

  it('respects the time limit', () => {
    let t = 0;
    const plan = solveSessionPlacementSync({ instance, stallKicks: 1e9, timeLimitMs: 100, now: () => (t += 1) });
    expect(['time-limit', 'proven-optimal']).toContain(plan.search.stopReason);
    expect(checkSolution(instance, plan.solution).valid).toBe(true);
  });
});

describe('unavoidable extra trips are explained, not failed', () => {
  // The two members never have a class on the same day: whichever day, one of them travels in.
  const instance: SchedulingInstance = {
    name: 'apart',
    ...DEFAULT_GRID,
    days: ['mon', 'tue'],
    dayEnd: '17:00',
    locations: [{ id: 'AMS', rooms: 1 }, { id: 'DIE', rooms: 1 }],
    people: [
      { id: 'k', busy: [] },
      { id: 'mon-only', busy: [{ day: 'mon', start: '09:00', end: '12:00', location: 'AMS' }] },
      { id: 'tue-elsewhere', busy: [{ day: 'tue', start: '09:00', end: '12:00', location: 'DIE' }] },
    ],
    communities: [{ id: 'g', coach: 'k', members: ['mon-only', 'tue-elsewhere'] }],
  };

  it('lists the community, its members and machine-readable reasons', () => {
    const plan = solveSessionPlacementSync({ instance });
    expect(plan.solution.objective).toBe(240);
    expect(plan.extraTrips).toHaveLength(1);
    const [explanation] = plan.extraTrips;
    expect(explanation).toMatchObject({ community: 'g', extraTrips: 1, minimumExtraTrips: 1, cause: 'TIMETABLES' });
    expect(explanation?.members).toEqual([
      { member: explanation?.day === 'mon' ? 'tue-elsewhere' : 'mon-only', reason: 'NO_CLASS_THAT_DAY', classLocations: [] },
    ]);
  });

  it('an online community asks no trip: no extra trips, no explanation of one, cost only for clashes', () => {
    const online: SchedulingInstance = { ...instance, communities: [{ id: 'g', coach: 'k', members: ['mon-only', 'tue-elsewhere'], online: true }] };
    const plan = solveSessionPlacementSync({ instance: parseSchedulingInstance(online) });
    expect(plan.solution.objective).toBe(0);
    expect(plan.quality.extraTrips).toBe(0);
    expect(plan.extraTrips).toEqual([]);
    expect(checkSolution(online, plan.solution)).toMatchObject({ valid: true, objective: 0 });
  });

  it('tells classes at another campus apart from no class at all', () => {
    const people = instance.people.map((p) =>
      p.id === 'tue-elsewhere' ? { ...p, busy: [{ day: 'mon', start: '14:00', end: '15:00', location: 'DIE' }] } : p,
    );
    const plan = solveSessionPlacementSync({ instance: { ...instance, days: ['mon'], people } });
    expect(plan.solution.objective).toBe(240);
    expect(plan.extraTrips[0]?.members).toEqual([
      {
        member: plan.extraTrips[0]?.location === 'AMS' ? 'tue-elsewhere' : 'mon-only',
        reason: 'CLASSES_ELSEWHERE_THAT_DAY',
        classLocations: [plan.extraTrips[0]?.location === 'AMS' ? 'DIE' : 'AMS'],
      },
    ]);
  });
});
