/**
 * The roadmap section of the impact report (issue 22 item 5, for modules/insight): per factor the
 * agreed status of this year and the years before, and how far the improvement plan is. No people.
 */
import { ROADMAP_STATUSES } from '../../../domain/roadmap/roadmap';
import type { PlanItemStatus, RoadmapStatus } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { contentOfVersion } from './content';
import { progressSvg, progressTable } from './progress';
import { roadmapRepository } from './repository';

export type RoadmapSummary = {
  year: number;
  years: number[];
  factors: { factorId: string; number: number; title: { nl: string; en: string }; statuses: (RoadmapStatus | null)[] }[];
  /** Factors per agreed status this year (and how many have none yet). */
  thisYear: Record<RoadmapStatus | 'none', number>;
  plan: { total: number; done: number; inProgress: number; planned: number; dropped: number };
  /** The factors the programme works on: an agreed status this year, or an intervention of it in the plan. */
  workingOn: { factorId: string; number: number; title: { nl: string; en: string }; thisYear: RoadmapStatus | null; lastYear: RoadmapStatus | null }[];
  /** Whether a roadmap of the year before exists (else `lastYear` is null for want of one). */
  hasLastYear: boolean;
  /** The improvement plan's items (no owners: the report names no people). */
  planItems: { interventionId: string; title: { nl: string; en: string }; factorNumber: number | null; horizon: 'short' | 'medium' | 'long'; dueDate: string; status: PlanItemStatus }[];
  /** The progress chart as SVG, in Dutch and English. */
  svg: { nl: string; en: string };
};

/** The summary of a programme's roadmap of `year`; null when the programme has none that year. */
export async function roadmapSummary(services: Services, scope: { institutionId: string; programmeId: string | null; year: number }): Promise<RoadmapSummary | null> {
  const repo = roadmapRepository(services.db);
  const row = await repo.roadmapOfYear(scope.institutionId, scope.programmeId, scope.year);
  if (!row) return null;
  const table = await progressTable(services, services.db, row);
  const last = table.years.length - 1;
  const thisYear = Object.fromEntries([...ROADMAP_STATUSES, 'none'].map((s) => [s, 0])) as Record<RoadmapStatus | 'none', number>;
  for (const r of table.rows) thisYear[r.statuses[last] ?? 'none'] += 1;
  const items = await repo.planItems(row.id);
  const plan = { total: items.length, done: 0, inProgress: 0, planned: 0, dropped: 0 };
  for (const i of items) plan[i.status] += 1;
  const content = await contentOfVersion(services, services.db, scope.institutionId, row.contentVersion);
  const factorOf = new Map<string, { id: string; number: number }>();
  for (const f of content.factors) for (const i of f.interventions) factorOf.set(i.id, { id: f.id, number: f.number });
  const titleOf = new Map([...content.principles, ...content.factors].flatMap((x) => x.interventions).map((i) => [i.id, i.title]));
  const planned = new Set(items.flatMap((i) => (factorOf.has(i.interventionId) ? [factorOf.get(i.interventionId)!.id] : [])));
  const hasLastYear = table.years.length > 1 && table.years[last - 1] === row.year - 1;
  const workingOn = table.rows
    .filter((r) => r.statuses[last] !== null || planned.has(r.factorId))
    .map((r) => ({ factorId: r.factorId, number: r.number, title: r.title, thisYear: r.statuses[last] ?? null, lastYear: hasLastYear ? (r.statuses[last - 1] ?? null) : null }));
  const planItems = items.map((i) => ({
    interventionId: i.interventionId,
    title: titleOf.get(i.interventionId) ?? { nl: i.interventionId, en: i.interventionId },
    factorNumber: factorOf.get(i.interventionId)?.number ?? null,
    horizon: i.horizon,
    dueDate: i.dueDate,
    status: i.status,
  }));
  return { year: row.year, years: table.years, factors: table.rows, thisYear, plan, workingOn, hasLastYear, planItems, svg: { nl: progressSvg(table, 'nl'), en: progressSvg(table, 'en') } };
}
