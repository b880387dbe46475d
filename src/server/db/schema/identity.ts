/** Credentials, sessions and reset tokens. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
 * database cannot be used to sign in. Personal data (who is signed in, when).
 * Purpose: authentication. Retention: deleted at expiry or sign-out.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
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
