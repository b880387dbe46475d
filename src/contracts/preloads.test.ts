import { describe, expect, it } from 'vitest';
import { dataCallsFor, type RouteDataCall } from './preloads';

describe('dataCallsFor', () => {
  const calls: RouteDataCall[] = ['/api/home', { call: '/api/a', roles: ['coachee'] }, { call: '/api/b', roles: ['coachee', 'studentcoach'] }, { call: '/api/c', roles: ['coachee'], unless: ['studentcoach'] }, '/api/z'];

  it('keeps the plain calls and the calls of a role the person holds, in order', () => {
    expect(dataCallsFor(calls, ['coachee'])).toEqual(['/api/home', '/api/a', '/api/b', '/api/c', '/api/z']);
    expect(dataCallsFor(calls, ['studentcoach'])).toEqual(['/api/home', '/api/b', '/api/z']);
  });

  it('leaves out a call for a person who also holds a role it is not for', () => {
    expect(dataCallsFor(calls, ['coachee', 'studentcoach'])).toEqual(['/api/home', '/api/a', '/api/b', '/api/z']);
  });

  it('gives a person without those roles only the plain calls', () => {
    expect(dataCallsFor(calls, ['beheerder'])).toEqual(['/api/home', '/api/z']);
    expect(dataCallsFor(calls, [])).toEqual(['/api/home', '/api/z']);
  });
});
