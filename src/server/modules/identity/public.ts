/**
 * The face of the identity context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The signed-in person behind a session token (for the session hook). */
export { resolveSession, type SignedIn } from './resolve-session';
/** A person's e-mail address, first name and language, for mail from another context. */
export { mailContactOf, type MailContact } from './mail-contact';
/** A new random token (secret links: RSVP, calendar feed). */
export { newToken } from './secrets';
/** The SHA-256 digest under which a token is stored. */
export { digest } from './secrets';
/** An argon2id password hash (demo and test people). */
export { hashPassword } from './secrets';
/** Retention: expired sign-in sessions and used or old reset tokens (run hourly by the poller). */
export { purgeExpiredSignIns } from './purge-expired';
/** Retention: expired sign-in attempt counters (run hourly by the poller). */
export { purgeAttemptCounters } from './attempt-limits';
/**
 * Opens a session after any first sign-in step (password, SSO, sign-in link, activation), or a
 * pending sign-in when the person's MFA code is still needed: every sign-in method calls this.
 */
export { openSession, type OpenedSession, type SignInMethod } from './open-session';
/** Sets the session or pending-MFA cookie of an opened sign-in on a reply. */
export { setSignInCookies } from './sign-in-reply';
/** The session answer the web client reads (`GET /api/auth/session` and every sign-in route). */
export { describeSession } from './describe-session';
/** Stores a password hash for a person in the caller's transaction (an invitation's activation). */
export { setPasswordHash } from './set-password';
/** Counts a use of a token link against the address's attempt limit; 429 when over it. */
export { countTokenLinkAttempt, type CountedAttempt } from './attempt-limits';
/** Ends every sign-in session of a person at once (deactivation). */
export { endAllSessionsOf } from './sign-in-sessions';
/** Refuses to open a session for a deactivated account: every way of signing in calls it first. */
export { refuseDeactivated } from './sign-in-rules';
