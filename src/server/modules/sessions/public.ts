/**
 * The face of the sessions context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** A person's sessions in a time window, with their relations (calendar feed). */
export { loadSessionsAround } from './repository';
/** A session's human name in a mail or calendar. */
export { sessionLabel } from './session-mail';
/** Mails a session change to people, each in their language. */
export { mailPeople } from './session-mail';
/** The period of an intake's academic year, and an institution's holidays in a year. */
export { intakePeriod, holidaysOf } from './plan-year';
/** Schedules and cancels a session's reminder jobs. */
export { scheduleSessionReminders, cancelSessionReminders } from './schedule-reminders';
/** The session job kinds and their handlers (for the job registry). */
export { sessionJobHandlers } from './reminder-jobs';
/** Demo data: sessions of the demo communities (src/server/demo). */
export { loadSessionsDemo, type DemoCommunity } from './load-sessions-demo';
/** Communities' default session mode and meeting link (publishing a schedule, the scheduling instance). */
export { communitySessionDefaults } from './repository';
/** Where a session is in words (room or meeting link), for mails to the people invited. */
export { whereText } from './session-mail';
/** Peer coaching's reach and attendance in a programme over a window, counts only (the roadmap's evidence). */
export { peerCoachingReach, type ReachFigures } from './reach-figures';
/** The "three missed in a row" signals standing now where attendance was marked lately, with the session each streak began with (the signal mail). */
export { attendanceStreaksSince, type AttendanceStreak } from './attendance-insight';
