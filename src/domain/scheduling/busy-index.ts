import type { SchedulingInstance } from './instance.js';
import { clockToMinutes } from './time.js';

/**
 * Everyone's busy intervals in flat arrays grouped by (person, day): the intervals of person i
 * on day d are [offset[i·D+d], offset[i·D+d+1]). Location -1 means "not on a campus".
 */
export type BusyIndex = {
  readonly personIndex: ReadonlyMap<string, number>;
  readonly offset: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly location: Int32Array;
};

export function indexBusy(instance: SchedulingInstance): BusyIndex {
  const nDays = instance.days.length;
  const dayIndex = new Map(instance.days.map((d, i) => [d, i]));
  const locIndex = new Map(instance.locations.map((l, i) => [l.id, i]));
  const personIndex = new Map(instance.people.map((p, i) => [p.id, i]));
  const counts = new Int32Array(instance.people.length * nDays + 1);
  instance.people.forEach((person, i) => {
    for (const b of person.busy) {
      const slot = i * nDays + (dayIndex.get(b.day) ?? 0) + 1;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
  });
  const offset = new Int32Array(counts.length);
  for (let k = 1; k < counts.length; k++) offset[k] = (offset[k - 1] ?? 0) + (counts[k] ?? 0);
  const total = offset[counts.length - 1] ?? 0;
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const location = new Int32Array(total);
  const fill = offset.slice();
  instance.people.forEach((person, i) => {
    for (const b of person.busy) {
      const key = i * nDays + (dayIndex.get(b.day) ?? 0);
      const at = fill[key] ?? 0;
      fill[key] = at + 1;
      start[at] = clockToMinutes(b.start);
      end[at] = clockToMinutes(b.end);
      location[at] = b.location === null ? -1 : (locIndex.get(b.location) ?? -1);
    }
  });
  return { personIndex, offset, start, end, location };
}
