/**
 * The face of the mail context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The mail outbox and its dispatcher (main.ts, the CLI). */
export { createMailer, type Mailer } from './mailer';
/** Unsent mail: how much, how old, how much given up (the metrics endpoint). */
export { outboxBacklog, type OutboxBacklog } from './mailer';
/** The beheerder's view of an institution's outbox. */
export { listOutbox } from './mailer';
/** Builds a link that works without signing in (reset, RSVP, calendar feed). */
export { secretLink } from './secret-links';
/** Hides the tokens of secret links wherever someone other than the recipient could see them. */
export { redactSecretLinks } from './secret-links';
/** Which of these outbox mails bounced (refused for good by the receiving server). */
export { bouncedMails } from './mailer';
