/** Reads of the participation context: an intake's mode, its sign-ups, its students and members. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { readIntakeSettings, type ParticipationMode } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { classes, classMembers, communities, communityMembers, intakes, participationSignUps } from '../../db/schema';

/** The participation mode of an intake, or null when there is no such intake. */
export async function participationOf(db: Db, intakeId: string): Promise<ParticipationMode | null> {
  const [row] = await db.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, intakeId));
  return row ? readIntakeSettings(row.settings, row.month).settings.participation : null;
}

/** The mode and the sign-up closing day of an intake, or null when there is no such intake. */
export async function signUpSettingsOf(db: Db, intakeId: string): Promise<{ mode: ParticipationMode; closesOn: string | null } | null> {
  const [row] = await db.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, intakeId));
  if (!row) return null;
  const { settings } = readIntakeSettings(row.settings, row.month);
  return { mode: settings.participation, closesOn: settings.signUp.closesOn };
}

/** The participation mode of the intake a class belongs to. */
export async function participationOfClass(db: Db, classId: string): Promise<ParticipationMode | null> {
  const [row] = await db.select({ intakeId: classes.intakeId }).from(classes).where(eq(classes.id, classId));
  return row ? participationOf(db, row.intakeId) : null;
}

/** The participation mode of the intake a community belongs to. */
export async function participationOfCommunity(db: Db, communityId: string): Promise<ParticipationMode | null> {
  const [row] = await db.select({ intakeId: communities.intakeId }).from(communities).where(eq(communities.id, communityId));
  return row?.intakeId ? participationOf(db, row.intakeId) : null;
}

export async function signedUpIds(db: Db, intakeId: string): Promise<Set<string>> {
  const rows = await db.select({ personId: participationSignUps.personId }).from(participationSignUps).where(eq(participationSignUps.intakeId, intakeId));
  return new Set(rows.map((r) => r.personId));
}

/** The students of the intake's classes (each once). */
export async function studentIdsOfIntake(db: Db, intakeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: classMembers.personId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(eq(classes.intakeId, intakeId));
  return rows.map((r) => r.personId);
}

/** People in a community of the intake right now (each once). */
export async function activeMemberIds(db: Db, intakeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: communityMembers.personId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn)));
  return rows.map((r) => r.personId);
}

/** Have the intake's communities been formed (any community, now or before)? */
export async function communitiesFormed(db: Db, intakeId: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(communities).where(eq(communities.intakeId, intakeId));
  return (row?.n ?? 0) > 0;
}
