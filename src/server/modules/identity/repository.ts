/** All SQL of the identity context. */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../../domain/access/roles';
import type { Db } from '../../db/client';
import { accessCacheFor } from '../../db/access-cache';
import { preparedFor } from '../../db/prepared';
import { authSessions, passwordCredentials, passwordResetTokens, people, roleAssignments } from '../../db/schema';

export type PersonRow = typeof people.$inferSelect;

const findSignedInStatement = preparedFor((db) =>
  db
    .select({
      csrfToken: authSessions.csrfToken,
      expiresAt: authSessions.expiresAt,
      person: people,
      grants: sql<RoleGrant[]>`(select coalesce(json_agg(json_build_object('role', r.role, 'institutionId', r.institution_id, 'programmeId', r.programme_id)), '[]'::json) from ${roleAssignments} r where r.person_id = ${people.id})`,
    })
    .from(authSessions)
    .innerJoin(people, eq(people.id, authSessions.personId))
    .where(eq(authSessions.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('identity_find_signed_in_v2'),
);

type SignedInRow = { csrfToken: string; expiresAt: Date; person: PersonRow; grants: RoleGrant[] };
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

  async deleteSession(tokenHash: string): Promise<void> {
    await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
  },

  async deleteSessionsOf(personId: string): Promise<void> {
    await db.delete(authSessions).where(eq(authSessions.personId, personId));
  },

  async deleteExpiredSessions(now: Date): Promise<void> {
    await db.delete(authSessions).where(lt(authSessions.expiresAt, now));
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
});

export type IdentityRepository = ReturnType<typeof identityRepository>;
