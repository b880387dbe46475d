/**
 * The face of the evaluation context (#18: evaluation questionnaires, the coach's end-of-year
 * report, the attendance signal mails). Everything else in this folder is private; ESLint refuses
 * imports past this file (ADR 0008).
 */

/** Evaluation results per moment and question (n, mean, distribution; paired T0→T2 change), 1–4 people suppressed (the dashboard, the impact report). */
export { evaluationResults } from './results';
/** The wording of the questions asked in a programme's questionnaires (per `set|key`), as stored with each round. */
export { questionLabels } from './results';
/** Invited and answered per community and moment, 1–4 people suppressed. */
export { responseRates } from './results';
/** Opening a questionnaire moment and its reminders: job kinds and handlers, and the poller hook that schedules the openings (job-handlers.ts). */
export { EVALUATION_OPEN_JOB, EVALUATION_REMINDER_JOB, openEvaluationMoment, sendEvaluationReminder, scheduleEvaluationMoments } from './open-moments';
/** The poller's hook that mails a coach once per new "three missed in a row" signal (job-handlers.ts). */
export { mailAttendanceSignals } from './attendance-signal-mails';
/** The demo's open questionnaire, opened (invitations mailed) while the demo loads (load-demo.ts). */
export { loadEvaluationDemo } from './load-evaluation-demo';
