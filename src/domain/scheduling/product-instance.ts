import type { BusyBlock, SchedulingInstance } from './instance.js';
import { overlaps } from './member-cost.js';
import { clockToMinutes, minutesToClock } from './time.js';

/**
 * Builds the solver's instance (FORMAT.md) from what the product stores: communities with their
 * coach and members, weekly busy blocks per person (their classes' and their own timetables),
 * coaches' declared availability and rooms per location. Pure; the server loads the data.
 */

/** A weekly window "I can run sessions then" (day mon…fri, clock times). */
export type AvailabilityWindow = { day: string; start: string; end: string };

export type ProductLocation = { id: string; rooms: { capacity: number }[] };

/** `online`: the community meets online (its sessions need no trip to campus). */
export type ProductCommunity = { id: string; coachId: string | null; memberIds: readonly string[]; online?: boolean };

export type BuildInstanceInput = {
  name: string;
  communities: readonly ProductCommunity[];
  locations: readonly ProductLocation[];
  /** Busy blocks per person id: the union of their classes' and their own timetables. */
  busy: ReadonlyMap<string, readonly BusyBlock[]>;
  /** People with at least one timetable (a class or their own); others have no known week. */
  withTimetable: ReadonlySet<string>;
  /** Declared availability per coach; a coach without an entry is free whenever not in class. */
  availability: ReadonlyMap<string, readonly AvailabilityWindow[]>;
  grid?: Partial<GridSettings>;
};

export type GridSettings = {
  days: string[];
  dayStart: string;
  dayEnd: string;
  slotMinutes: number;
  sessionMinutes: number;
  adjacencyMarginMinutes: number;
  extraTripCost: number;
  conflictCost: number;
};

/** The weekly grid of the issue: Monday–Friday 08:30–21:00 in 30-minute steps, 90-minute sessions. */
export const DEFAULT_GRID: GridSettings = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  dayStart: '08:30',
  dayEnd: '21:00',
  slotMinutes: 30,
  sessionMinutes: 90,
  adjacencyMarginMinutes: 30,
  extraTripCost: 240,
  conflictCost: 1000,
};

export type ExclusionReason = 'NO_COACH' | 'COACH_NEVER_AVAILABLE' | 'NO_MEMBERS';
export type ExcludedCommunity = { community: string; reason: ExclusionReason };

export type BuiltInstance = {
  instance: SchedulingInstance;
  /** Communities the solver cannot place, and why: reported, not a failed run. */
  excluded: ExcludedCommunity[];
  /** Members left out of the cost because no timetable of theirs is known (per community). */
  withoutTimetable: Record<string, string[]>;
  /** Rooms per location large enough for the largest community plus its coach. */
  seatsNeeded: number;
};

/** The complement of the declared windows within the grid's day: blocks when the coach is away. */
export function unavailableBlocks(windows: readonly AvailabilityWindow[], grid: Pick<GridSettings, 'days' | 'dayStart' | 'dayEnd'>): BusyBlock[] {
  const dayStart = clockToMinutes(grid.dayStart);
  const dayEnd = clockToMinutes(grid.dayEnd);
  const result: BusyBlock[] = [];
  for (const day of grid.days) {
    const free = windows
      .filter((w) => w.day === day)
      .map((w) => ({ start: Math.max(dayStart, clockToMinutes(w.start)), end: Math.min(dayEnd, clockToMinutes(w.end)) }))
      .filter((w) => w.end > w.start)
      .sort((a, b) => a.start - b.start);
    let cursor = dayStart;
    for (const w of free) {
      if (w.start > cursor) result.push({ day, start: minutesToClock(cursor), end: minutesToClock(w.start), location: null });
      cursor = Math.max(cursor, w.end);
    }
    if (cursor < dayEnd) result.push({ day, start: minutesToClock(cursor), end: minutesToClock(dayEnd), location: null });
  }
  return result;
}

/** Whether the coach is free for a whole session at some start of the grid. */
function coachEverFree(busy: readonly BusyBlock[], grid: GridSettings): boolean {
  const dayStart = clockToMinutes(grid.dayStart);
  const dayEnd = clockToMinutes(grid.dayEnd);
  for (const day of grid.days) {
    const onDay = busy.filter((b) => b.day === day).map((b) => ({ start: clockToMinutes(b.start), end: clockToMinutes(b.end) }));
    for (let s = dayStart; s + grid.sessionMinutes <= dayEnd; s += grid.slotMinutes) {
      if (!onDay.some((b) => overlaps(s, s + grid.sessionMinutes, b.start, b.end))) return true;
    }
  }
  return false;
}

export function buildInstance(input: BuildInstanceInput): BuiltInstance {
  const grid: GridSettings = { ...DEFAULT_GRID, ...input.grid };
  const days = new Set(grid.days);
  const inGrid = (blocks: readonly BusyBlock[]) => blocks.filter((b) => days.has(b.day));
  const excluded: ExcludedCommunity[] = [];
  const withoutTimetable: Record<string, string[]> = {};
  const people = new Map<string, BusyBlock[]>();
  const communities: SchedulingInstance['communities'] = [];
  const largest = Math.max(0, ...input.communities.map((c) => c.memberIds.length));
  const seatsNeeded = largest + 1;

  for (const community of input.communities) {
    if (community.coachId === null) {
      excluded.push({ community: community.id, reason: 'NO_COACH' });
      continue;
    }
    const coachBusy = [
      ...inGrid(input.busy.get(community.coachId) ?? []),
      ...(input.availability.has(community.coachId) ? unavailableBlocks(input.availability.get(community.coachId) ?? [], grid) : []),
    ];
    if (!coachEverFree(coachBusy, grid)) {
      excluded.push({ community: community.id, reason: 'COACH_NEVER_AVAILABLE' });
      continue;
    }
    const members = community.memberIds.filter((m) => m !== community.coachId && input.withTimetable.has(m));
    const missing = community.memberIds.filter((m) => m !== community.coachId && !input.withTimetable.has(m));
    if (missing.length > 0) withoutTimetable[community.id] = [...missing];
    if (community.memberIds.length === 0) {
      excluded.push({ community: community.id, reason: 'NO_MEMBERS' });
      continue;
    }
    people.set(community.coachId, coachBusy);
    for (const m of members) if (!people.has(m)) people.set(m, inGrid(input.busy.get(m) ?? []));
    communities.push({ id: community.id, coach: community.coachId, members, ...(community.online ? { online: true } : {}) });
  }
  const instance: SchedulingInstance = {
    name: input.name,
    days: grid.days,
    dayStart: grid.dayStart,
    dayEnd: grid.dayEnd,
    slotMinutes: grid.slotMinutes,
    sessionMinutes: grid.sessionMinutes,
    adjacencyMarginMinutes: grid.adjacencyMarginMinutes,
    extraTripCost: grid.extraTripCost,
    conflictCost: grid.conflictCost,
    locations: input.locations.map((l) => ({ id: l.id, rooms: l.rooms.filter((r) => r.capacity >= seatsNeeded).length })),
    people: [...people].map(([id, busy]) => ({ id, busy: mergeBlocks(busy) })),
    communities,
  };
  return { instance, excluded, withoutTimetable, seatsNeeded };
}

/** Sorted, de-duplicated blocks (a class timetable and a personal one often repeat a class). */
export function mergeBlocks(blocks: readonly BusyBlock[]): BusyBlock[] {
  const seen = new Set<string>();
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return blocks
    .filter((b) => {
      const key = `${b.day} ${b.start} ${b.end} ${b.location ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => order.indexOf(a.day) - order.indexOf(b.day) || a.start.localeCompare(b.start));
}
