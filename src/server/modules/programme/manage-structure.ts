/** Creating and editing programmes, intakes and classes: the beheerder and the coordinator. */
import { and, desc, eq } from 'drizzle-orm';
import { carryOverSettings, changedSettings, defaultIntakeSettings, evaluationDatesOutside, evaluationWindow, readIntakeSettings, signUpCloseOutside, type IntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { classes, intakes, intakeSettingsChanges, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { applyModeChange, scheduleSignUpInvitations } from '../participation/public';
import { applyFormatChange } from '../caseloads/public';
import type { FormatChangeConfirmation } from '../../../contracts/caseloads';
import type { ModeChangeConfirmation } from '../../../contracts/participation';
import type { z } from 'zod';
import { peopleWithRole } from './repository';

export async function createProgramme(options: { services: Services; institutionId: string; nameNl: string; nameEn: string; location: string }) {
  const { services, ...values } = options;
  const [row] = await services.db.insert(programmes).values(values).returning({ id: programmes.id });
  return { id: row!.id };
}

export async function updateProgramme(options: { services: Services; programmeId: string; nameNl: string; nameEn: string; location: string }) {
  const { services, programmeId, ...values } = options;
  await services.db.update(programmes).set(values).where(eq(programmes.id, programmeId));
  return { id: programmeId };
}

/**
 * A new intake starts from the most recent intake of the same month (last year's settings, so
 * the coordinator only changes what changed), or from the defaults.
 */
export async function createIntake(options: { services: Services; actorId: string; programmeId: string; academicYear: string; month: 'september' | 'february' }) {
  const { db } = options.services;
  const [previous] = await db
    .select()
    .from(intakes)
    .where(and(eq(intakes.programmeId, options.programmeId), eq(intakes.month, options.month)))
    .orderBy(desc(intakes.academicYear))
    .limit(1);
  const settings: IntakeSettings = previous
    ? carryOverSettings(readIntakeSettings(previous.settings, previous.month).settings, previous.academicYear, options.academicYear)
    : defaultIntakeSettings(options.month);
  const existing = await db
    .select({ id: intakes.id })
    .from(intakes)
    .where(and(eq(intakes.programmeId, options.programmeId), eq(intakes.academicYear, options.academicYear), eq(intakes.month, options.month)));
  if (existing.length > 0) throw new AppError('conflict', 'intake exists');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(intakes)
      .values({ programmeId: options.programmeId, academicYear: options.academicYear, month: options.month, settings })
      .returning({ id: intakes.id });
    await tx.insert(intakeSettingsChanges).values({ intakeId: row!.id, changedById: options.actorId, changedAt: options.services.now(), before: null, after: settings });
    return { id: row!.id };
  });
}

/** Saves the settings and logs the change (who, when, before and after); an unchanged save logs nothing. */
export async function updateIntakeSettings(options: { services: Services; actorId: string; intakeId: string; settings: IntakeSettings; modeChange?: z.infer<typeof ModeChangeConfirmation> | undefined; formatChange?: z.infer<typeof FormatChangeConfirmation> | undefined }) {
  const { services } = options;
  return services.db.transaction(async (tx) => {
    const [intake] = await tx.select().from(intakes).where(eq(intakes.id, options.intakeId)).for('update');
    if (!intake) throw new AppError('not_found');
    const outside = evaluationDatesOutside(options.settings.evaluations, evaluationWindow(intake.academicYear, intake.month));
    if (outside.length > 0) {
      throw new AppError('validation_failed', 'questionnaire date outside the intake year', {}, outside.map((path) => ({ path: `settings.${path}`, message: 'evaluation_outside_year' })));
    }
    const closeOutside = signUpCloseOutside(options.settings.signUp, evaluationWindow(intake.academicYear, intake.month));
    if (closeOutside.length > 0) {
      throw new AppError('validation_failed', 'sign-up closing date outside the intake year', {}, closeOutside.map((path) => ({ path: `settings.${path}`, message: 'sign_up_closes_outside_year' })));
    }
    const before = readIntakeSettings(intake.settings, intake.month).settings;
    // A participation mode change once communities exist asks first (409, nothing changed) and then does what was chosen.
    await applyModeChange(tx, services, { intakeId: intake.id, from: before.participation, to: options.settings.participation, confirmation: options.modeChange });
    // So does a format change (communities, individual coaching, class-wide) once students are placed (#21 item 3).
    await applyFormatChange(tx, services, { intakeId: intake.id, from: before.format, to: options.settings.format, confirmation: options.formatChange });
    await tx.update(intakes).set({ settings: options.settings }).where(eq(intakes.id, options.intakeId));
    // Opt-in with a new mode or closing day: invite the students (once each) and schedule the reminder (#21).
    await scheduleSignUpInvitations(tx, services, { intakeId: intake.id, before, after: options.settings });
    if (changedSettings(before, options.settings).length > 0) {
      await tx.insert(intakeSettingsChanges).values({ intakeId: intake.id, changedById: options.actorId, changedAt: services.now(), before, after: options.settings });
    }
    return { id: options.intakeId };
  });
}

async function checkLeercoach(services: Services, institutionId: string, programmeId: string, leercoachId: string | null) {
  if (!leercoachId) return;
  const leercoaches = await peopleWithRole(services.db, institutionId, programmeId, 'leercoach');
  if (!leercoaches.some((p) => p.id === leercoachId)) {
    throw new AppError('validation_failed', 'not a leercoach', {}, [{ path: 'leercoachId', message: 'leercoach' }]);
  }
}

export async function saveClass(options: {
  services: Services;
  institutionId: string;
  programmeId: string;
  intakeId: string;
  classId: string | null;
  code: string;
  leercoachId: string | null;
}) {
  const { services } = options;
  await checkLeercoach(services, options.institutionId, options.programmeId, options.leercoachId);
  const clash = await services.db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.intakeId, options.intakeId), eq(classes.code, options.code)));
  if (clash.some((c) => c.id !== options.classId)) throw new AppError('class_code_taken');
  if (options.classId) {
    await services.db.update(classes).set({ code: options.code, leercoachId: options.leercoachId }).where(eq(classes.id, options.classId));
    return { id: options.classId };
  }
  const [row] = await services.db
    .insert(classes)
    .values({ intakeId: options.intakeId, code: options.code, leercoachId: options.leercoachId })
    .returning({ id: classes.id });
  return { id: row!.id };
}
