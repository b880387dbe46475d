/** The programme dashboard of a filter (programme, intake, period), for the coordinator and opleidingsmanagement. */
import type { DashboardQuery, DashboardResponse } from '../../../contracts/insight';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { academicYearDates, academicYearOf, amsterdamDate, periodInstants } from '../../../domain/insight/periods';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { buildSections, cachedDashboard, countFigures, MIN_CELL, type Figures } from './build-dashboard';
import { intakesOf, programmeOf } from './repository';

export type ResolvedFilter = { programme: { id: string; name: string }; intakes: { id: string; academicYear: string; month: string }[]; intakeId: string | null; fromDate: string; toDate: string };

/** Checks the filter against the programme: an intake of another programme is the same 404 as a missing one. */
export async function resolveFilter(services: Services, institutionId: string, programmeId: string, query: DashboardQuery, locale: Locale): Promise<ResolvedFilter> {
  const programme = await programmeOf(services.db, institutionId, programmeId);
  if (!programme) throw new AppError('not_found');
  const intakes = await intakesOf(services.db, programmeId);
  const intake = query.intakeId ? intakes.find((i) => i.id === query.intakeId) : undefined;
  if (query.intakeId && !intake) throw new AppError('not_found');
  const year = academicYearDates(intake?.academicYear ?? academicYearOf(amsterdamDate(services.now())));
  const fromDate = query.from ?? year.from;
  const toDate = query.to ?? year.to;
  if (fromDate > toDate) throw new AppError('validation_failed', 'period reversed', {}, [{ path: 'to', message: translate(locale, 'validation.custom.end_before_start') }]);
  return { programme: { id: programme.id, name: locale === 'nl' ? programme.nameNl : programme.nameEn }, intakes, intakeId: intake?.id ?? null, fromDate, toDate };
}

export async function figuresOf(services: Services, institutionId: string, filter: ResolvedFilter): Promise<Figures> {
  const { from, to } = periodInstants(filter.fromDate, filter.toDate);
  const now = services.now();
  return countFigures(services.db, institutionId, { programmeId: filter.programme.id, intakeId: filter.intakeId, from, to, now }, { fromDate: filter.fromDate, toDate: filter.toDate, today: amsterdamDate(now) });
}

export async function getDashboard({ services, actor, programmeId, query, locale }: { services: Services; actor: Actor; programmeId: string; query: DashboardQuery; locale: Locale }): Promise<DashboardResponse> {
  const filter = await resolveFilter(services, actor.institutionId, programmeId, query, locale);
  const includesPeople = isAllowed(actor, 'insight:readPeople', { kind: 'programmeInsight', institutionId: actor.institutionId, programmeId });
  const now = services.now();
  const key = [programmeId, filter.intakeId ?? '', filter.fromDate, filter.toDate, locale, includesPeople].join('|');
  return cachedDashboard(services.db, key, now, async () => {
    const figures = await figuresOf(services, actor.institutionId, filter);
    return {
      programme: filter.programme,
      intakes: filter.intakes,
      filter: { intakeId: filter.intakeId, from: filter.fromDate, to: filter.toDate },
      minCell: MIN_CELL,
      includesPeople,
      computedAt: now.toISOString(),
      sections: buildSections(figures, locale, includesPeople),
    };
  });
}
