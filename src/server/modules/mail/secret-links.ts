/**
 * Links that work without signing in carry a secret token: whoever has the link can reset the
 * password, answer the RSVP, or read the calendar. Only the person it was made for may ever see
 * one. Every such link is built here, and `redactSecretLinks` hides the token on every path that
 * shows a mail or a URL to someone else: the beheerder's outbox and the request log. Only
 * delivery over SMTP reads the stored mail whole.
 */

/** Every kind of link with a secret token the app makes. A new kind is added here. */
export const SECRET_LINK_KINDS = {
  /** Password reset: the token in the fragment, which browsers never send to a server. */
  passwordReset: { build: (base: string, token: string) => `${base}/reset-password#token=${token}`, pattern: /(\/reset-password#token=)[A-Za-z0-9_-]+/g },
  /** A sign-in link: the token in the fragment; the page signs in only with a POST (a button press). */
  magicLink: { build: (base: string, token: string) => `${base}/sign-in/link#token=${token}`, pattern: /(\/sign-in\/link#token=)[A-Za-z0-9_-]+/g },
  /** An invitation's activation link: the token in the fragment, used by a POST from the page. */
  invitation: { build: (base: string, token: string) => `${base}/activate#token=${token}`, pattern: /(\/activate#token=)[A-Za-z0-9_-]+/g },
  /** One-tap RSVP from a reminder mail. */
  rsvp: { build: (base: string, token: string) => `${base}/rsvp#${token}`, pattern: /(\/rsvp#)[A-Za-z0-9_-]+/g },
  /** One-tap answer to the 100-day question (#21): the token in the fragment, the page answers with a POST. */
  hundredDay: { build: (base: string, token: string) => `${base}/100-dagen#${token}`, pattern: /(\/100-dagen#)[A-Za-z0-9_-]+/g },
  /** A nomination to become a coach (#21): the application form, prefilled; the token in the fragment, used by a POST. */
  nomination: { build: (base: string, token: string) => `${base}/apply#nomination=${token}`, pattern: /(\/apply#nomination=)[A-Za-z0-9_-]+/g },
  /** An evaluation questionnaire from its invitation or reminder mail (#18): the token in the fragment. */
  evaluation: { build: (base: string, token: string) => `${base}/questionnaire#${token}`, pattern: /(\/questionnaire#)[A-Za-z0-9_-]+/g },
  /** One-tap sign-up for an opt-in intake from its invitation or reminder mail (#21): the token in the fragment, the page answers with a POST. */
  signUp: { build: (base: string, token: string) => `${base}/doe-je-mee#${token}`, pattern: /(\/doe-je-mee#)[A-Za-z0-9_-]+/g },
  /** A person's iCalendar feed: calendar apps cannot sign in, so the token is in the path. */
  calendarFeed: { build: (base: string, token: string) => `${base}/api/calendar/${token}.ics`, pattern: /(\/api\/calendar\/)[A-Za-z0-9_-]+(?=\.ics)/g },
} as const;

export type SecretLinkKind = keyof typeof SECRET_LINK_KINDS;

/** What stands where a token was, in logs (the outbox shows a translated marker). */
export const REDACTED = '[redacted]';

/**
 * Any word shaped like a token of `newToken()` (32 random bytes in base64url: 43 characters),
 * wherever it stands. Forty or more base64url characters in a row: longer than a UUID (36), so
 * the ids in ordinary links stay readable.
 */
const TOKEN_SHAPED = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;

export function secretLink(publicUrl: string, kind: SecretLinkKind, token: string): string {
  return SECRET_LINK_KINDS[kind].build(publicUrl.replace(/\/+$/, ''), token);
}

/** The text with the token of every secret link (and every other token-shaped word) replaced by `marker`. */
export function redactSecretLinks(text: string, marker: string = REDACTED): string {
  let redacted = text;
  for (const { pattern } of Object.values(SECRET_LINK_KINDS)) redacted = redacted.replace(pattern, (_match, prefix: string) => `${prefix}${marker}`);
  return redacted.replace(TOKEN_SHAPED, marker);
}
