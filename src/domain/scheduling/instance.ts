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
  communities: z.array(z.object({ id: Id, coach: Id, members: z.array(Id) })),
});

export type SchedulingInstance = z.infer<typeof SchedulingInstanceSchema>;
export type BusyBlock = z.infer<typeof BusyBlock>;

/**
 * Validates shape and cross-references (ids exist, are unique, intervals are well-formed) and
 * returns the typed instance, or throws a SchedulingError INVALID_INSTANCE listing every issue.
 */
export function parseSchedulingInstance(input: unknown): SchedulingInstance {
  const parsed = SchedulingInstanceSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw invalid(issues);
  }
  const issues = crossReferenceIssues(parsed.data);
  if (issues.length > 0) throw invalid(issues);
  return parsed.data;
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
