/**
 * The impact report ("Jaarverslag", issue 18 item 3) of a programme and academic year: the
 * dashboard of the year (aggregates only, never the names of the three-missed list), this year's
 * key figures next to last year's, evaluation highlights, the Roadmap factors the programme
 * supplies evidence for, consented coach reflections and the coordinator's two texts.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ImpactReportResponse, SaveImpactReportTextsRequest } from '../../../contracts/insight';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { academicYearDates, isAcademicYear, previousAcademicYear } from '../../../domain/insight/periods';
import { factorsWithEvidence, type EvidenceSource } from '../../../domain/insight/roadmap-evidence';
import { suppress } from '../../../domain/insight/suppression';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { impactReportTexts } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { buildSections, keyFigures, type KeyFigures } from './build-dashboard';
import { roadmapSummary } from '../roadmap/public';
import { coachReflections } from './evaluation-source';
import { figuresOf, resolveFilter } from './get-dashboard';

const KEY_KINDS: Record<keyof KeyFigures, ImpactReportResponse['comparison'][number]['kind']> = {
  students: 'count',
  coaches: 'count',
  communities: 'count',
  sessionsHeld: 'count',
  attendance: 'share',
  stillTakingPart: 'share',
  coachDropout: 'share',
  referrals: 'count',
  hours: 'hours',
};

export async function getImpactReport({ services, actor, programmeId, academicYear, locale }: { services: Services; actor: Actor; programmeId: string; academicYear: string; locale: Locale }): Promise<ImpactReportResponse> {
  if (!isAcademicYear(academicYear)) throw new AppError('not_found');
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `insight.${key}`, params);
  const previous = previousAcademicYear(academicYear);
  const filterOf = (year: string) => resolveFilter(services, actor.institutionId, programmeId, academicYearDates(year), locale);
  const [filter, previousFilter] = await Promise.all([filterOf(academicYear), filterOf(previous)]);
  const [figures, previousFigures, texts, reflections, roadmap] = await Promise.all([
    figuresOf(services, actor.institutionId, filter),
    figuresOf(services, actor.institutionId, previousFilter),
    services.db.select().from(impactReportTexts).where(and(eq(impactReportTexts.programmeId, programmeId), eq(impactReportTexts.academicYear, academicYear))),
    coachReflections(services, { programmeId, year: academicYear }),
    roadmapSummary(services, { institutionId: actor.institutionId, programmeId, year: Number(academicYear.slice(0, 4)) }),
  ]);
  const r = (key: string) => translate(locale, `roadmap.${key}`);
  const now = keyFigures(figures);
  const before = keyFigures(previousFigures);
  const sections = buildSections(figures, locale, false);

  const has = new Set<EvidenceSource>();
  if ((now.students ?? 0) > 0) has.add('reach');
  if (figures.weeks.length > 0) has.add('attendance');
  if (figures.continuity.originalMembers > 0) has.add('continuity');
  if (figures.support.referrals + figures.support.signalsRaised > 0) has.add('support');
  if (figures.evaluation.length > 0) has.add('evaluation');
  const factors = services.content.roadmap.factors;
  const roadmapFactors = factorsWithEvidence(has).flatMap((e) => {
    const factor = factors.find((f) => f.id === e.factorId);
    return factor ? [{ id: factor.id, number: factor.number, title: factor.title[locale], evidence: e.sources.map((s) => t(`report.evidence.${s}`)).join(', ') }] : [];
  });

  const evaluationHighlights = figures.evaluation.flatMap((r) => {
    const change = r.change && r.change.pairs !== null ? suppress(r.change.mean, r.change.pairs) : null;
    if (change === null || Math.abs(change) < 0.05) return [];
    return [t(change > 0 ? 'report.highlightUp' : 'report.highlightDown', { question: r.question[locale], change: Math.abs(change).toFixed(1) })];
  });

  const row = texts[0];
  return {
    programme: filter.programme,
    academicYear,
    previousYear: previous,
    canWrite: isAllowed(actor, 'insight:writeReport', { kind: 'programmeInsight', institutionId: actor.institutionId, programmeId }),
    texts: { wentWell: row?.wentWell ?? '', needed: row?.needed ?? '', version: row?.version ?? 0 },
    comparison: (Object.keys(KEY_KINDS) as (keyof KeyFigures)[]).map((key) => ({ label: t(`report.keys.${key}`), kind: KEY_KINDS[key], thisYear: now[key], previousYear: before[key] })),
    sections,
    evaluationHighlights,
    roadmapFactors,
    coachReflections: reflections,
    roadmap: roadmap && {
      hasLastYear: roadmap.hasLastYear,
      factors: roadmap.workingOn.map((f) => ({ id: f.factorId, number: f.number, title: f.title[locale], thisYear: f.thisYear && r(`status.${f.thisYear}`), lastYear: f.lastYear && r(`status.${f.lastYear}`) })),
      plan: roadmap.planItems.map((i) => ({ id: i.interventionId, title: i.title[locale], factorNumber: i.factorNumber, horizon: r(`horizon.${i.horizon}`), dueDate: i.dueDate, status: r(`planStatus.${i.status}`) })),
    },
  };
}

/**
 * Saves the coordinator's texts for a year. `version` is the version the coordinator edited (0:
 * none yet); a save against an older version — someone else saved meanwhile — is a 409.
 */
export async function saveImpactReportTexts({ services, actor, programmeId, academicYear, request }: { services: Services; actor: Actor; programmeId: string; academicYear: string; request: SaveImpactReportTextsRequest }): Promise<{ version: number }> {
  if (!isAcademicYear(academicYear)) throw new AppError('not_found');
  const values = { wentWell: request.wentWell.trim(), needed: request.needed.trim(), updatedById: actor.personId, updatedAt: services.now() };
  if (request.version === 0) {
    const inserted = await services.db
      .insert(impactReportTexts)
      .values({ programmeId, academicYear, ...values, version: 1 })
      .onConflictDoNothing()
      .returning({ version: impactReportTexts.version });
    if (inserted.length === 0) throw new AppError('conflict');
    return { version: 1 };
  }
  const updated = await services.db
    .update(impactReportTexts)
    .set({ ...values, version: sql`${impactReportTexts.version} + 1` })
    .where(and(eq(impactReportTexts.programmeId, programmeId), eq(impactReportTexts.academicYear, academicYear), eq(impactReportTexts.version, request.version)))
    .returning({ version: impactReportTexts.version });
  if (updated.length === 0) throw new AppError('conflict');
  return { version: updated[0]!.version };
}
