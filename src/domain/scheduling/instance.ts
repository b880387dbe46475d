import { z } from 'zod';
import { SchedulingError, type SchedulingIssue } from './errors.js';
import { parseClock } from './time.js';

/**
 * The session-placement instance of FORMAT.md (shared/benchmarks/scheduling). One zod schema is
 * the single source of truth for the CLI, the benchmark and (later) the API.
 */
const Clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'expected a time "HH:MM"' });
const Id = z.string().min(1);

export const BusyBlock = z.object({
  day: z.string(),
  start: Clock,
  end: Clock,
  /** null: a block the person is unavailable without being on a campus (e.g. work). */
  location: z.string().nullable(),
});

export const SchedulingInstanceSchema = z.object({
  name: z.string(),
  days: z.array(Id).min(1),
  dayStart: Clock,
  dayEnd: Clock,
  slotMinutes: z.int().positive(),
  sessionMinutes: z.int().positive(),
  adjacencyMarginMinutes: z.int().nonnegative(),
  extraTripCost: z.int().nonnegative(),
  conflictCost: z.int().nonnegative(),
  locations: z.array(z.object({ id: Id, rooms: z.int().nonnegative() })).min(1),
  people: z.array(z.object({ id: Id, busy: z.array(BusyBlock) })),
  /** `online`: the community meets online, so its members need no trip to campus (optional, default false). */
  communities: z.array(z.object({ id: Id, coach: Id, members: z.array(Id), online: z.boolean().optional() })),
});

export type SchedulingInstance = z.infer<typeof SchedulingInstanceSchema>;
export type BusyBlock = z.infer<typeof BusyBlock>;

/**
 * Validates shape and cross-references (ids exist, are unique, intervals are well-formed) and
 * returns the typed instance, or throws a SchedulingError INVALID_INSTANCE listing every issue.
 */
export function parseSchedulingInstance(input: unknown): SchedulingInstance {
  // Well-formed input (the usual case) is checked by hand, which is several times faster than
  // zod on large files; anything the fast check does not accept goes through the schema, so the
  // accepted instances and the reported issues are exactly the schema's.
  const fast = fastShape(input);
  const parsed = fast ? { success: true as const, data: fast } : SchedulingInstanceSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw invalid(issues);
  }
  const issues = crossReferenceIssues(parsed.data);
  if (issues.length > 0) throw invalid(issues);
  return parsed.data;
}

const CLOCK_TEXT = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isClock(value: unknown): value is string {
  return typeof value === 'string' && CLOCK_TEXT.test(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/**
 * The schema's output for input that certainly satisfies it (unknown keys dropped, as zod does);
 * undefined when in doubt, and the schema then decides.
 */
function fastShape(input: unknown): SchedulingInstance | undefined {
  if (!isRecord(input)) return undefined;
  const { name, days, dayStart, dayEnd, slotMinutes, sessionMinutes, adjacencyMarginMinutes, extraTripCost, conflictCost } = input;
  const { locations, people, communities } = input;
  if (typeof name !== 'string' || !isClock(dayStart) || !isClock(dayEnd)) return undefined;
  if (!isInt(slotMinutes, 1) || !isInt(sessionMinutes, 1) || !isInt(adjacencyMarginMinutes, 0)) return undefined;
  if (!isInt(extraTripCost, 0) || !isInt(conflictCost, 0)) return undefined;
  if (!Array.isArray(days) || days.length === 0 || !days.every(isId)) return undefined;
  if (!Array.isArray(locations) || locations.length === 0 || !Array.isArray(people) || !Array.isArray(communities)) return undefined;
  const outLocations: SchedulingInstance['locations'] = [];
  for (const l of locations) {
    if (!isRecord(l) || !isId(l['id']) || !isInt(l['rooms'], 0)) return undefined;
    outLocations.push({ id: l['id'], rooms: l['rooms'] });
  }
  const outPeople: SchedulingInstance['people'] = [];
  for (const p of people) {
    if (!isRecord(p) || !isId(p['id']) || !Array.isArray(p['busy'])) return undefined;
    const busy: BusyBlock[] = [];
    for (const b of p['busy'] as unknown[]) {
      if (!isRecord(b)) return undefined;
      const { day, start, end, location } = b;
      if (typeof day !== 'string' || !isClock(start) || !isClock(end)) return undefined;
      if (location !== null && typeof location !== 'string') return undefined;
      busy.push({ day, start, end, location });
    }
    outPeople.push({ id: p['id'], busy });
  }
  const outCommunities: SchedulingInstance['communities'] = [];
  for (const c of communities) {
    if (!isRecord(c) || !isId(c['id']) || !isId(c['coach']) || !Array.isArray(c['members'])) return undefined;
    const members = c['members'] as unknown[];
    if (!members.every(isId)) return undefined;
    if (c['online'] !== undefined && typeof c['online'] !== 'boolean') return undefined;
    outCommunities.push({ id: c['id'], coach: c['coach'], members: members.slice(), ...(c['online'] === true ? { online: true } : c['online'] === false ? { online: false } : {}) });
  }
  return {
    name, days: days.slice(), dayStart, dayEnd, slotMinutes, sessionMinutes, adjacencyMarginMinutes, extraTripCost, conflictCost,
    locations: outLocations, people: outPeople, communities: outCommunities,
  };
}

function invalid(issues: SchedulingIssue[]): SchedulingError {
  const head = issues.slice(0, 5).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return new SchedulingError('INVALID_INSTANCE', `invalid scheduling instance: ${head}${more}`, { issues });
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function crossReferenceIssues(inst: SchedulingInstance): SchedulingIssue[] {
  const issues: SchedulingIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const start = parseClock(inst.dayStart) ?? 0;
  const end = parseClock(inst.dayEnd) ?? 0;
  if (start + inst.sessionMinutes > end) add('dayEnd', 'no session fits between dayStart and dayEnd');
  for (const d of duplicates(inst.days)) add('days', `day "${d}" listed twice`);
  for (const d of duplicates(inst.locations.map((l) => l.id))) add('locations', `location "${d}" listed twice`);
  for (const d of duplicates(inst.people.map((p) => p.id))) add('people', `person "${d}" listed twice`);
  for (const d of duplicates(inst.communities.map((c) => c.id))) add('communities', `community "${d}" listed twice`);

  const days = new Set(inst.days);
  const locations = new Set(inst.locations.map((l) => l.id));
  const people = new Set(inst.people.map((p) => p.id));
  inst.people.forEach((person, pi) => {
    person.busy.forEach((block, bi) => {
      const path = `people.${pi}.busy.${bi}`;
      if (!days.has(block.day)) add(`${path}.day`, `unknown day "${block.day}"`);
      if (block.location !== null && !locations.has(block.location)) {
        add(`${path}.location`, `unknown location "${block.location}"`);
      }
      if ((parseClock(block.start) ?? 0) >= (parseClock(block.end) ?? 0)) add(path, 'start must be before end');
    });
  });
  inst.communities.forEach((community, ci) => {
    const path = `communities.${ci}`;
    if (!people.has(community.coach)) add(`${path}.coach`, `unknown person "${community.coach}"`);
    community.members.forEach((m, mi) => {
      if (!people.has(m)) add(`${path}.members.${mi}`, `unknown person "${m}"`);
    });
    for (const d of duplicates(community.members)) add(`${path}.members`, `member "${d}" listed twice`);
    if (community.members.includes(community.coach)) add(`${path}.coach`, 'the coach is also listed as a member');
  });
  return issues;
}
