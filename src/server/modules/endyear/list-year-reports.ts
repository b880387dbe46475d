/**
 * The signed-in coach's end-of-year reports (one per programme and academic year they coached in,
 * a senior coach's programmes' years too) with their state, for the menu and the home task; and
 * the coordinator's overview of who submitted — counts and names of those still to do, never a text.
 */
import type { MyYearReportsResponse, YearReportStatusResponse } from '../../../contracts/endyear';
import { holds, type Actor } from '../../../domain/access/policy';
import { isOpen, isTaskDue } from '../../../domain/endyear/year-report';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachedYears, programmeOf, programmeYears, reportsOf, yearCoaches } from './repository';
import { scopeOf } from './scope';

export async function myYearReports({ services, actor, locale }: { services: Services; actor: Actor; locale: Locale }): Promise<MyYearReportsResponse> {
  const seniorProgrammes = [...new Set(actor.grants.filter((g) => g.role === 'seniorcoach' && g.programmeId !== null).map((g) => g.programmeId!))];
  const coaches = holds(actor, 'studentcoach', actor.institutionId) || seniorProgrammes.length > 0;
  if (!coaches) return { reports: [] };
  const [coached, senior, stored] = await Promise.all([coachedYears(services.db, actor.personId), programmeYears(services.db, seniorProgrammes), reportsOf(services.db, actor.personId)]);
  const today = zonedParts(services.now()).date;
  const seen = new Set<string>();
  const reports: MyYearReportsResponse['reports'] = [];
  for (const y of [...coached, ...senior]) {
    const id = `${y.programmeId}|${y.academicYear}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const [scope, programme] = await Promise.all([scopeOf(services.db, actor, y.programmeId, y.academicYear), programmeOf(services.db, actor.institutionId, y.programmeId)]);
    if (!scope || !programme) continue;
    const row = stored.find((r) => r.programmeId === y.programmeId && r.academicYear === y.academicYear);
    const submitted = Boolean(row?.submittedAt);
    reports.push({
      programmeId: y.programmeId,
      programmeName: locale === 'nl' ? programme.nameNl : programme.nameEn,
      academicYear: y.academicYear,
      opensOn: scope.window.opensOn,
      open: isOpen(scope.window, today),
      taskDue: isTaskDue(scope.window, today, submitted),
      status: submitted ? 'submitted' : row ? 'draft' : 'notStarted',
    });
  }
  reports.sort((a, b) => b.academicYear.localeCompare(a.academicYear) || a.programmeName.localeCompare(b.programmeName));
  return { reports };
}

/** Who submitted in a programme's year: counts and the coaches still to do (programme administration). */
export async function yearReportStatus({ services, programmeId, academicYear }: { services: Services; programmeId: string; academicYear: string }): Promise<YearReportStatusResponse> {
  const coaches = await yearCoaches(services.db, programmeId, academicYear);
  return {
    academicYear,
    coaches: coaches.length,
    submitted: coaches.filter((c) => c.submitted).length,
    quoteConsents: coaches.filter((c) => c.quoteConsent).length,
    stillToDo: coaches.filter((c) => !c.submitted).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`.trim() })),
  };
}
