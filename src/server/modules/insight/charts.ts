/**
 * The dashboard's charts, rendered on the server as SVG with echarts' server-side renderer, so
 * the app and the PDF show the same picture and the browser bundle carries no chart library.
 * Each SVG gets `role="img"` and a text label (its `<title>`); the page puts the same numbers in
 * a table next to it. Suppressed cells (null) are left empty, never drawn as zero.
 */
import * as echarts from 'echarts';

const WIDTH = 720;
const INK = '#1c2333';
const MUTED = '#4a5468';
const PALETTE = ['#1d6b53', '#3a63b8', '#b26b00', '#8a3b8f'];

/** Escapes text for an SVG attribute or element. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(option: echarts.EChartsCoreOption, label: string, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Helvetica, Arial, sans-serif', color: INK }, color: PALETTE, ...option });
    const svg = chart.renderToSVGString();
    // A label for assistive technology, and a viewBox so the picture scales to a phone's width.
    return svg.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
      const scaled = attrs.includes('viewBox') ? attrs : `${attrs} viewBox="0 0 ${WIDTH} ${height}"`;
      return `<svg${scaled.replace(/ width="\d+"/, ' width="100%"').replace(/ height="\d+"/, '')} role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>`;
    });
  } finally {
    chart.dispose();
  }
}

export type Series = { name: string; values: (number | null)[] };

/** Grouped bars per category (months), one colour per series. */
export function barChart(opts: { label: string; categories: string[]; series: Series[]; percent?: boolean }): string {
  return render(
    {
      grid: { left: 56, right: 16, top: 40, bottom: 48 },
      legend: { top: 4, textStyle: { color: INK } },
      xAxis: { type: 'category', data: opts.categories, axisLabel: { color: MUTED } },
      yAxis: { type: 'value', max: opts.percent ? 100 : undefined, axisLabel: { color: MUTED, formatter: opts.percent ? '{value}%' : '{value}' } },
      series: opts.series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((v) => (v === null ? '-' : v)) })),
    },
    opts.label,
    320,
  );
}

/** A line over time (weeks), values in percent; gaps where a week is suppressed. */
export function lineChart(opts: { label: string; categories: string[]; series: Series[] }): string {
  return render(
    {
      grid: { left: 56, right: 16, top: 40, bottom: 48 },
      legend: { top: 4, textStyle: { color: INK } },
      xAxis: { type: 'category', data: opts.categories, axisLabel: { color: MUTED } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: MUTED, formatter: '{value}%' } },
      series: opts.series.map((s) => ({ type: 'line', name: s.name, connectNulls: false, data: s.values.map((v) => (v === null ? '-' : v)) })),
    },
    opts.label,
    300,
  );
}

/** A heat map: rows (communities) × columns (weeks), values in percent; suppressed cells stay empty. */
export function heatMap(opts: { label: string; rows: string[]; columns: string[]; cells: { row: number; column: number; value: number | null }[] }): string {
  const height = Math.max(200, Math.min(2400, 90 + opts.rows.length * 18));
  return render(
    {
      grid: { left: 140, right: 16, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: opts.columns, splitArea: { show: true }, axisLabel: { color: MUTED } },
      yAxis: { type: 'category', data: opts.rows, inverse: true, axisLabel: { color: INK, width: 128, overflow: 'truncate' } },
      visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 160, text: ['100%', '0%'], textStyle: { color: INK }, inRange: { color: ['#f3e1c7', '#1d6b53'] } },
      series: [{ type: 'heatmap', data: opts.cells.filter((c) => c.value !== null).map((c) => [c.column, c.row, c.value]) }],
    },
    opts.label,
    height,
  );
}

/** A bar cell of the evaluation chart: a mean, null (fewer than five answered), a question not asked at that moment, or asked and not answered yet. */
export type MeanCell = number | null | 'notAsked' | 'noAnswers';

/**
 * Mean answers per question (rows) and moment (one colour per moment), as horizontal bars on the
 * question's scale. A cell with no bar says why in words at the axis: "<5" for a hidden mean,
 * "not asked" for a question nobody was asked at that moment, "no answers yet" for one nobody has
 * answered — never a bar of zero.
 */
export function meansChart(opts: { label: string; questions: string[]; series: { name: string; values: MeanCell[] }[]; max: number; suppressedText: string; notAskedText: string; noAnswersText: string }): string {
  const height = Math.max(200, 70 + opts.questions.length * (opts.series.length * 16 + 14));
  const word = (text: string) => ({ value: 0, itemStyle: { color: 'transparent' }, label: { show: true, position: 'right', formatter: text, color: MUTED, fontSize: 11, fontStyle: 'italic' } });
  return render(
    {
      grid: { left: 240, right: 96, top: 40, bottom: 32 },
      legend: { top: 4, textStyle: { color: INK } },
      xAxis: { type: 'value', min: 0, max: opts.max, axisLabel: { color: MUTED } },
      yAxis: { type: 'category', data: opts.questions, inverse: true, axisLabel: { color: INK, width: 200, overflow: 'break', lineHeight: 13 } },
      series: opts.series.map((s) => ({
        type: 'bar',
        name: s.name,
        barMaxWidth: 14,
        data: s.values.map((v) => (v === 'notAsked' ? word(opts.notAskedText) : v === 'noAnswers' ? word(opts.noAnswersText) : v === null ? word(opts.suppressedText) : { value: v, label: { show: true, position: 'right', formatter: v.toFixed(1), color: INK, fontSize: 11 } })),
      })),
    },
    opts.label,
    height,
  );
}
