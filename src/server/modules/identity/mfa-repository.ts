/** The SQL of MFA and two-step sign-in: TOTP credentials, recovery codes, pending sign-ins. */
import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authSessions, mfaRecoveryCodes, pendingSignIns, totpCredentials } from '../../db/schema';

export type TotpRow = typeof totpCredentials.$inferSelect;

export const mfaRepository = (db: Db) => ({
  async totpOf(personId: string): Promise<TotpRow | undefined> {
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.personId, personId));
    return row;
  },

  /** A new, unconfirmed secret; refused (false) while a confirmed one exists. */
  async startTotp(personId: string, secretCiphertext: string): Promise<boolean> {
    const rows = await db
      .insert(totpCredentials)
      .values({ personId, secretCiphertext })
      .onConflictDoUpdate({ target: totpCredentials.personId, set: { secretCiphertext, lastTimeStep: null, createdAt: sql`now()` }, setWhere: isNull(totpCredentials.confirmedAt) })
      .returning({ personId: totpCredentials.personId });
    return rows.length === 1;
  },

  /**
   * Accepts a code's time step once: only if it is newer than the last accepted one (and the
   * credential is in the state asked for). Concurrent uses of one code: one wins.
   */
  async acceptTimeStep(personId: string, timeStep: number, confirm: { confirmedAt: Date } | null): Promise<boolean> {
    const rows = await db
      .update(totpCredentials)
      .set({ lastTimeStep: timeStep, ...(confirm ? { confirmedAt: confirm.confirmedAt } : {}) })
      .where(
        and(
          eq(totpCredentials.personId, personId),
          or(isNull(totpCredentials.lastTimeStep), lt(totpCredentials.lastTimeStep, timeStep)),
          confirm ? isNull(totpCredentials.confirmedAt) : isNotNull(totpCredentials.confirmedAt),
        ),
      )
      .returning({ personId: totpCredentials.personId });
    return rows.length === 1;
  },

  async replaceRecoveryCodes(personId: string, digests: string[]): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.personId, personId));
      await tx.insert(mfaRecoveryCodes).values(digests.map((codeHash) => ({ codeHash, personId })));
    });
  },

  /** Marks an unused recovery code of this person used; true if this call did. */
  async useRecoveryCode(personId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(mfaRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(mfaRecoveryCodes.codeHash, codeHash), eq(mfaRecoveryCodes.personId, personId), isNull(mfaRecoveryCodes.usedAt)))
      .returning({ codeHash: mfaRecoveryCodes.codeHash });
    return rows.length === 1;
  },

  async recoveryCodesLeft(personId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.personId, personId), isNull(mfaRecoveryCodes.usedAt)));
    return row?.n ?? 0;
  },

  /** MFA off: the authenticator and the recovery codes go. */
  async removeMfa(personId: string): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.personId, personId));
      await tx.delete(totpCredentials).where(eq(totpCredentials.personId, personId));
    });
  },

  /** The person's sessions may now do everything (they set MFA up). */
  async clearSetupRequired(personId: string): Promise<void> {
    await db
      .update(authSessions)
      .set({ mfaSetupRequired: false })
      .where(and(eq(authSessions.personId, personId), eq(authSessions.mfaSetupRequired, true)));
  },

  async createPending(row: typeof pendingSignIns.$inferInsert): Promise<void> {
    await db.insert(pendingSignIns).values(row);
  },

  async findPending(tokenHash: string, now: Date): Promise<{ personId: string; method: string } | undefined> {
    const [row] = await db
      .select({ personId: pendingSignIns.personId, method: pendingSignIns.method })
      .from(pendingSignIns)
      .where(and(eq(pendingSignIns.tokenHash, tokenHash), gt(pendingSignIns.expiresAt, now)));
    return row;
  },

  /** Ends a pending sign-in; true if this call did (so only one request opens its session). */
  async consumePending(tokenHash: string, now: Date): Promise<boolean> {
    const rows = await db
      .delete(pendingSignIns)
      .where(and(eq(pendingSignIns.tokenHash, tokenHash), gt(pendingSignIns.expiresAt, now)))
      .returning({ personId: pendingSignIns.personId });
    return rows.length === 1;
  },

  /** Retention: pending sign-ins past their five minutes. */
  async deleteExpiredPending(now: Date): Promise<void> {
    await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
  },
});
