/**
 * The face of the participation context (#21 item 1: participation modes that act): all that
 * other contexts and the composition root may use (ADR 0008).
 */
/** The mode of an intake (or of a class's or community's intake) and its sign-ups: grouping, the leercoach's view. */
export { participationOf, participationOfClass, participationOfCommunity, signedUpIds } from './repository';
/** The settings save asks this inside its transaction: 409 until confirmed, then carries out the choice. */
export { applyModeChange } from './mode-change';
/** The coordinator's figures of an intake (the dashboard shows the mode and the sign-up rate). */
export { intakeParticipation, intakeParticipationOf } from './sign-ups';
/** The student's opt-in intakes (the home shows a task and the menu a destination while sign-up is open). */
export { mySignUps } from './sign-ups';
/** HTTP routes (app.ts). */
export { participationRoutes } from './routes';
/** Sign-up invitations and their reminder (#21): job kinds and handlers, the poller hook (job-handlers.ts), and the settings save's trigger. */
export { scheduleSignUpInvitations, scheduleSignUpMail, sendSignUpInvitations, sendSignUpReminder, SIGN_UP_INVITATIONS_JOB, SIGN_UP_REMINDER_JOB } from './invitations';
