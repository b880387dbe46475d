import { desc, eq } from 'drizzle-orm';
import type { IntakeSettingsHistoryResponse } from '../../../contracts/programme';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { intakeSettingsChanges, people } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { intakeRow } from './repository';

/** The change log of an intake's settings, newest first; old shapes are read as today's. */
export async function getSettingsHistory({ services, intakeId }: { services: Services; intakeId: string }): Promise<IntakeSettingsHistoryResponse> {
  const intake = await intakeRow(services.db, intakeId);
  if (!intake) throw new AppError('not_found');
  const rows = await services.db
    .select({ change: intakeSettingsChanges, firstName: people.firstName, lastName: people.lastName })
    .from(intakeSettingsChanges)
    .leftJoin(people, eq(people.id, intakeSettingsChanges.changedById))
    .where(eq(intakeSettingsChanges.intakeId, intakeId))
    .orderBy(desc(intakeSettingsChanges.changedAt), desc(intakeSettingsChanges.id));
  const read = (raw: unknown) => readIntakeSettings(raw, intake.month).settings;
  return {
    changes: rows.map(({ change, firstName, lastName }) => ({
      id: change.id,
      at: change.changedAt.toISOString(),
      by: change.changedById ? { id: change.changedById, firstName: firstName ?? '', lastName: lastName ?? '' } : null,
      before: change.before === null ? null : read(change.before),
      after: read(change.after),
    })),
  };
}
