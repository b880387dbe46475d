/** The coach's date of birth (the rate band depends on it); open statements are recomputed with it. */
import { and, eq } from 'drizzle-orm';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { compensationProfiles, compensationStatements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { generateStatements } from './generate-statements';

export async function setBirthDate(options: { services: Services; institutionId: string; coachId: string; birthDate: string }): Promise<void> {
  const { services } = options;
  const today = zonedParts(services.now());
  const age = today.year - Number(options.birthDate.slice(0, 4)) - (today.date.slice(5) < options.birthDate.slice(5) ? 1 : 0);
  // A student coach is at least 15 and younger than 100: anything else is a typing error.
  if (age < 15 || age >= 100) throw new AppError('validation_failed', 'implausible birth date', {}, [{ path: 'birthDate', message: 'invalid' }]);
  await services.db
    .insert(compensationProfiles)
    .values({ personId: options.coachId, birthDate: options.birthDate, updatedAt: services.now() })
    .onConflictDoUpdate({ target: compensationProfiles.personId, set: { birthDate: options.birthDate, updatedAt: services.now() } });
  const open = await services.db
    .select({ month: compensationStatements.month })
    .from(compensationStatements)
    .where(and(eq(compensationStatements.coachPersonId, options.coachId), eq(compensationStatements.status, 'open')));
  for (const { month } of open) await generateStatements({ services, institutionId: options.institutionId, month, coachIds: [options.coachId] });
}
