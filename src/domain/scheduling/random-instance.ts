import type { SchedulingInstance } from './instance.js';
import { createRng } from './rng.js';
import { minutesToClock } from './time.js';

export type RandomInstanceOptions = {
  seed: number;
  communities: number;
  membersPerCommunity?: number;
  days?: number;
  locations?: number;
  rooms?: number;
  /** Coaches are shared between communities when fewer than communities. */
  coaches?: number;
};

/**
 * Small random instances with a short day, for tests that compare the solver with the exact MIP
 * and for property tests. Not realistic (see bench/scheduling/generate.ts for that): classes are
 * placed uniformly, which makes conflicts, waiting and extra trips all common.
 */
export function randomInstance(options: RandomInstanceOptions): SchedulingInstance {
  const rng = createRng(options.seed);
  const days = ['mon', 'tue', 'wed', 'thu', 'fri'].slice(0, options.days ?? 2);
  const locations = Array.from({ length: options.locations ?? 2 }, (_, i) => ({ id: `L${i}`, rooms: options.rooms ?? 1 }));
  const size = options.membersPerCommunity ?? 3;
  const nCoaches = options.coaches ?? options.communities;
  const people: SchedulingInstance['people'] = [];
  const block = (): SchedulingInstance['people'][number]['busy'][number] => {
    const start = 8 * 60 + 30 + 15 * rng.int(20);
    return {
      day: days[rng.int(days.length)] ?? 'mon',
      start: minutesToClock(start),
      end: minutesToClock(start + 45 + 15 * rng.int(8)),
      location: locations[rng.int(locations.length)]?.id ?? 'L0',
    };
  };
  for (let k = 0; k < nCoaches; k++) {
    const busy = Array.from({ length: rng.int(3) }, block);
    people.push({ id: `k${k}`, busy });
  }
  const communities: SchedulingInstance['communities'] = [];
  for (let c = 0; c < options.communities; c++) {
    const members: string[] = [];
    for (let i = 0; i < size; i++) {
      const id = `s${c}_${i}`;
      members.push(id);
      people.push({ id, busy: Array.from({ length: rng.int(4) }, block) });
    }
    communities.push({ id: `c${c}`, coach: `k${c % nCoaches}`, members });
  }
  return {
    name: `random-${options.seed}`,
    days,
    dayStart: '08:30',
    dayEnd: '14:30',
    slotMinutes: 30,
    sessionMinutes: 90,
    adjacencyMarginMinutes: 30,
    extraTripCost: 240,
    conflictCost: 1000,
    locations,
    people,
    communities,
  };
}
