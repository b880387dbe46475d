/** All SQL of the identity context. */
import { and, desc, eq, gt, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../../domain/access/roles';
import type { Db } from '../../db/client';
import { accessCacheFor } from '../../db/access-cache';
import { preparedFor } from '../../db/prepared';
import { authSessions, magicLinkTokens, passwordCredentials, passwordResetTokens, people, rateLimitCounters, roleAssignments } from '../../db/schema';

export type PersonRow = typeof people.$inferSelect;

/** One attempt counted under one key: its window, the previous window and when the row may go. */
export type AttemptHit = { key: string; scope: string; windowStart: Date; previousStart: Date; expiresAt: Date };
export type AttemptCounts = { key: string; current: number; previous: number };

const findSignedInStatement = preparedFor((db) =>
  db
    .select({
      sessionId: authSessions.id,
      csrfToken: authSessions.csrfToken,
      expiresAt: authSessions.expiresAt,
      mfaSetupRequired: authSessions.mfaSetupRequired,
      lastSeenAt: authSessions.lastSeenAt,
      person: people,
      grants: sql<RoleGrant[]>`(select coalesce(json_agg(json_build_object('role', r.role, 'institutionId', r.institution_id, 'programmeId', r.programme_id)), '[]'::json) from ${roleAssignments} r where r.person_id = ${people.id})`,
    })
    .from(authSessions)
    .innerJoin(people, eq(people.id, authSessions.personId))
    // A deactivated account's sessions are deleted at deactivation; this makes sure of it.
    .where(and(eq(authSessions.tokenHash, sql.placeholder('tokenHash')), isNull(people.deactivatedAt)))
    .limit(1)
    .prepare('identity_find_signed_in_v4'),
);

type SignedInRow = { sessionId: string; csrfToken: string; expiresAt: Date; mfaSetupRequired: boolean; lastSeenAt: Date; person: PersonRow; grants: RoleGrant[] };

/** One signed-in session as its owner sees it on "Waar ben ik ingelogd" (never the token or its digest). */
export type SignInSessionRow = { id: string; tokenHash: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date };
/** Token digest → session, person and grants; dropped on any change to them (access-cache.ts). */
const signedInCache = accessCacheFor<SignedInRow | undefined>();

export const identityRepository = (db: Db) => ({
  async findPersonByEmail(email: string): Promise<PersonRow | undefined> {
    const [row] = await db
      .select()
      .from(people)
      .where(sql`lower(${people.email}) = lower(${email})`)
      .limit(1);
    return row;
  },

  async findPerson(personId: string): Promise<PersonRow | undefined> {
    const [row] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
    return row;
  },

  async passwordHash(personId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ hash: passwordCredentials.hash })
      .from(passwordCredentials)
      .where(eq(passwordCredentials.personId, personId));
    return row?.hash;
  },

  async setPasswordHash(personId: string, hash: string): Promise<void> {
    await db
      .insert(passwordCredentials)
      .values({ personId, hash })
      .onConflictDoUpdate({ target: passwordCredentials.personId, set: { hash, updatedAt: new Date() } });
  },

  async grants(personId: string): Promise<RoleGrant[]> {
    return db
      .select({
        role: roleAssignments.role,
        institutionId: roleAssignments.institutionId,
        programmeId: roleAssignments.programmeId,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, personId));
  },

  async createSession(row: typeof authSessions.$inferInsert): Promise<void> {
    await db.insert(authSessions).values(row);
  },

  /**
   * The live session for a token digest with its person and role grants: this runs on every API
   * request, so it comes from the access cache when it can (one round trip when it cannot).
   */
  async findSignedIn(tokenHash: string, now: Date): Promise<Omit<SignedInRow, 'expiresAt'> | undefined> {
    const read = async () => (await findSignedInStatement(db).execute({ tokenHash }))[0];
    const cache = signedInCache(db);
    const row = cache ? await cache.get(tokenHash, read, (found) => found !== undefined) : await read();
    // Checked on every request, cached or not: a session ends on time.
    return row && row.expiresAt.getTime() > now.getTime() ? row : undefined;
  },

  /**
   * Records that a session was used, unless that was recorded less than `minAgeMs` ago (by any
   * instance): at most one write per session per few minutes. The access trigger ignores this
   * column, so it drops no cache.
   */
  async touchSession(tokenHash: string, now: Date, minAgeMs: number): Promise<void> {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(authSessions.tokenHash, tokenHash), lt(authSessions.lastSeenAt, new Date(now.getTime() - minAgeMs))));
  },

  /** A person's live sessions, most recently used first. */
  async sessionsOf(personId: string, now: Date): Promise<SignInSessionRow[]> {
    return db
      .select({ id: authSessions.id, tokenHash: authSessions.tokenHash, userAgent: authSessions.userAgent, createdAt: authSessions.createdAt, lastSeenAt: authSessions.lastSeenAt })
      .from(authSessions)
      .where(and(eq(authSessions.personId, personId), gt(authSessions.expiresAt, now)))
      .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
  },

  /** Ends one of the person's own sessions by its public id; false when they have no such session. */
  async deleteOwnSession(personId: string, sessionId: string): Promise<boolean> {
    const deleted = await db
      .delete(authSessions)
      .where(and(eq(authSessions.personId, personId), eq(authSessions.id, sessionId)))
      .returning({ id: authSessions.id });
    return deleted.length > 0;
  },

  /** Ends all of the person's sessions but one (or all, when `keepTokenHash` is null); returns how many. */
  async deleteSessionsExcept(personId: string, keepTokenHash: string | null): Promise<number> {
    const deleted = await db
      .delete(authSessions)
      .where(keepTokenHash ? and(eq(authSessions.personId, personId), ne(authSessions.tokenHash, keepTokenHash)) : eq(authSessions.personId, personId))
      .returning({ id: authSessions.id });
    return deleted.length;
  },

  async deleteSession(tokenHash: string): Promise<void> {
    await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
  },

  async deleteSessionsOf(personId: string): Promise<void> {
    await db.delete(authSessions).where(eq(authSessions.personId, personId));
  },

  /** Retention: signed-in sessions past their expiry (they no longer work; nothing needs them). */
  async deleteExpiredSessions(now: Date): Promise<void> {
    await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
  },

  /** Retention: reset tokens that were used, or expired more than a day ago. */
  async deleteSpentResetTokens(now: Date): Promise<void> {
    const dayBefore = new Date(now.getTime() - 24 * 3_600_000);
    await db
      .delete(passwordResetTokens)
      .where(or(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.expiresAt, dayBefore)));
  },

  /** Retention: sign-in link tokens that expired more than a day ago (used or not). */
  async deleteSpentMagicLinkTokens(now: Date): Promise<void> {
    await db.delete(magicLinkTokens).where(lt(magicLinkTokens.expiresAt, new Date(now.getTime() - 24 * 3_600_000)));
  },

  async createMagicLinkToken(row: typeof magicLinkTokens.$inferInsert): Promise<void> {
    await db.insert(magicLinkTokens).values(row);
  },

  /**
   * Marks a sign-in link's token used and returns its person, in one conditional UPDATE: of two
   * concurrent uses exactly one matches. A row without a person (an unknown address) never does.
   */
  async consumeMagicLinkToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await db
      .update(magicLinkTokens)
      .set({ usedAt: now })
      .where(and(eq(magicLinkTokens.tokenHash, tokenHash), isNull(magicLinkTokens.usedAt), gt(magicLinkTokens.expiresAt, now), isNotNull(magicLinkTokens.personId)))
      .returning({ personId: magicLinkTokens.personId });
    return row?.personId ?? undefined;
  },

  async findMagicLinkToken(tokenHash: string) {
    const [row] = await db.select().from(magicLinkTokens).where(eq(magicLinkTokens.tokenHash, tokenHash)).limit(1);
    return row;
  },

  async setLocale(personId: string, locale: 'nl' | 'en'): Promise<void> {
    await db.update(people).set({ locale }).where(eq(people.id, personId));
  },

  async createResetToken(row: typeof passwordResetTokens.$inferInsert): Promise<void> {
    await db.insert(passwordResetTokens).values(row);
  },

  /** Marks the token used and returns its person, atomically: a token works exactly once. */
  async consumeResetToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await db
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ personId: passwordResetTokens.personId });
    return row?.personId;
  },

  /**
   * Counts one attempt under each key and returns the counts of the current and previous
   * windows, in one statement: an upsert per key (INSERT … ON CONFLICT … RETURNING), so
   * concurrent attempts on any instance each see their own count.
   */
  async countAttempt(hits: AttemptHit[]): Promise<AttemptCounts[]> {
    const values = sql.join(
      hits.map((h) => sql`(${h.key}::text, ${h.scope}::text, ${h.windowStart.toISOString()}::timestamptz, ${h.previousStart.toISOString()}::timestamptz, ${h.expiresAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    const result: unknown = await db.execute(sql`
      with input (key, scope, window_start, previous_start, expires_at) as (values ${values}),
      hit as (
        insert into ${rateLimitCounters} (key, scope, window_start, hits, expires_at)
        select key, scope, window_start, 1, expires_at from input
        on conflict (key, window_start) do update set hits = ${rateLimitCounters.hits} + 1
        returning key, hits
      )
      select hit.key, hit.hits as current, coalesce(previous.hits, 0) as previous
      from hit
      join input on input.key = hit.key
      left join ${rateLimitCounters} previous on previous.key = hit.key and previous.window_start = input.previous_start`);
    // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
    return (result as { rows: { key: string; current: number | string; previous: number | string }[] }).rows.map((r) => ({
      key: r.key,
      current: Number(r.current),
      previous: Number(r.previous),
    }));
  },

  /** Takes back one counted attempt (a successful one, or one refused before it was tried). */
  async uncountAttempt(hits: Pick<AttemptHit, 'key' | 'windowStart'>[]): Promise<void> {
    if (hits.length === 0) return;
    await db
      .update(rateLimitCounters)
      .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
      .where(or(...hits.map((h) => and(eq(rateLimitCounters.key, h.key), eq(rateLimitCounters.windowStart, h.windowStart)))));
  },

  /** Retention: counters whose windows no longer count. */
  async purgeAttemptCounters(now: Date): Promise<void> {
    await db.delete(rateLimitCounters).where(lte(rateLimitCounters.expiresAt, now));
  },
});

export type IdentityRepository = ReturnType<typeof identityRepository>;
