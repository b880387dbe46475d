/**
 * The face of the consent context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Does the subject's consent hold right now (never cached)? */
export { hasConsent } from './has-consent';
/** Throws `consent_required` (403) unless the subject's consent holds. */
export { requireConsent } from './has-consent';
/** For lists: the people among these whose consent holds (one query). */
export { withConsent } from './has-consent';
/** Granted, withdrawn or unanswered: where the subject stands on a consent. */
export { consentStatus } from './has-consent';
