/**
 * The face of the year context (#21: the 100-day moment, warm handovers to another programme):
 * all that other contexts, the composition root (app.ts, main.ts, job-handlers.ts), the demo and
 * the CLI may use. Everything else in this folder is private; ESLint refuses imports past this
 * file (ADR 0008).
 */

/** Counts per choice of an intake's 100-day moment (dashboard, roadmap; small-cell suppression is theirs). */
export { hundredDayOutcomes } from './outcomes';
/** The 100-day job (kind, handler) and its poller hook that schedules each intake's moment. */
export { HUNDRED_DAY_JOB, runHundredDayJob, scheduleHundredDayMoments } from './hundred-day-job';
/** A switch to another programme: check the target; record the agreed warm handover and mail its coordinators. */
export { assertSwitchTarget, recordProgrammeSwitch } from './switch-notices';
/** Demo data: a 100-day moment with answers (src/server/demo). */
export { loadYearDemo } from './load-year-demo';
