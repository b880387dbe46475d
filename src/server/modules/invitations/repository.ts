/** All SQL of the invitations context. */
import { and, asc, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authSessions, classes, classMembers, institutions, intakes, invitations, invitationTokens, oidcLinks, passwordCredentials, people, programmes, roleAssignments } from '../../db/schema';

export type InvitationRow = typeof invitations.$inferSelect;

export const invitationsRepository = (db: Db) => ({
  /** The person with what an invitation mail needs: name, address, language, institution name. */
  async invitee(personId: string) {
    const [row] = await db
      .select({ id: people.id, institutionId: people.institutionId, firstName: people.firstName, email: people.email, locale: people.locale, institutionName: institutions.name })
      .from(people)
      .innerJoin(institutions, eq(institutions.id, people.institutionId))
      .where(eq(people.id, personId));
    return row;
  },

  /** The person's invitation row, created (not yet sent) when missing, and locked for this transaction. */
  async lockInvitation(personId: string, institutionId: string): Promise<InvitationRow> {
    await db.insert(invitations).values({ personId, institutionId, status: 'scheduled' }).onConflictDoNothing({ target: invitations.personId });
    const [row] = await db.select().from(invitations).where(eq(invitations.personId, personId)).for('update');
    return row!;
  },

  async lockExisting(personId: string): Promise<InvitationRow | undefined> {
    const [row] = await db.select().from(invitations).where(eq(invitations.personId, personId)).for('update');
    return row;
  },

  async findByPerson(personId: string): Promise<InvitationRow | undefined> {
    const [row] = await db.select().from(invitations).where(eq(invitations.personId, personId));
    return row;
  },

  async update(id: string, values: Partial<typeof invitations.$inferInsert>): Promise<void> {
    await db.update(invitations).set(values).where(eq(invitations.id, id));
  },

  /** Revokes every unused link of the invitation (a resend replaces them). */
  async revokeTokens(invitationId: string, now: Date): Promise<void> {
    await db
      .update(invitationTokens)
      .set({ revokedAt: now })
      .where(and(eq(invitationTokens.invitationId, invitationId), isNull(invitationTokens.usedAt), isNull(invitationTokens.revokedAt)));
  },

  async addToken(row: typeof invitationTokens.$inferInsert): Promise<void> {
    await db.insert(invitationTokens).values(row);
  },

  /** Uses up a link in one conditional UPDATE: of two concurrent uses exactly one matches. */
  async consumeToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await db
      .update(invitationTokens)
      .set({ usedAt: now })
      .where(and(eq(invitationTokens.tokenHash, tokenHash), isNull(invitationTokens.usedAt), isNull(invitationTokens.revokedAt), gt(invitationTokens.expiresAt, now)))
      .returning({ invitationId: invitationTokens.invitationId });
    return row?.invitationId;
  },

  async findToken(tokenHash: string) {
    const [row] = await db
      .select({ token: invitationTokens, invitation: invitations })
      .from(invitationTokens)
      .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
      .where(eq(invitationTokens.tokenHash, tokenHash));
    return row;
  },

  /** Marks the invitation activated unless it already is; the person, or nothing. */
  async markActivated(invitationId: string, now: Date): Promise<string | undefined> {
    const [row] = await db
      .update(invitations)
      .set({ status: 'activated', activatedAt: now })
      .where(and(eq(invitations.id, invitationId), sql`${invitations.status} <> 'activated'`))
      .returning({ personId: invitations.personId });
    return row?.personId;
  },

  /** Moves an unactivated invitation to `reminded` if it is still the send the reminder was for. */
  /**
   * The invitation's person got in another way meanwhile: a password (set through "forgot
   * password"), a sign-in session (a sign-in link) or a linked SSO account. Then the invitation
   * has done its work and needs no reminder.
   */
  async activatedOtherwise(invitationId: string): Promise<{ personId: string } | undefined> {
    const [row] = await db
      .select({ personId: invitations.personId })
      .from(invitations)
      .where(
        and(
          eq(invitations.id, invitationId),
          isNull(invitations.activatedAt),
          sql`(exists (select 1 from ${passwordCredentials} pc where pc.person_id = ${invitations.personId})
            or exists (select 1 from ${authSessions} s where s.person_id = ${invitations.personId})
            or exists (select 1 from ${oidcLinks} o where o.person_id = ${invitations.personId}))`,
        ),
      );
    return row;
  },

  async markReminded(invitationId: string, sentBefore: Date, now: Date): Promise<InvitationRow | undefined> {
    const [row] = await db
      .update(invitations)
      .set({ status: 'reminded', remindedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'invited'), lte(invitations.sentAt, sentBefore)))
      .returning();
    return row;
  },

  async intake(intakeId: string) {
    const [row] = await db
      .select({ id: intakes.id, academicYear: intakes.academicYear, month: intakes.month, programmeId: intakes.programmeId, institutionId: programmes.institutionId })
      .from(intakes)
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
      .where(eq(intakes.id, intakeId));
    return row;
  },

  /** An intake's students (class members) with their class and invitation, by name. */
  async studentsOfIntake(intakeId: string) {
    return db
      .selectDistinctOn([people.lastName, people.firstName, people.id], {
        personId: people.id,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        classCode: classes.code,
        invitation: invitations,
      })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .innerJoin(people, eq(people.id, classMembers.personId))
      .leftJoin(invitations, eq(invitations.personId, people.id))
      .where(eq(classes.intakeId, intakeId))
      .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id), asc(classes.code));
  },

  /** The intake's scheduled invitations whose time has come. */
  async dueScheduled(intakeId: string, now: Date): Promise<{ personId: string }[]> {
    return db
      .select({ personId: invitations.personId })
      .from(invitations)
      .where(and(eq(invitations.intakeId, intakeId), eq(invitations.status, 'scheduled'), lte(invitations.scheduledFor, now)));
  },

  /** Programmes a person belongs to: of their programme-scoped roles and their classes' intakes. */
  async programmesOf(personId: string): Promise<string[]> {
    const byRole = await db
      .selectDistinct({ id: roleAssignments.programmeId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, personId), sql`${roleAssignments.programmeId} is not null`));
    const byClass = await db
      .selectDistinct({ id: intakes.programmeId })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .innerJoin(intakes, eq(intakes.id, classes.intakeId))
      .where(eq(classMembers.personId, personId));
    return [...new Set([...byRole, ...byClass].map((r) => r.id).filter((id): id is string => id !== null))];
  },

  async personInInstitution(personId: string, institutionId: string) {
    const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), eq(people.institutionId, institutionId)));
    return row;
  },

  async peopleIn(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db.select({ id: people.id }).from(people).where(inArray(people.id, [...ids]));
  },

  /**
   * Retention: links that expired more than a day ago. Used and revoked links stay until then,
   * so opening one says why it no longer works ("already used", "a newer one was sent").
   */
  async deleteSpentTokens(now: Date): Promise<void> {
    await db.delete(invitationTokens).where(lt(invitationTokens.expiresAt, new Date(now.getTime() - 86_400_000)));
  },
});
