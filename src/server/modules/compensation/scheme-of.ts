/** Which intake's compensation settings govern a coach's month. */
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import { academicYearOf } from '../../../domain/compensation/scheme';
import { defaultCompensationSettings, type CompensationSettings } from '../../../domain/compensation/scheme';
import type { Db } from '../../db/client';
import { intakesOf } from './repository';

export type GoverningScheme = { intakeId: string | null; settings: CompensationSettings };

/**
 * Per programme, the settings of its intake in the month's academic year (the September intake
 * before February's: a coach's year starts with it), else of its latest intake, else the defaults.
 */
export async function schemesFor(db: Db, programmeIds: readonly string[], month: string): Promise<Map<string, GoverningScheme>> {
  const rows = await intakesOf(db, [...new Set(programmeIds)]);
  const year = academicYearOf(month);
  const result = new Map<string, GoverningScheme>();
  for (const programmeId of new Set(programmeIds)) {
    const own = rows.filter((r) => r.programmeId === programmeId);
    const intake = own.find((r) => r.academicYear === year) ?? own[0];
    result.set(
      programmeId,
      intake ? { intakeId: intake.id, settings: readIntakeSettings(intake.settings, intake.month).settings.compensation } : { intakeId: null, settings: defaultCompensationSettings() },
    );
  }
  return result;
}
