/**
 * Which report a coach writes: the programme's intakes of the academic year they coached in (a
 * senior coach without a community of their own: all the programme's intakes of the year), and
 * the window that follows from those intakes' phases.
 */
import { holds, type Actor } from '../../../domain/access/policy';
import { reportWindow, type ReportWindow } from '../../../domain/endyear/year-report';
import { academicYearDates, periodInstants } from '../../../domain/insight/periods';
import type { Db } from '../../db/client';
import { coachedIntakes, programmeIntakes, type IntakeRow } from './repository';

export type ReportScope = { programmeId: string; academicYear: string; intakes: IntakeRow[]; window: ReportWindow; from: Date; to: Date; fromDate: string; toDate: string };

/** The scope of the actor's report of a programme's year, or null when they did not coach in it. */
export async function scopeOf(db: Db, actor: Actor, programmeId: string, academicYear: string): Promise<ReportScope | null> {
  let intakes = await coachedIntakes(db, actor.personId, programmeId, academicYear);
  if (intakes.length === 0 && holds(actor, 'seniorcoach', actor.institutionId, programmeId)) intakes = await programmeIntakes(db, programmeId, academicYear);
  const window = reportWindow(intakes);
  if (!window) return null;
  const dates = academicYearDates(academicYear);
  const { from, to } = periodInstants(dates.from, dates.to);
  return { programmeId, academicYear, intakes, window, from, to, fromDate: dates.from, toDate: dates.to };
}
