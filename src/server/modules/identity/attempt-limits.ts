/**
 * Attempt limits of the account routes (ADR 0002), counted in the database so that every app
 * instance sees the same counts. An attempt is counted under each of its keys *before* it is
 * tried (one atomic upsert), so concurrent attempts cannot slip past a limit together; one that
 * goes over a limit is taken back and refused with 429 and Retry-After, one that succeeds is
 * taken back too. Only failures stay counted — and a success takes back its own attempt only,
 * never another attempt's: signing in to one's own account does not reset an address's count.
 *
 * Keys are HMAC-SHA-256 digests of the scope and subject (address, e-mail address, or both):
 * the table never holds an e-mail address or an IP address.
 */
import { createHmac } from 'node:crypto';
import { accountSubject, addressSubject, isAllowed, retryAfterSeconds, windowAt } from '../../../domain/identity/attempt-window';
import type { Services } from '../../context';
import { TooManyAttemptsError } from '../../errors/app-error';
import { identityRepository, type AttemptHit } from './repository';

const MINUTE = 60_000;

type Rule = { scope: string; subject: string; max: number; windowMs: number };

/** Sign-in: failures per address (any accounts), per account (any addresses), and per both. */
export const signInRules = (services: Services, address: string, email: string): Rule[] => {
  const from = addressSubject(address);
  const account = accountSubject(email);
  return [
    { scope: 'sign-in:address', subject: from, max: services.config.attemptLimits.signInPerAddress, windowMs: 15 * MINUTE },
    // Guessing at one account from many addresses; high enough that a few wrong tries by its
    // owner, or someone else's, do not lock it for long.
    { scope: 'sign-in:account', subject: account, max: 30, windowMs: 15 * MINUTE },
    { scope: 'sign-in:address-account', subject: `${from}\n${account}`, max: 10, windowMs: 15 * MINUTE },
  ];
};

/** Reset links: every request counts (the answer never says whether a mail went out). */
export const passwordResetRules = (address: string, email: string): Rule[] => [
  { scope: 'reset:account', subject: accountSubject(email), max: 5, windowMs: 60 * MINUTE },
  { scope: 'reset:address', subject: addressSubject(address), max: 20, windowMs: 60 * MINUTE },
];

/** Setting a password with a reset token: failures (unknown or used tokens) per address. */
export const completeResetRules = (address: string): Rule[] => [
  { scope: 'reset-complete:address', subject: addressSubject(address), max: 10, windowMs: 15 * MINUTE },
];

/** Sign-in links: every request counts (the answer never says whether a mail went out). */
export const magicLinkRules = (address: string, email: string): Rule[] => [
  { scope: 'magic-link:account', subject: accountSubject(email), max: 5, windowMs: 60 * MINUTE },
  { scope: 'magic-link:address', subject: addressSubject(address), max: 20, windowMs: 60 * MINUTE },
];

/**
 * Using a link with a token (a sign-in link, an invitation's activation link): failures
 * (unknown, used or expired tokens) per address, so tokens cannot be guessed.
 */
export const tokenLinkRules = (address: string): Rule[] => [
  { scope: 'token-link:address', subject: addressSubject(address), max: 10, windowMs: 15 * MINUTE },
];

/**
 * MFA codes (sign-in's second step, set-up, turning off): failures per account and per address.
 * A six-digit code has a million values; ten tries per quarter hour keeps guessing hopeless.
 */
export const mfaRules = (address: string, personId: string): Rule[] => [
  { scope: 'mfa:account', subject: `person:${personId}`, max: 10, windowMs: 15 * MINUTE },
  { scope: 'mfa:address', subject: addressSubject(address), max: 30, windowMs: 15 * MINUTE },
];

export type CountedAttempt = {
  /** Takes this attempt back: it succeeded, so it is not a guess. */
  succeeded(): Promise<void>;
};

/** Without a configured key the digests still keep addresses out of sight, but not out of reach of a guess. */
const BUILT_IN_KEY = 'peerkracht attempt counters (set PEERKRACHT_RATE_LIMIT_KEY)';

const keyOf = (services: Services, rule: Rule): string =>
  createHmac('sha256', services.config.attemptLimits.key ?? BUILT_IN_KEY).update(`${rule.scope}\n${rule.subject}`).digest('base64url');

/**
 * Counts an attempt under every rule, or throws TooManyAttemptsError (counting nothing) when
 * one more would go over a limit.
 */
export async function countAttempt(services: Services, rules: Rule[]): Promise<CountedAttempt> {
  const repo = identityRepository(services.db);
  const now = services.now();
  const hits = rules.map((rule): AttemptHit & { rule: Rule } => {
    const window = windowAt(now, rule.windowMs);
    return {
      rule,
      key: keyOf(services, rule),
      scope: rule.scope,
      windowStart: window.start,
      previousStart: window.previousStart,
      // The window is read as "previous" for one more window length.
      expiresAt: new Date(window.end.getTime() + rule.windowMs),
    };
  });
  const counts = new Map((await repo.countAttempt(hits)).map((c) => [c.key, c]));
  let wait = 0;
  for (const hit of hits) {
    const count = counts.get(hit.key) ?? { current: 1, previous: 0 };
    const figures = { current: count.current, previous: count.previous, max: hit.rule.max, windowMs: hit.rule.windowMs, now };
    if (!isAllowed(figures)) wait = Math.max(wait, retryAfterSeconds({ ...figures, current: count.current - 1 }));
  }
  if (wait > 0) {
    await repo.uncountAttempt(hits);
    throw new TooManyAttemptsError(wait);
  }
  return { succeeded: () => repo.uncountAttempt(hits) };
}

/**
 * Retention: counters whose windows no longer count, deleted about once an hour by the job
 * poller of every instance (src/server/job-handlers.ts, `retentionPurges`).
 */
export const purgeAttemptCounters = async (services: Services): Promise<void> => {
  await identityRepository(services.db).purgeAttemptCounters(services.now());
};

/** Counts one use of a link with a token (an invitation's activation) against the address's limit. */
export const countTokenLinkAttempt = (services: Services, address: string): Promise<CountedAttempt> => countAttempt(services, tokenLinkRules(address));
