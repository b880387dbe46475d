import { GroupingError } from './grouping-error.js';
import type { PrePlacement, StudentForGrouping, StudentPair } from './student-grouping-types.js';

export type ResolvedConstraints = {
  /** Index pairs, validated. */
  readonly together: readonly (readonly [number, number])[];
  readonly apart: readonly (readonly [number, number])[];
  /** label per student index, or null. */
  readonly labels: readonly (string | null)[];
};

/**
 * Checks the coordinator's constraints against each other before any search runs, so a
 * contradiction is reported as such (with the students involved) rather than as a poor result.
 */
export function resolveConstraints(
  students: readonly StudentForGrouping[],
  keepTogether: readonly StudentPair[],
  keepApart: readonly StudentPair[],
  prePlaced: readonly PrePlacement[],
  maxSize: number,
): ResolvedConstraints {
  const index = new Map<string, number>();
  students.forEach((s, i) => {
    if (index.has(s.id)) throw new GroupingError('invalid_input', `Student ${s.id} appears twice.`, { studentId: s.id });
    index.set(s.id, i);
  });
  const find = (id: string, role: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new GroupingError('invalid_input', `Unknown student ${id} in ${role}.`, { studentId: id, role });
    return i;
  };
  const together = keepTogether.map(([a, b]) => [find(a, 'keepTogether'), find(b, 'keepTogether')] as const);
  const apart = keepApart.map(([a, b]) => [find(a, 'keepApart'), find(b, 'keepApart')] as const);
  const labels: (string | null)[] = students.map(() => null);
  for (const p of prePlaced) labels[find(p.studentId, 'prePlaced')] = p.label;

  // Keep-together is transitive: check each cluster against size, labels and keep-apart.
  const parent = students.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [a, b] of together) parent[root(a)] = root(b);
  const clusterSize = new Map<number, number>();
  const clusterLabel = new Map<number, string>();
  students.forEach((s, i) => {
    const r = root(i);
    clusterSize.set(r, (clusterSize.get(r) ?? 0) + 1);
    const label = labels[i];
    if (label === null || label === undefined) return;
    const seen = clusterLabel.get(r);
    if (seen !== undefined && seen !== label) {
      throw new GroupingError('conflicting_constraints', `Student ${s.id} must stay with students pre-placed in ${seen}, but is pre-placed in ${label}.`, {
        studentId: s.id,
        labels: [seen, label],
      });
    }
    clusterLabel.set(r, label);
  });
  for (const [r, size] of clusterSize) {
    if (size > maxSize) {
      throw new GroupingError('conflicting_constraints', `${size} students must stay together, more than the maximum community size ${maxSize}.`, {
        studentIds: students.filter((_, i) => root(i) === r).map((s) => s.id),
        maxSize,
      });
    }
  }
  for (const [a, b] of apart) {
    const sameLabel = labels[a] !== null && labels[a] === labels[b];
    if (root(a) === root(b) || sameLabel) {
      throw new GroupingError('conflicting_constraints', `Students ${students[a]!.id} and ${students[b]!.id} must be both together and apart.`, {
        studentIds: [students[a]!.id, students[b]!.id],
      });
    }
  }
  return { together, apart, labels };
}
