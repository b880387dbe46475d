/**
 * Continuity of a community (report problem P3: when a coach quits, moved students stop coming).
 *
 * Sessions do not exist yet, so "share of sessions led by the same coach" is measured over time:
 * the share of the community's lifetime (from its start until now) during which its original
 * coach led it. When sessions arrive this can count sessions instead; the meaning stays the same.
 * Member continuity is the share of the original members (those placed at the start) who still
 * take part.
 */

export type CoachPeriod = { coachId: string; from: Date; to: Date | null };
export type Membership = { personId: string; initial: boolean; leftOn: Date | null };

export type Continuity = {
  /** 0–1, or null when the community has no coach history yet. */
  originalCoachShare: number | null;
  /** 0–1, or null when there were no original members. */
  originalMembersShare: number | null;
  coachChanges: number;
};

export function continuityOf(options: { start: Date; now: Date; coachPeriods: readonly CoachPeriod[]; memberships: readonly Membership[] }): Continuity {
  const { start, now } = options;
  const periods = [...options.coachPeriods].sort((a, b) => a.from.getTime() - b.from.getTime());
  const lifetime = Math.max(0, now.getTime() - start.getTime());
  let originalCoachShare: number | null = null;
  if (periods.length > 0) {
    const original = periods[0]!.coachId;
    if (lifetime === 0) originalCoachShare = 1;
    else {
      const led = periods
        .filter((p) => p.coachId === original)
        .reduce((sum, p) => {
          const from = Math.max(p.from.getTime(), start.getTime());
          const to = Math.min((p.to ?? now).getTime(), now.getTime());
          return sum + Math.max(0, to - from);
        }, 0);
      originalCoachShare = Math.min(1, led / lifetime);
    }
  }
  const initial = new Map<string, boolean>();
  for (const m of options.memberships) {
    if (!m.initial) continue;
    // A person counts once; still taking part if any of their initial memberships is open.
    initial.set(m.personId, (initial.get(m.personId) ?? false) || m.leftOn === null);
  }
  const originalMembersShare = initial.size === 0 ? null : [...initial.values()].filter(Boolean).length / initial.size;
  const coachChanges = periods.reduce((n, p, i) => (i > 0 && p.coachId !== periods[i - 1]!.coachId ? n + 1 : n), 0);
  return { originalCoachShare, originalMembersShare, coachChanges };
}

/** Size check for adding a member: a full community takes more only with an explicit override. */
export function capacityProblem(currentSize: number, max: number, override: boolean): 'full' | null {
  return currentSize >= max && !override ? 'full' : null;
}
