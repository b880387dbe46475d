import type { z } from 'zod';
import type { RoleChoicesResponse } from '../../../contracts/people';
import type { Services } from '../../context';
import { peopleRepository } from './repository';

/** What can be chosen with a programme role: the programme's classes (leercoach) and student coaches (seniorcoach). */
export async function listRoleChoices(services: Services, programmeId: string, personId: string): Promise<z.infer<typeof RoleChoicesResponse>> {
  const repo = peopleRepository(services.db);
  const [classRows, coaches] = await Promise.all([repo.classesOfProgramme(programmeId), repo.coachesOfProgramme(programmeId)]);
  return {
    classes: classRows.map((c) => ({
      id: c.id,
      code: c.code,
      academicYear: c.academicYear,
      month: c.month,
      leercoach: c.leercoachFirstName !== null && c.leercoachLastName !== null ? { firstName: c.leercoachFirstName, lastName: c.leercoachLastName } : null,
    })),
    coaches: coaches
      .filter((c) => c.id !== personId)
      .map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, seniorNames: c.seniors.map((s) => `${s.firstName} ${s.lastName}`) })),
  };
}
