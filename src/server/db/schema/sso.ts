/** Single sign-on through OpenID Connect (SURFconext): links and sign-ins in progress. */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { people } from './organisation';

/**
 * Which identity-provider account (`issuer`, `sub`) is which person, remembered once made so
 * later sign-ins do not depend on the e-mail address or student number again. Personal data (a
 * pseudonymous identifier of the person at the provider), not special-category.
 * Purpose: signing in with SURFconext. Retention: as the person (deleted with them).
 */
export const oidcLinks = pgTable(
  'oidc_links',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('oidc_links_person_idx').on(t.personId)],
);

/**
 * An OpenID Connect sign-in in progress: the SHA-256 of its `state` (the state itself is in the
 * browser's short-lived cookie), its nonce and PKCE verifier. Single use: consumed atomically at
 * the callback. No personal data (nothing links it to a person).
 * Purpose: binding the provider's answer to the browser that asked. Retention: ten minutes, then
 * deleted by the hourly purge.
 */
export const oidcSignInAttempts = pgTable(
  'oidc_sign_in_attempts',
  {
    stateHash: text('state_hash').primaryKey(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('oidc_sign_in_attempts_expires_idx').on(t.expiresAt)],
);
