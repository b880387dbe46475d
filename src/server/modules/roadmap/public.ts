/**
 * The face of the roadmap context (the Roadmap to studentsucces, issue 22). Everything else in
 * this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** The plan-reminder job kind, its handler and its poller hook (job-handlers.ts). */
export { PLAN_REMINDER_JOB, sendPlanReminder, schedulePlanReminders } from './plan-reminders';
/** The roadmap section of the impact report: statuses over the years and the plan's progress (modules/insight). */
export { roadmapSummary, type RoadmapSummary } from './roadmap-summary';
/** Demo data: the demo programme's roadmap of this year and last year (src/server/demo). */
export { loadRoadmapDemo } from './load-roadmap-demo';
