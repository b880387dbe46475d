/**
 * The roadmap section of the impact report (issue 22 item 5, for modules/insight): per factor the
 * agreed status of this year and the years before, and how far the improvement plan is. No people.
 */
import { ROADMAP_STATUSES } from '../../../domain/roadmap/roadmap';
import type { RoadmapStatus } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { progressSvg, progressTable } from './progress';
import { roadmapRepository } from './repository';

export type RoadmapSummary = {
  year: number;
  years: number[];
  factors: { factorId: string; number: number; title: { nl: string; en: string }; statuses: (RoadmapStatus | null)[] }[];
  /** Factors per agreed status this year (and how many have none yet). */
  thisYear: Record<RoadmapStatus | 'none', number>;
  plan: { total: number; done: number; inProgress: number; planned: number; dropped: number };
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
  return { year: row.year, years: table.years, factors: table.rows, thisYear, plan, svg: { nl: progressSvg(table, 'nl'), en: progressSvg(table, 'en') } };
}
