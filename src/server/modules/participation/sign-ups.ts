/**
 * Signing up for an opt-in intake ("Ik doe mee") and withdrawing, in the app; the coordinator's
 * figures. Possible until the intake's communities are formed. Twice the same action (a double
 * tap racing itself) — one wins, the other gets 409.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { IntakeParticipationResponse, MySignUpsResponse } from '../../../contracts/participation';
import { signUpDaysLeft, signUpOpen, signUpRate, usesSignUp } from '../../../domain/participation/modes';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { classes, classMembers, intakes, participationSignUps, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { recordAppAnswer } from './sign-up-link';
import { activeMemberIds, communitiesFormed, participationOf, signedUpIds, signUpSettingsOf, studentIdsOfIntake } from './repository';

/** The opt-in intakes of the signed-in student's classes, with whether they signed up. */
export async function mySignUps({ services, personId, locale }: { services: Services; personId: string; locale: 'nl' | 'en' }): Promise<z.infer<typeof MySignUpsResponse>> {
  const db = services.db;
  const rows = await db
    .selectDistinct({ intakeId: intakes.id, settings: intakes.settings, month: intakes.month, academicYear: intakes.academicYear, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(classMembers.personId, personId));
  const today = zonedParts(services.now()).date;
  const optIn = rows.map((r) => ({ ...r, settings: readIntakeSettings(r.settings, r.month).settings })).filter((r) => usesSignUp(r.settings.participation));
  const mine = optIn.length
    ? await db.select({ intakeId: participationSignUps.intakeId }).from(participationSignUps).where(and(eq(participationSignUps.personId, personId), inArray(participationSignUps.intakeId, optIn.map((r) => r.intakeId))))
    : [];
  const signUps = [];
  for (const r of optIn) {
    signUps.push({
      intakeId: r.intakeId,
      programmeName: locale === 'nl' ? r.nameNl : r.nameEn,
      academicYear: r.academicYear,
      month: r.month,
      signedUp: mine.some((m) => m.intakeId === r.intakeId),
      open: signUpOpen(r.settings.participation, await communitiesFormed(db, r.intakeId), r.settings.signUp.closesOn, today),
      closesOn: r.settings.signUp.closesOn,
    });
  }
  return { signUps: signUps.sort((a, b) => b.academicYear.localeCompare(a.academicYear) || a.programmeName.localeCompare(b.programmeName)) };
}

/** Is signing up for the intake open now: opt-in, no communities yet, the closing day not past (Dutch time)? */
export async function signUpOpenNow(services: Services, intakeId: string): Promise<boolean> {
  const state = await signUpSettingsOf(services.db, intakeId);
  if (!state) return false;
  return signUpOpen(state.mode, await communitiesFormed(services.db, intakeId), state.closesOn, zonedParts(services.now()).date);
}

/** Refuses (404) when the person is no student of the intake; 409 when signing up is not open. */
export async function assertCanChange(services: Services, personId: string, intakeId: string) {
  const db = services.db;
  const [member] = await db
    .select({ personId: classMembers.personId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(and(eq(classes.intakeId, intakeId), eq(classMembers.personId, personId)))
    .limit(1);
  if (!member) throw new AppError('not_found');
  const mode = await participationOf(db, intakeId);
  if (!mode || !usesSignUp(mode)) throw new AppError('not_found');
  if (!(await signUpOpenNow(services, intakeId))) throw new AppError('sign_up_closed');
}

export async function signUp({ services, personId, intakeId }: { services: Services; personId: string; intakeId: string }) {
  await assertCanChange(services, personId, intakeId);
  const rows = await services.db
    .insert(participationSignUps)
    .values({ intakeId, personId, signedUpAt: services.now() })
    .onConflictDoNothing()
    .returning({ id: participationSignUps.id });
  if (rows.length === 0) throw new AppError('conflict', 'already signed up');
  await recordAppAnswer(services.db, { intakeId, personId, answer: 'yes', at: services.now() });
  return { ok: true as const };
}

export async function withdrawSignUp({ services, personId, intakeId }: { services: Services; personId: string; intakeId: string }) {
  await assertCanChange(services, personId, intakeId);
  const rows = await services.db
    .delete(participationSignUps)
    .where(and(eq(participationSignUps.intakeId, intakeId), eq(participationSignUps.personId, personId)))
    .returning({ id: participationSignUps.id });
  if (rows.length === 0) throw new AppError('conflict', 'not signed up');
  await recordAppAnswer(services.db, { intakeId, personId, answer: 'no', at: services.now() });
  return { ok: true as const };
}

/** The coordinator's view of an intake's participation (the settings screen and the dashboard). */
export async function intakeParticipation({ services, intakeId }: { services: Services; intakeId: string }): Promise<z.infer<typeof IntakeParticipationResponse>> {
  return intakeParticipationOf(services.db, intakeId, services.now());
}

/** The same figures from a database handle (the dashboard counts inside its own computation). */
export async function intakeParticipationOf(db: Services['db'], intakeId: string, now: Date = new Date()): Promise<z.infer<typeof IntakeParticipationResponse>> {
  const state = await signUpSettingsOf(db, intakeId);
  if (!state) throw new AppError('not_found');
  const { mode, closesOn } = state;
  const today = zonedParts(now).date;
  const [students, signed, members, formed] = await Promise.all([studentIdsOfIntake(db, intakeId), signedUpIds(db, intakeId), activeMemberIds(db, intakeId), communitiesFormed(db, intakeId)]);
  const signedStudents = students.filter((id) => signed.has(id)).length;
  return {
    intakeId,
    mode,
    students: students.length,
    signedUp: signedStudents,
    signUpRate: usesSignUp(mode) ? signUpRate(signedStudents, students.length) : null,
    communitiesFormed: formed,
    members: members.length,
    closesOn: usesSignUp(mode) ? closesOn : null,
    open: signUpOpen(mode, formed, closesOn, today),
    daysLeft: usesSignUp(mode) && !formed ? signUpDaysLeft(closesOn, today) : null,
  };
}
