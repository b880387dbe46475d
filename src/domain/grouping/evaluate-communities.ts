import { attributeDiversity } from './attribute-model.js';
import { attributeSpread } from './attribute-spread.js';
import { encodeStudents } from './encode-students.js';
import type {
  CommunityQuality,
  DiversityAttribute,
  SizeBounds,
  StudentForGrouping,
  StudentPair,
} from './student-grouping-types.js';

export type EvaluateCommunitiesOptions = {
  readonly students: readonly StudentForGrouping[];
  readonly attributes: readonly DiversityAttribute[];
  /** Community index per student id (as the UI holds it while the coordinator drags people). */
  readonly assignment: Readonly<Record<string, number>>;
  readonly communityCount: number;
  readonly sizeBounds?: SizeBounds;
  readonly keepTogether?: readonly StudentPair[];
  readonly keepApart?: readonly StudentPair[];
  /** Flag communities that mix classes. */
  readonly perClass?: boolean;
};

/**
 * Quality figures of any assignment — the solver's or one the coordinator edited by hand. A full
 * recompute is O(n·#attributes), well under a millisecond for a cohort, so the UI can call it on
 * every drag without incremental bookkeeping.
 */
export function evaluateCommunities(options: EvaluateCommunitiesOptions): CommunityQuality {
  const { students, attributes, assignment, communityCount } = options;
  const { table, valueNames } = encodeStudents(students, attributes);
  const community = Int32Array.from(students, (s) => assignment[s.id] ?? -1);
  const diversity = attributeDiversity(table, community, communityCount);
  const A = attributes.length;
  const spread = attributes.map((attribute, a) =>
    attributeSpread(
      attribute.key,
      valueNames[a]!,
      Int32Array.from({ length: students.length }, (_, i) => table.values[i * A + a]!),
      community,
      communityCount,
    ),
  );

  const sizes = new Array<number>(communityCount).fill(0);
  for (const c of community) if (c >= 0 && c < communityCount) sizes[c]!++;
  const bounds = options.sizeBounds;
  const sizeViolations =
    bounds === undefined
      ? []
      : sizes.flatMap((size, c) => (size < bounds.min || size > bounds.max ? [{ community: c, size }] : []));
  const keepTogether = (options.keepTogether ?? []).filter(([a, b]) => assignment[a] !== assignment[b]);
  const keepApart = (options.keepApart ?? []).filter(([a, b]) => assignment[a] !== undefined && assignment[a] === assignment[b]);
  const mixedClasses: number[] = [];
  if (options.perClass === true) {
    const classOf = new Map<number, string | null>();
    students.forEach((s, i) => {
      const c = community[i]!;
      const seen = classOf.get(c);
      if (seen === undefined) classOf.set(c, s.classId ?? null);
      else if (seen !== (s.classId ?? null) && !mixedClasses.includes(c)) mixedClasses.push(c);
    });
    mixedClasses.sort((x, y) => x - y);
  }
  return { diversity, spread, violations: { sizeBounds: sizeViolations, keepTogether, keepApart, mixedClasses } };
}

