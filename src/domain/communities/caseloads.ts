/**
 * Individual coaching (#21 item 3): the students of an intake are spread over the coaches'
 * caseloads. Pure: the server loads the coaches with their current caseload and the students
 * without one, and stores what this returns.
 *
 * Why not the grouping engine: it balances students' attributes across groups of 7–8 that meet
 * together; a caseload never meets as a group, so there is nothing to balance but the coaches'
 * load. What matters is an even spread that honours each coach's target: every student once,
 * the fullest-relative-to-target coach last, and nobody moved who already has a coach.
 */

export type CaseloadCoach = {
  readonly id: string;
  /** Coachees in the coach's caseload now. */
  readonly current: number;
  /** The intake's target caseload size (the same for every coach unless the coach's differs). */
  readonly target: number;
};

/** Which coach each student gets: an even spread, filling each coach towards their target, then evenly beyond it. */
export function assignCaseloads(studentIds: readonly string[], coaches: readonly CaseloadCoach[]): Map<string, string> {
  const result = new Map<string, string>();
  if (coaches.length === 0) return result;
  const load = coaches.map((c) => ({ id: c.id, count: c.current, target: Math.max(1, c.target) }));
  for (const studentId of studentIds) {
    // The coach furthest below their target; past every target, the one with the fewest; ties by id (stable).
    let best = load[0]!;
    for (const c of load.slice(1)) {
      const ratio = c.count / c.target;
      const bestRatio = best.count / best.target;
      if (ratio < bestRatio || (ratio === bestRatio && (c.count < best.count || (c.count === best.count && c.id < best.id)))) best = c;
    }
    result.set(studentId, best.id);
    best.count += 1;
  }
  return result;
}

/** How many students go without a caseload when the coaches are full (more students than targets together). */
export function overTarget(students: number, coaches: readonly CaseloadCoach[]): number {
  const room = coaches.reduce((sum, c) => sum + Math.max(0, c.target - c.current), 0);
  return Math.max(0, students - room);
}
