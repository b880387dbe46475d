/** Credentials, sessions, reset tokens and the attempt counters that protect them. */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { people } from './organisation';

/**
 * The argon2id hash of a person's password. Personal data (a credential).
 * Purpose: signing in. Retention: deleted with the person or when the password is removed.
 */
export const passwordCredentials = pgTable('password_credentials', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A signed-in browser session. Only the SHA-256 of the session token is stored, so a copy of the
 * database cannot be used to sign in. Personal data (who is signed in, when, from which browser).
 * Purpose: authentication, and the person's own list of where they are signed in ("Waar ben ik
 * ingelogd"). Retention: deleted at expiry or sign-out.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** The session's public name on "Waar ben ik ingelogd" (never the token or its digest). */
    id: uuid('id').notNull().unique().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * Opened for someone whose role requires MFA and who has not set it up: until they do, the
     * session reaches only the set-up (access-hook.ts). Cleared when they confirm it.
     */
    mfaSetupRequired: boolean('mfa_setup_required').notNull().default(false),
    /** The browser's User-Agent at sign-in (cut to 512 characters), shown as "Chrome op Android". */
    userAgent: text('user_agent'),
    /** When the session was last used, updated at most once per few minutes (not per request). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_sessions_person_idx').on(t.personId)],
);

/**
 * A single-use password-reset token (hashed). Personal data (links to a person).
 * Purpose: account recovery. Retention: deleted when used or one day after expiry.
 */
export const passwordResetTokens = pgTable('password_reset_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * Attempt counters of the account routes (sign-in, password reset): hits per key per fixed
 * window, read as a sliding window (the previous window weighted by how much of it still
 * overlaps). Shared by every app instance, so the limits hold however many instances run.
 * `key` is an HMAC-SHA-256 of the scope and the subject (an IP address or /64 prefix, a
 * normalised e-mail address, or both) — the raw address or e-mail is never stored. Personal
 * data only as a pseudonymous digest, not special-category.
 * Purpose: limiting password guessing and reset-mail floods. Retention: two windows (at most
 * two hours), then deleted by the job poller's hourly retention purge.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    /** What is counted, e.g. `sign-in:address` (no personal data). */
    scope: text('scope').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);

/**
 * A single-use sign-in link ("Stuur me een inloglink"), valid 15 minutes; only the SHA-256 of
 * the token is stored. A request for an address without an account stores a row without a
 * person (never usable), so both answers do the same work. Personal data (links to a person).
 * Purpose: signing in without a password. Retention: deleted by the hourly sign-in purge one day
 * after expiry.
 */
export const magicLinkTokens = pgTable(
  'magic_link_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('magic_link_tokens_expires_idx').on(t.expiresAt)],
);

/**
 * A person's TOTP authenticator (MFA). The shared secret is encrypted with AES-256-GCM under
 * PEERKRACHT_MFA_KEY (modules/identity/totp.ts) and is never returned by any API after set-up.
 * `last_time_step` is the newest 30-second step a code was accepted for: a code is never accepted
 * twice. Personal data (a credential), not special-category.
 * Purpose: the second sign-in factor. Retention: until the person turns it off, or is erased.
 */
export const totpCredentials = pgTable('totp_credentials', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  secretCiphertext: text('secret_ciphertext').notNull(),
  /** Null while set-up waits for the first code; MFA is on from this moment. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastTimeStep: integer('last_time_step'),
  createdAt: createdAt(),
});

/**
 * Single-use MFA recovery codes, stored as SHA-256 digests (the codes are random, 50 bits).
 * Personal data (a credential). Purpose: signing in when the authenticator is lost.
 * Retention: until used (then kept marked used until new codes replace them), MFA is turned off,
 * or the person is erased.
 */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_codes_person_idx').on(t.personId)],
);

/**
 * A sign-in half done: the first factor (password, SSO, link) passed and the MFA code is
 * awaited. Only the SHA-256 of the browser's token is stored. Personal data (who is signing in).
 * Purpose: two-step sign-in. Retention: five minutes; deleted when completed, or by the hourly purge.
 */
export const pendingSignIns = pgTable(
  'pending_sign_ins',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** How the first step was taken: password, oidc, magic-link, activation. */
    method: text('method').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pending_sign_ins_expires_idx').on(t.expiresAt)],
);
