import { describe, expect, it } from 'vitest';
import { SchedulingError } from './errors.js';
import { parseSchedulingInstance, type SchedulingInstance } from './instance.js';
import { compileModel } from './model.js';
import { randomInstance } from './random-instance.js';

const base = (): SchedulingInstance => randomInstance({ seed: 3, communities: 2 });

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseSchedulingInstance(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SchedulingError);
    const e = error as SchedulingError;
    expect(e.code).toBe('INVALID_INSTANCE');
    return e.details.issues ?? [];
  }
  throw new Error('expected the instance to be rejected');
}

describe('parseSchedulingInstance', () => {
  it('accepts a well-formed instance', () => {
    expect(parseSchedulingInstance(base()).communities).toHaveLength(2);
  });

  it('names the field of a malformed time', () => {
    const inst = base();
    inst.dayStart = '8:30';
    expect(issuesOf(inst)).toContainEqual({ path: 'dayStart', message: 'expected a time "HH:MM"' });
  });

  it('reports unknown references with their path', () => {
    const inst = base();
    inst.communities[0]?.members.push('nobody');
    if (inst.communities[1]) inst.communities[1].coach = 'ghost';
    const issues = issuesOf(inst);
    expect(issues).toContainEqual({ path: 'communities.0.members.3', message: 'unknown person "nobody"' });
    expect(issues).toContainEqual({ path: 'communities.1.coach', message: 'unknown person "ghost"' });
  });

  it('rejects reversed intervals, unknown days and locations, duplicates', () => {
    const inst = base();
    inst.people[0]?.busy.push({ day: 'sun', start: '10:00', end: '09:00', location: 'MARS' });
    inst.people.push({ id: inst.people[0]?.id ?? '', busy: [] });
    const paths = issuesOf(inst).map((i) => i.path);
    const last = (inst.people[0]?.busy.length ?? 1) - 1;
    expect(paths).toEqual(
      expect.arrayContaining([`people.0.busy.${last}.day`, `people.0.busy.${last}.location`, `people.0.busy.${last}`, 'people']),
    );
  });

  it('rejects a day too short for one session', () => {
    const inst = base();
    inst.dayEnd = '09:00';
    expect(issuesOf(inst).map((i) => i.path)).toContain('dayEnd');
  });
});

describe('infeasibility is a typed error', () => {
  it('a coach busy all day every day: COACH_NEVER_AVAILABLE with the community', () => {
    const inst = base();
    const coach = inst.people.find((p) => p.id === inst.communities[0]?.coach);
    if (coach) coach.busy = inst.days.map((day) => ({ day, start: '08:00', end: '22:00', location: null }));
    const error = captureError(() => compileModel(parseSchedulingInstance(inst)));
    expect(error.code).toBe('COACH_NEVER_AVAILABLE');
    expect(error.details.communities).toEqual([inst.communities[0]?.id]);
  });

  it('more communities than rooms can hold: INSUFFICIENT_CAPACITY with numbers', () => {
    const inst = randomInstance({ seed: 1, communities: 17, days: 2, locations: 2, rooms: 1 });
    const error = captureError(() => compileModel(parseSchedulingInstance(inst)));
    expect(error.code).toBe('INSUFFICIENT_CAPACITY');
    expect(error.details).toMatchObject({ needed: 17, available: 16 });
  });

  it('a coach with more communities than fit in a week: INSUFFICIENT_CAPACITY naming the coach', () => {
    const inst = randomInstance({ seed: 1, communities: 9, days: 2, locations: 2, rooms: 3, coaches: 1 });
    const error = captureError(() => compileModel(parseSchedulingInstance(inst)));
    expect(error.code).toBe('INSUFFICIENT_CAPACITY');
    expect(error.details.coach).toBe('k0');
  });
});

function captureError(fn: () => unknown): SchedulingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SchedulingError) return error;
    throw error;
  }
  throw new Error('expected a SchedulingError');
}
