/**
 * The coach's portfolio PDF of their year (A4, pdf-lib): their figures, the trainings they
 * attended, their reflection, and — when they have compensation hours — a line the coordinator
 * signs for those hours. Dutch or English. Only the coach downloads it (the route's policy).
 */
import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import type { YearReportResponse } from '../../../contracts/endyear';
import { translate, type Locale } from '../../../i18n/translate';
import { pdfSafe, wrap } from '../../pdf/pdf-text';

const INK = rgb(0.11, 0.14, 0.2);
const MUTED = rgb(0.29, 0.33, 0.41);
const RULE = rgb(0.85, 0.87, 0.9);
const PAGE: [number, number] = [595, 842];
const LEFT = 56;
const WIDTH = PAGE[0] - 2 * LEFT;

/** A date as "12 juni 2027" / "12 June 2027" (a calendar day; no time zone involved). */
export function dayInWords(locale: Locale, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d)));
}

export async function renderPortfolioPdf(report: YearReportResponse, coachName: string, locale: Locale, generatedOn: string): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `endyear.${key}`, params);
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(t('pdf.title', { programme: report.programme.name, year: report.academicYear })));
  doc.setCreator('peerkracht');
  doc.setLanguage(locale === 'nl' ? 'nl-NL' : 'en-GB');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - 60;
  const ensure = (needed: number) => {
    if (y - needed < 56) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - 60;
    }
  };
  const text = (value: string, opts: { size?: number; bold?: boolean; muted?: boolean; indent?: number } = {}) => {
    const size = opts.size ?? 10.5;
    const f = opts.bold ? bold : font;
    for (const line of wrap(value, f, size, WIDTH - (opts.indent ?? 0))) {
      ensure(size + 5);
      page.drawText(line, { x: LEFT + (opts.indent ?? 0), y, size, font: f, color: opts.muted ? MUTED : INK });
      y -= size + 5;
    }
  };
  const heading = (value: string, size = 13) => {
    ensure(size + 48);
    y -= 12;
    text(value, { size, bold: true });
    y -= 2;
  };
  const pair = (label: string, value: string) => {
    ensure(18);
    page.drawText(pdfSafe(label), { x: LEFT, y, size: 10.5, font, color: INK });
    const v = pdfSafe(value);
    page.drawText(v, { x: LEFT + WIDTH - bold.widthOfTextAtSize(v, 10.5), y, size: 10.5, font: bold, color: INK });
    page.drawLine({ start: { x: LEFT, y: y - 5 }, end: { x: LEFT + WIDTH, y: y - 5 }, thickness: 0.4, color: RULE });
    y -= 18;
  };

  text(t('pdf.title', { programme: report.programme.name, year: report.academicYear }), { size: 18, bold: true });
  y -= 4;
  text(coachName, { size: 12 });
  text(report.submittedAt ? t('pdf.submittedOn', { date: dayInWords(locale, report.submittedAt.slice(0, 10)) }) : t('pdf.draft'), { muted: true });
  text(t('pdf.generatedOn', { date: dayInWords(locale, generatedOn) }), { muted: true });

  heading(t('figures.title'));
  const f = report.figures;
  pair(t('figures.communitiesLed'), String(f.communitiesLed));
  pair(t('figures.sessions'), t('figures.sessionsValue', { held: f.sessionsHeld, planned: f.sessionsPlanned }));
  pair(t('figures.attendance'), f.attendancePercent === null ? t('figures.none') : `${f.attendancePercent}%`);
  pair(t('figures.oneOnOnes'), String(f.oneOnOnesHeld));
  pair(t('figures.referrals'), String(f.referrals));
  pair(t('figures.trainings'), String(f.trainingsAttended));
  if (f.hours !== null) pair(t('figures.hours'), f.hours.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'));

  heading(t('pdf.trainingsTitle'));
  if (report.trainings.length === 0) text(t('pdf.noTrainings'), { muted: true });
  for (const tr of report.trainings) text(`${dayInWords(locale, tr.date)} — ${tr.title || t(`pdf.type.${tr.type}`)}`, { indent: 8 });

  heading(t('pdf.reflectionTitle'));
  let answered = 0;
  for (const q of report.questions) {
    const answer = report.answers[q.id]?.trim();
    if (!answer) continue;
    answered += 1;
    ensure(40);
    text(q.label, { bold: true });
    text(answer, { indent: 8 });
    y -= 6;
  }
  if (answered === 0) text(t('pdf.noReflection'), { muted: true });

  if (f.hours !== null) {
    heading(t('pdf.signTitle'));
    text(t('pdf.signText', { name: coachName, hours: f.hours.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'), programme: report.programme.name, year: report.academicYear }));
    y -= 28;
    ensure(60);
    for (const label of [t('pdf.signName'), t('pdf.signDate'), t('pdf.signSignature')]) {
      page.drawText(pdfSafe(label), { x: LEFT, y, size: 10.5, font, color: INK });
      page.drawLine({ start: { x: LEFT + 150, y: y - 2 }, end: { x: LEFT + WIDTH, y: y - 2 }, thickness: 0.6, color: MUTED });
      y -= 30;
    }
  }
  return doc.save();
}
