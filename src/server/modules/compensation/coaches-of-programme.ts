import { eq } from 'drizzle-orm';
import type { Services } from '../../context';
import { coachProfiles } from '../../db/schema';

/** The people with a coach profile in a programme. */
export async function coachesOfProgramme(services: Services, programmeId: string): Promise<string[]> {
  return (await services.db.select({ id: coachProfiles.personId }).from(coachProfiles).where(eq(coachProfiles.programmeId, programmeId))).map((r) => r.id);
}
