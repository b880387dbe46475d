/**
 * The impact report as a PDF (A4, pdf-lib). The charts are the dashboard's own SVGs, rasterised
 * with sharp at twice their size (ADR 0018: one chart renderer for the app and the PDF); every
 * figure is also written as text in a table, so the numbers are selectable, searchable and read
 * by a screen reader — and they are exactly the dashboard's numbers, suppression included.
 */
import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { pdfSafe, wrap } from '../../pdf/pdf-text';
import sharp from 'sharp';
import type { ImpactReportResponse, InsightTable } from '../../../contracts/insight';
import { translate, type Locale } from '../../../i18n/translate';
import { formatCell } from './csv';

/** Kept here too for this file's callers and tests; the one implementation is `src/server/pdf/pdf-text.ts`. */
export { pdfSafe };

const INK = rgb(0.11, 0.14, 0.2);
const MUTED = rgb(0.29, 0.33, 0.41);
const RULE = rgb(0.85, 0.87, 0.9);
const PAGE: [number, number] = [595, 842];
const LEFT = 48;
const WIDTH = PAGE[0] - 2 * LEFT;
/** Tables wider than this many columns (the heat map's weeks) stay in the app and the CSV. */
const MAX_PDF_COLUMNS = 6;

export async function renderReportPdf(report: ImpactReportResponse, locale: Locale, generatedOn: string): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `insight.${key}`, params);
  const suppressedText = t('suppressed');
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(t('report.pdfTitle', { programme: report.programme.name, year: report.academicYear })));
  doc.setCreator('peerkracht');
  doc.setLanguage(locale === 'nl' ? 'nl-NL' : 'en-GB');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - 56;
  const ensure = (needed: number) => {
    if (y - needed < 48) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - 56;
    }
  };
  const text = (value: string, opts: { size?: number; bold?: boolean; muted?: boolean; indent?: number } = {}) => {
    const size = opts.size ?? 10;
    const f = opts.bold ? bold : font;
    for (const line of wrap(value, f, size, WIDTH - (opts.indent ?? 0))) {
      ensure(size + 4);
      page.drawText(line, { x: LEFT + (opts.indent ?? 0), y, size, font: f, color: opts.muted ? MUTED : INK });
      y -= size + 4;
    }
  };
  const heading = (value: string, size = 14) => {
    ensure(size + 40);
    y -= 10;
    text(value, { size, bold: true });
    y -= 2;
  };
  const table = (tbl: InsightTable) => {
    if (tbl.columns.length > MAX_PDF_COLUMNS) {
      text(t('report.wideTable'), { muted: true });
      return;
    }
    const first = Math.min(220, WIDTH / 2);
    const other = tbl.columns.length > 1 ? (WIDTH - first) / (tbl.columns.length - 1) : 0;
    const xOf = (i: number) => LEFT + (i === 0 ? 0 : first + (i - 1) * other);
    const row = (cells: string[], isHeader: boolean) => {
      const f = isHeader ? bold : font;
      const firstLines = wrap(cells[0] ?? '', f, 9, first - 8);
      ensure(firstLines.length * 12 + 6);
      cells.forEach((cell, i) => {
        if (i === 0) firstLines.forEach((l, j) => page.drawText(l, { x: xOf(0), y: y - j * 12, size: 9, font: f, color: INK }));
        else {
          const s = pdfSafe(cell);
          const w = f.widthOfTextAtSize(s, 9);
          page.drawText(s, { x: xOf(i) + other - 6 - w, y, size: 9, font: f, color: INK });
        }
      });
      y -= firstLines.length * 12;
      page.drawLine({ start: { x: LEFT, y: y + 8 }, end: { x: LEFT + WIDTH, y: y + 8 }, thickness: 0.4, color: RULE });
      y -= 2;
    };
    row(tbl.columns.map((c) => c.label), true);
    for (const r of tbl.rows) row(r.map((v, i) => formatCell(v, tbl.columns[i]?.kind ?? 'text', suppressedText, locale)), false);
    if (tbl.rows.length === 0) text(t('noData'), { muted: true });
  };
  const chart = async (svg: string) => {
    const png = await sharp(Buffer.from(svg), { density: 144 }).flatten({ background: '#ffffff' }).png().toBuffer();
    const image = await doc.embedPng(png);
    const scale = Math.min(WIDTH / image.width, 300 / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    ensure(h + 8);
    page.drawImage(image, { x: LEFT, y: y - h, width: w, height: h });
    y -= h + 8;
  };

  // Title page header.
  text(t('report.pdfTitle', { programme: report.programme.name, year: report.academicYear }), { size: 20, bold: true });
  text(t('report.generatedOn', { date: generatedOn }), { muted: true });
  text(t('report.suppressionNote'), { muted: true });

  heading(t('report.comparisonTitle', { year: report.academicYear, previous: report.previousYear }));
  table({
    columns: [
      { label: t('columns.figure'), kind: 'text' },
      { label: report.academicYear, kind: 'text' },
      { label: report.previousYear, kind: 'text' },
    ],
    rows: report.comparison.map((c) => [c.label, formatCell(c.thisYear, c.kind, suppressedText, locale), formatCell(c.previousYear, c.kind, suppressedText, locale)]),
  });

  heading(t('report.wentWell'));
  text(report.texts.wentWell || t('report.noText'), { muted: !report.texts.wentWell });
  heading(t('report.needed'));
  text(report.texts.needed || t('report.noText'), { muted: !report.texts.needed });

  for (const section of report.sections) {
    heading(section.title);
    text(section.summary);
    y -= 4;
    if (section.chartSvg) await chart(section.chartSvg);
    table(section.table);
  }

  heading(t('report.highlightsTitle'));
  if (report.evaluationHighlights.length === 0) text(t('report.noHighlights'), { muted: true });
  for (const h of report.evaluationHighlights) text(`• ${h}`);

  heading(t('report.roadmapTitle'));
  if (report.roadmapFactors.length === 0) text(t('report.noFactors'), { muted: true });
  for (const f of report.roadmapFactors) text(`${f.number}. ${f.title} — ${f.evidence}`);

  const r = (key: string) => translate(locale, `roadmap.report.${key}`);
  heading(r('title'));
  if (!report.roadmap) text(r('none'), { muted: true });
  else {
    const rm = report.roadmap;
    text(r('factors'), { bold: true });
    if (!rm.hasLastYear) text(r('noLastYear'), { muted: true });
    if (rm.factors.length === 0) text(r('noFactors'), { muted: true });
    else
      table({
        columns: [
          { label: r('factor'), kind: 'text' },
          { label: r('thisYear'), kind: 'text' },
          { label: r('lastYear'), kind: 'text' },
        ],
        rows: rm.factors.map((f) => [`${f.number}. ${f.title}`, f.thisYear ?? r('noStatus'), f.lastYear ?? r('noStatus')]),
      });
    y -= 6;
    text(r('plan'), { bold: true });
    if (rm.plan.length === 0) text(r('noPlan'), { muted: true });
    else
      table({
        columns: [
          { label: r('intervention'), kind: 'text' },
          { label: r('horizon'), kind: 'text' },
          { label: r('dueDate'), kind: 'text' },
          { label: r('status'), kind: 'text' },
        ],
        rows: rm.plan.map((i) => [i.factorNumber === null ? i.title : `${i.factorNumber}. ${i.title}`, i.horizon, i.dueDate, i.status]),
      });
  }

  heading(t('report.reflectionsTitle'));
  if (report.coachReflections.length === 0) text(t('report.noReflections'), { muted: true });
  for (const r of report.coachReflections) text(`“${r}”`, { indent: 8 });

  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(pdfSafe(t('report.pageOf', { page: i + 1, pages: pages.length })), { x: LEFT, y: 24, size: 8, font, color: MUTED }));
  return doc.save();
}
