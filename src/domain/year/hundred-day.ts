/**
 * The 100-day moment (Roadmap factor 4), the pure part: when an intake asks its coachees how they
 * want to go on, until when they can answer, and how the answers add up.
 */
import { readIntakeSettings, type IntakeSettings } from '../programme/intake-settings';
import { addDays, zonedToInstant } from '../sessions/zoned-time';

export const HUNDRED_DAY_CHOICES = ['continue', 'oneOnOnesOnly', 'lessOften', 'stop'] as const;
export type HundredDayChoice = (typeof HUNDRED_DAY_CHOICES)[number];

/** How long a coachee has to answer after the question goes out. */
export const ANSWER_DAYS = 14;
/** The question goes out at this local time on the day the phase ends. */
export const ASK_TIME = '09:00';
/** A stop at the 100-day moment ends the membership with this reason: a regular ending, not a dropout. */
export const STOPPED_AFTER_FIRST_PHASE = 'stoppedAfterFirstPhase';

type Month = 'september' | 'february';

function startDate(academicYear: string, month: Month): string {
  return month === 'september' ? `${academicYear.slice(0, 4)}-09-01` : `${academicYear.slice(5, 9)}-02-01`;
}

/**
 * The first phase marked `reflectionAtEnd`: its last day's morning is when the question goes out,
 * and the deadline is `ANSWER_DAYS` later. Null when no phase asks for a reflection.
 */
export function hundredDayMoment(settings: IntakeSettings, academicYear: string, month: Month): { phaseName: string; askAt: Date; deadline: Date } | null {
  let day = 0;
  for (const phase of settings.phases) {
    day += phase.days;
    if (phase.reflectionAtEnd) {
      const date = addDays(startDate(academicYear, month), day);
      return { phaseName: phase.name, askAt: zonedToInstant(date, ASK_TIME), deadline: zonedToInstant(addDays(date, ANSWER_DAYS), '23:59') };
    }
  }
  return null;
}

/** The same, from an intake's stored settings (any schema version). */
export function hundredDayMomentOf(intake: { settings: unknown; academicYear: string; month: Month }) {
  return hundredDayMoment(readIntakeSettings(intake.settings, intake.month).settings, intake.academicYear, intake.month);
}

export type HundredDayCounts = Record<HundredDayChoice, number> & { asked: number; unanswered: number };

/** Counts per choice; asks without an answer count as unanswered. */
export function tallyChoices(answers: readonly { choice: string | null }[]): HundredDayCounts {
  const counts: HundredDayCounts = { asked: answers.length, unanswered: 0, continue: 0, oneOnOnesOnly: 0, lessOften: 0, stop: 0 };
  for (const a of answers) {
    const choice = HUNDRED_DAY_CHOICES.find((c) => c === a.choice);
    if (choice) counts[choice] += 1;
    else counts.unanswered += 1;
  }
  return counts;
}

/** Whether an answer given at `at` is in time. */
export const answerInTime = (deadline: Date, at: Date): boolean => at.getTime() <= deadline.getTime();
