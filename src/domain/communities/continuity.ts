/**
 * Continuity of a community (report problem P3: when a coach quits, moved students stop coming).
 *
 * Coach continuity is the share of the community's sessions held so far that its original coach
 * led (the session's organiser, or else whoever coached the community on that day). Before the
 * first session has been held it is measured in time instead: the share of the community's
 * lifetime during which the original coach led it; `basis` says which.
 *
 * Member continuity is the share of the original members who still take part. Original: placed
 * at the start — by the grouping, or by hand before the first session (or, without sessions, in
 * the first two weeks) — and not moved in from another community.
 */

export type CoachPeriod = { coachId: string; from: Date; to: Date | null };
export type Membership = { personId: string; joinedOn: Date; reason: string; leftOn: Date | null; leftReason?: string | null };

/**
 * How memberships ended (#21 item 7): finishing the year, stopping at the 100-day moment and
 * switching to another study programme are regular endings; the continuity figures count them
 * apart from dropping out. A move to another community is no ending.
 */
export const ENDING_KINDS = ['finished', 'stoppedAfterFirstPhase', 'switchedProgramme', 'droppedOut'] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];
export type Endings = Record<EndingKind, number>;

/** The ending a membership's leave reason stands for; null for a move or handover (no ending). */
export function endingKind(leftReason: string | null | undefined): EndingKind | null {
  switch (leftReason) {
    case 'moved':
    case 'handover':
    // Taken out when the intake became opt-in and they had not signed up (#21 item 1): they never chose to take part.
    case 'notSignedUp':
    // Taken out when the intake changed format (#21 item 3): they are placed anew in the new format.
    case 'formatChanged':
      return null;
    case 'finished':
    case 'stoppedAfterFirstPhase':
    case 'switchedProgramme':
      return leftReason;
    default:
      // 'stopped', 'notStarted', 'other' and anything older: the member dropped out.
      return 'droppedOut';
  }
}

/** Endings per kind, each person once (their last ended membership that was an ending). */
export function endingsOf(memberships: readonly Membership[]): Endings {
  const result: Endings = { finished: 0, stoppedAfterFirstPhase: 0, switchedProgramme: 0, droppedOut: 0 };
  const open = new Set(memberships.filter((m) => m.leftOn === null).map((m) => m.personId));
  const last = new Map<string, Membership>();
  for (const m of memberships) {
    if (m.leftOn === null || open.has(m.personId) || endingKind(m.leftReason) === null) continue;
    const seen = last.get(m.personId);
    if (!seen || (seen.leftOn?.getTime() ?? 0) < m.leftOn.getTime()) last.set(m.personId, m);
  }
  for (const m of last.values()) {
    const kind = endingKind(m.leftReason);
    if (kind) result[kind] += 1;
  }
  return result;
}
/** A held or planned (not cancelled) session of the community, with who led it if known. */
export type HeldSession = { at: Date; leaderId: string | null };

export type Continuity = {
  /** 0–1, or null when the community has no coach history yet. */
  originalCoachShare: number | null;
  /** 0–1, or null when there were no original members. */
  originalMembersShare: number | null;
  coachChanges: number;
  /** What the coach share counts: sessions held, or (before the first session) time. */
  basis: 'sessions' | 'time';
  /** Sessions held so far (the denominator when `basis` is 'sessions'). */
  sessionsHeld: number;
  /** How members' participation ended: regular endings apart from dropping out. */
  endings: Endings;
};

/** Without sessions, members placed in the first two weeks count as the original group. */
export const PLACEMENT_DAYS = 14;
const MOVED_IN = new Set(['moved', 'handover']);

function coachAt(periods: readonly CoachPeriod[], at: Date): string | null {
  const t = at.getTime();
  return periods.find((p) => p.from.getTime() <= t && (p.to === null || t < p.to.getTime()))?.coachId ?? null;
}

export function continuityOf(options: {
  start: Date;
  now: Date;
  coachPeriods: readonly CoachPeriod[];
  memberships: readonly Membership[];
  sessions?: readonly HeldSession[];
}): Continuity {
  const { start, now } = options;
  const periods = [...options.coachPeriods].sort((a, b) => a.from.getTime() - b.from.getTime());
  const held = (options.sessions ?? []).filter((s) => s.at.getTime() <= now.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
  const original = periods[0]?.coachId ?? null;
  let originalCoachShare: number | null = null;
  if (original !== null && held.length > 0) {
    originalCoachShare = held.filter((s) => (s.leaderId ?? coachAt(periods, s.at)) === original).length / held.length;
  } else if (original !== null) {
    const lifetime = Math.max(0, now.getTime() - start.getTime());
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
  const cutoff = held[0]?.at.getTime() ?? start.getTime() + PLACEMENT_DAYS * 86_400_000;
  const initial = new Map<string, boolean>();
  for (const m of options.memberships) {
    const isOriginal = m.reason === 'initial' || (!MOVED_IN.has(m.reason) && m.joinedOn.getTime() <= cutoff);
    if (!isOriginal) continue;
    // A person counts once; still taking part if any of their original memberships is open.
    initial.set(m.personId, (initial.get(m.personId) ?? false) || m.leftOn === null);
  }
  const originalMembersShare = initial.size === 0 ? null : [...initial.values()].filter(Boolean).length / initial.size;
  const coachChanges = periods.reduce((n, p, i) => (i > 0 && p.coachId !== periods[i - 1]!.coachId ? n + 1 : n), 0);
  return { originalCoachShare, originalMembersShare, coachChanges, basis: held.length > 0 ? 'sessions' : 'time', sessionsHeld: held.length, endings: endingsOf(options.memberships) };
}

/** Size check for adding a member: a full community takes more only with an explicit override. */
export function capacityProblem(currentSize: number, max: number, override: boolean): 'full' | null {
  return currentSize >= max && !override ? 'full' : null;
}
