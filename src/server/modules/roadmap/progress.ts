/**
 * Progress over the years (issue 22 item 5): this year's agreed statuses next to earlier years' of
 * the same programme (or the institution), as a table and a chart (echarts rendered to SVG on the
 * server; the table is the chart's text alternative).
 */
import * as echarts from 'echarts';
import type { RoadmapProgressResponse } from '../../../contracts/roadmap';
import { ROADMAP_STATUSES, statusStep } from '../../../domain/roadmap/roadmap';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { contentOfVersion } from './content';
import { roadmapRepository } from './repository';

/** Agreed statuses per factor for the scope's roadmaps up to `year`, oldest year first. */
export async function progressTable(services: Services, db: Db, scope: { institutionId: string; programmeId: string | null; year: number; contentVersion: number }) {
  const repo = roadmapRepository(db);
  const years = await repo.roadmapsOfScope(scope.institutionId, scope.programmeId, scope.year);
  const assessments = await repo.assessments(years.map((y) => y.id));
  const content = await contentOfVersion(services, db, scope.institutionId, scope.contentVersion);
  return {
    years: years.map((y) => y.year),
    rows: content.factors.map((f) => ({
      factorId: f.id,
      number: f.number,
      title: f.title,
      statuses: years.map((y) => assessments.find((a) => a.roadmapId === y.id && a.factorId === f.id)?.status ?? null),
    })),
  };
}

export function progressSvg(table: Omit<RoadmapProgressResponse, 'svg'>, locale: Locale): string {
  const t = (key: string) => translate(locale, `roadmap.${key}`);
  const height = 80 + table.rows.length * (18 + 8 * table.years.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height });
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: t('progress.chartLabel') } },
    legend: { top: 0, data: table.years.map(String) },
    grid: { left: 40, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { formatter: (v: number) => (v === 0 ? '' : t(`status.${ROADMAP_STATUSES[v - 1] ?? 'notStarted'}`)), fontSize: 10 } },
    yAxis: { type: 'category', inverse: true, data: table.rows.map((r) => String(r.number)) },
    series: table.years.map((year, i) => ({
      name: String(year),
      type: 'bar',
      data: table.rows.map((r) => (r.statuses[i] ? statusStep(r.statuses[i]) + 1 : 0)),
      barMaxWidth: 8,
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export async function getProgress(o: { services: Services; institutionId: string; roadmapId: string; locale: Locale }): Promise<RoadmapProgressResponse> {
  const row = await roadmapRepository(o.services.db).roadmap(o.institutionId, o.roadmapId);
  if (!row) throw new AppError('not_found');
  const table = await progressTable(o.services, o.services.db, row);
  return { ...table, svg: progressSvg(table, o.locale) };
}
