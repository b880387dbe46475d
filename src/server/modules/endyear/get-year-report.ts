/**
 * The coach's end-of-year report as they see it: their figures of the year (counted from what
 * happened), the reflection questions of the content in their language, their answers so far,
 * whether it is submitted and whether it may be quoted.
 */
import type { YearReportFigures, YearReportResponse } from '../../../contracts/endyear';
import type { Actor } from '../../../domain/access/policy';
import { attendancePercent, hoursOf, isOpen } from '../../../domain/endyear/year-report';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { coachFigures, coachTrainings, programmeOf, reportOf } from './repository';
import { scopeOf, type ReportScope } from './scope';

/** The coach's figures of the scope's year, up to now. */
export async function figuresOf(services: Services, coachId: string, scope: ReportScope): Promise<YearReportFigures> {
  const row = await coachFigures(services.db, { coachId, programmeId: scope.programmeId, academicYear: scope.academicYear, from: scope.from, to: scope.to, fromDate: scope.fromDate, toDate: scope.toDate, now: services.now() });
  return {
    communitiesLed: row.communitiesLed,
    sessionsPlanned: row.sessionsPlanned,
    sessionsHeld: row.sessionsHeld,
    attendancePercent: attendancePercent(row.attended, row.marks),
    oneOnOnesHeld: row.oneOnOnesHeld,
    referrals: row.referrals,
    trainingsAttended: row.trainingsAttended,
    hours: row.statements > 0 ? hoursOf(row.minutes) : null,
  };
}

export async function getYearReport({ services, actor, programmeId, academicYear, locale }: { services: Services; actor: Actor; programmeId: string; academicYear: string; locale: Locale }): Promise<YearReportResponse> {
  const [scope, programme] = await Promise.all([scopeOf(services.db, actor, programmeId, academicYear), programmeOf(services.db, actor.institutionId, programmeId)]);
  if (!scope || !programme) throw new AppError('not_found');
  const now = services.now();
  const [figures, trainings, report] = await Promise.all([
    figuresOf(services, actor.personId, scope),
    coachTrainings(services.db, { coachId: actor.personId, programmeId, from: scope.from, to: scope.to, now }),
    reportOf(services.db, actor.personId, programmeId, academicYear),
  ]);
  const set = services.content.questions.coachYearReport;
  return {
    programme: { id: programme.id, name: locale === 'nl' ? programme.nameNl : programme.nameEn },
    academicYear,
    opensOn: scope.window.opensOn,
    yearEnds: scope.window.yearEnds,
    open: isOpen(scope.window, zonedParts(now).date),
    title: set.title[locale],
    intro: set.intro[locale],
    figures,
    trainings: trainings.map((t) => ({ date: zonedParts(new Date(t.startsAt)).date, type: t.type, title: t.title })),
    questions: set.questions.map((q) => ({ id: q.id, label: q.label[locale], help: q.help?.[locale] ?? '', maxLength: q.maxLength, quotable: q.quotable })),
    answers: report?.answers ?? {},
    submittedAt: report?.submittedAt?.toISOString() ?? null,
    quoteConsent: report?.quoteConsent ?? false,
  };
}
