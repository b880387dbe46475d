import { csvLine } from '../../../domain/programme/student-rows';
import type { Services } from '../../context';
import { studentsOfIntake } from './repository';

/** The intake's students as CSV, in the same columns the import reads (a round trip works). */
export async function exportStudents({ services, intakeId }: { services: Services; intakeId: string }): Promise<string> {
  const rows = await studentsOfIntake(services.db, intakeId);
  const lines = [csvLine(['studentnummer', 'voornaam', 'achternaam', 'email', 'klas', 'taal'])];
  for (const r of rows) lines.push(csvLine([r.studentNumber, r.firstName, r.lastName, r.email, r.classCode, r.locale]));
  return `${lines.join('\r\n')}\r\n`;
}
