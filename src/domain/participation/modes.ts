/**
 * What the participation mode of an intake changes (#21 item 1; ADR 0020):
 * - compulsory: attendance counts toward the study programme's requirements, so the leercoach
 *   sees attendance counts of their class's students (counts only, never coaching content);
 * - voluntary and the two opt-in modes: taking part is the student's choice, so no attendance
 *   figure or signal reaches the leercoach; the coach still sees their own community's;
 * - optIn: students sign up ("Ik doe mee") until the intake's communities are formed, and only
 *   signed-up students are grouped.
 * Pure rules; the server modules ask these, so one place decides.
 */
import type { ParticipationMode } from '../programme/intake-settings';

/** Does the leercoach see attendance figures of their class's students? Only when it counts toward the programme. */
export function attendanceSharedWithLeercoach(mode: ParticipationMode): boolean {
  return mode === 'compulsory';
}

/** Do students sign up before they are grouped? */
export function usesSignUp(mode: ParticipationMode): boolean {
  return mode === 'optIn';
}

/** The students the grouping engine may place: in opt-in mode only those signed up. */
export function groupingPool<T extends { id: string }>(mode: ParticipationMode, students: readonly T[], signedUp: ReadonlySet<string>): T[] {
  return usesSignUp(mode) ? students.filter((s) => signedUp.has(s.id)) : [...students];
}

/**
 * A student may sign up or withdraw until the intake's communities are formed or the closing day
 * has ended (Europe/Amsterdam: `today` is the Dutch day, `zonedParts(now).date`), whichever comes first.
 */
export function signUpOpen(mode: ParticipationMode, communitiesFormed: boolean, closesOn: string | null = null, today: string | null = null): boolean {
  if (!usesSignUp(mode) || communitiesFormed) return false;
  return closesOn === null || today === null || today <= closesOn;
}

/** Whole days from `today` to the closing day (0: it closes tonight), or null without a closing day or once it has passed. */
export function signUpDaysLeft(closesOn: string | null, today: string): number | null {
  if (closesOn === null || today > closesOn) return null;
  return Math.round((Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The reminder goes out this many days before the closing day (see ADR 0028): time to act, close enough to matter. */
export const SIGN_UP_REMINDER_DAYS_BEFORE = 3;

/** What changing the mode of an intake with communities does, so the coordinator can decide first. */
export type ModeChangeConsequences = {
  from: ParticipationMode;
  to: ParticipationMode;
  /** Active community members of the intake. */
  members: number;
  /** Of those, how many did not sign up (only counted when the change is to opt-in). */
  notSignedUp: number;
  /** The leercoach starts or stops seeing attendance figures. */
  leercoachSees: 'starts' | 'stops' | 'unchanged';
};

export function modeChangeConsequences(input: { from: ParticipationMode; to: ParticipationMode; memberIds: readonly string[]; signedUp: ReadonlySet<string> }): ModeChangeConsequences {
  const before = attendanceSharedWithLeercoach(input.from);
  const after = attendanceSharedWithLeercoach(input.to);
  return {
    from: input.from,
    to: input.to,
    members: input.memberIds.length,
    notSignedUp: usesSignUp(input.to) ? input.memberIds.filter((id) => !input.signedUp.has(id)).length : 0,
    leercoachSees: before === after ? 'unchanged' : after ? 'starts' : 'stops',
  };
}

/** A change asks first when the mode changes and the intake already has community members. */
export function modeChangeNeedsConfirmation(c: ModeChangeConsequences): boolean {
  return c.from !== c.to && c.members > 0;
}

/** The sign-up rate in whole percent, or null when nobody could sign up. */
export function signUpRate(signedUp: number, students: number): number | null {
  return students === 0 ? null : Math.round((signedUp / students) * 100);
}
