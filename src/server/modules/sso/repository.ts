/** All SQL of the sso context: sign-ins in progress, remembered links, and finding the person. */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions, oidcLinks, oidcSignInAttempts, people } from '../../db/schema';

export type SsoPerson = { id: string; institutionId: string };

export const ssoRepository = (db: Db) => ({
  async createAttempt(row: typeof oidcSignInAttempts.$inferInsert): Promise<void> {
    await db.insert(oidcSignInAttempts).values(row);
  },

  /** Uses up a sign-in in progress: its nonce and PKCE verifier, once, before it expires. */
  async consumeAttempt(stateHash: string, now: Date): Promise<{ nonce: string; codeVerifier: string } | undefined> {
    const [row] = await db
      .update(oidcSignInAttempts)
      .set({ usedAt: now })
      .where(and(eq(oidcSignInAttempts.stateHash, stateHash), isNull(oidcSignInAttempts.usedAt), gt(oidcSignInAttempts.expiresAt, now)))
      .returning({ nonce: oidcSignInAttempts.nonce, codeVerifier: oidcSignInAttempts.codeVerifier });
    return row;
  },

  /** Retention: used or expired sign-ins in progress. */
  async purgeAttempts(now: Date): Promise<void> {
    await db.delete(oidcSignInAttempts).where(or(lt(oidcSignInAttempts.expiresAt, now), lt(oidcSignInAttempts.createdAt, new Date(now.getTime() - 3_600_000))));
  },

  async linkedPerson(issuer: string, subject: string): Promise<SsoPerson | undefined> {
    const [row] = await db
      .select({ id: people.id, institutionId: people.institutionId })
      .from(oidcLinks)
      .innerJoin(people, eq(people.id, oidcLinks.personId))
      .where(and(eq(oidcLinks.issuer, issuer), eq(oidcLinks.subject, subject)));
    return row;
  },

  async touchLink(issuer: string, subject: string, now: Date): Promise<void> {
    await db.update(oidcLinks).set({ lastUsedAt: now }).where(and(eq(oidcLinks.issuer, issuer), eq(oidcLinks.subject, subject)));
  },

  /** Remembers the link; a person keeps one link per provider (a new one replaces theirs). */
  async link(issuer: string, subject: string, personId: string, now: Date): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.delete(oidcLinks).where(and(eq(oidcLinks.issuer, issuer), eq(oidcLinks.personId, personId)));
      await tx.insert(oidcLinks).values({ issuer, subject, personId, lastUsedAt: now }).onConflictDoNothing();
    });
  },

  async personByEmail(email: string): Promise<SsoPerson | undefined> {
    const [row] = await db
      .select({ id: people.id, institutionId: people.institutionId })
      .from(people)
      .where(sql`lower(${people.email}) = lower(${email})`)
      .limit(1);
    return row;
  },

  async personByStudentNumber(institutionId: string, studentNumber: string): Promise<SsoPerson | undefined> {
    const [row] = await db
      .select({ id: people.id, institutionId: people.institutionId })
      .from(people)
      .where(and(eq(people.institutionId, institutionId), eq(people.studentNumber, studentNumber)));
    return row;
  },

  /**
   * The configured institution; unset, the installation's only institution, or its only one
   * that is not the demo. Null when that is ambiguous (then PEERKRACHT_INSTITUTION_ID must say).
   */
  async institutionFor(configured: string | null): Promise<string | null> {
    if (configured) {
      const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, configured));
      return row?.id ?? null;
    }
    const rows = await db.select({ id: institutions.id, isDemo: institutions.isDemo }).from(institutions).limit(50);
    if (rows.length === 1) return rows[0]?.id ?? null;
    const real = rows.filter((row) => !row.isDemo);
    return real.length === 1 ? (real[0]?.id ?? null) : null;
  },

  /** A person with no roles (auto-create); null when the e-mail address is taken. */
  async createPerson(row: { institutionId: string; firstName: string; lastName: string; email: string; studentNumber: string | null }): Promise<SsoPerson | null> {
    const [created] = await db
      .insert(people)
      .values({ ...row, locale: 'nl' })
      .onConflictDoNothing()
      .returning({ id: people.id, institutionId: people.institutionId });
    return created ?? null;
  },
});
