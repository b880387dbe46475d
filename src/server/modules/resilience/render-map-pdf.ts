/**
 * The printable map as a PDF: the concentric picture (the coachee in the centre, the three levels
 * around, inside the institution on the left and outside on the right), then everything on the
 * map as text. Standard Helvetica (WinAnsi) covers Dutch (ë, é, ï, ö, ü); anything it cannot
 * show is written without its accent rather than failing. A read by anyone but the owner is audited.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { pdfSafe, wrap } from '../../pdf/pdf-text';
import type { Actor } from '../../../domain/access/policy';
import { LEVELS, PLACES, type ResilienceMap } from '../../../domain/resilience/model';
import { groupResources } from '../../../domain/resilience/operations';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { recordRead } from '../audit/public';
import { namesOf } from '../relations/public';
import { localDate } from './dates';
import { auditId } from './describe-map';
import type { MapRow } from './repository';

/** Kept here too for this file's callers and tests; the one implementation is `src/server/pdf/pdf-text.ts`. */
export { pdfSafe };

const LEVEL_COLOURS = { individual: rgb(0.88, 0.94, 0.91), relational: rgb(0.91, 0.93, 0.98), contextual: rgb(0.99, 0.96, 0.88) };
const INK = rgb(0.11, 0.14, 0.2);
const MUTED = rgb(0.29, 0.33, 0.41);

export async function renderMapPdf({ services, actor, map, locale }: { services: Services; actor: Actor; map: MapRow; locale: Locale }): Promise<Uint8Array> {
  await recordRead(services.db, { actorId: actor.personId, subjectId: map.ownerId, resourceType: 'resilienceMap', resourceId: auditId('pdf', map.id) });
  const owner = (await namesOf(services.db, [map.ownerId])).get(map.ownerId);
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `resilience.${key}`, params);
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(t('pdf.title', { name: owner?.firstName ?? '' })));
  doc.setCreator('peerkracht');
  doc.setLanguage(locale === 'nl' ? 'nl-NL' : 'en-GB');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const content: ResilienceMap = map.content;

  let page = doc.addPage([595, 842]);
  page.drawText(pdfSafe(t('pdf.title', { name: `${owner?.firstName ?? ''} ${owner?.lastName ?? ''}`.trim() })), { x: 40, y: 800, size: 18, font: bold, color: INK });
  page.drawText(pdfSafe(t('pdf.date', { date: localDate(services.now()) })), { x: 40, y: 780, size: 10, font, color: MUTED });
  drawPicture(page, content, font, bold, t);

  // Everything on the map, as text.
  let y = 300;
  const ensure = (needed: number) => {
    if (y - needed < 50) {
      page = doc.addPage([595, 842]);
      y = 800;
    }
  };
  const heading = (text: string) => {
    ensure(40);
    y -= 8;
    page.drawText(pdfSafe(text), { x: 40, y, size: 13, font: bold, color: INK });
    y -= 18;
  };
  const paragraph = (text: string, indent = 0) => {
    for (const line of wrap(text || '—', font, 10, 515 - indent)) {
      ensure(14);
      page.drawText(line, { x: 40 + indent, y, size: 10, font, color: INK });
      y -= 14;
    }
  };
  heading(t('sections.challenges'));
  if (content.challenges.length === 0) paragraph('—');
  for (const c of content.challenges) paragraph(`• ${c.text} (${t(`challengeWhen.${c.when}`)})`);
  heading(t('sections.goals'));
  paragraph(content.goals);
  paragraph(`${t('fields.studyFit')}: ${content.studyFit || '—'}`);
  heading(t('sections.wellbeing'));
  paragraph(content.wellbeing === null ? '—' : t('pdf.wellbeing', { score: content.wellbeing }));
  if (content.wellbeingNeeds) paragraph(`${t('fields.wellbeingNeeds')}: ${content.wellbeingNeeds}`);
  heading(t('sections.resources'));
  const groups = groupResources(content.resources);
  let n = 0;
  for (const level of LEVELS) {
    for (const place of PLACES) {
      for (const r of groups[level][place]) {
        n += 1;
        paragraph(`${n}. ${r.label} — ${t(`levels.${level}`)}, ${t(`places.${place}`)}, ${t(`kinds.${r.kind}`)}, ${t(`usages.${r.usage}`)}`);
        if (r.easierIf) paragraph(`${t('fields.easierIf')}: ${r.easierIf}`, 14);
        if (r.note) paragraph(`${t('fields.note')}: ${r.note}`, 14);
      }
    }
  }
  if (n === 0) paragraph(t('list.empty'));
  heading(t('sections.potential'));
  paragraph(content.potential);
  heading(t('sections.firstStep'));
  paragraph(content.firstStep);
  return doc.save();
}

function drawPicture(page: PDFPage, content: ResilienceMap, font: PDFFont, bold: PDFFont, t: (key: string) => string) {
  const cx = 297;
  const cy = 545;
  const radii = [225, 165, 105] as const;
  const levels = ['contextual', 'relational', 'individual'] as const;
  levels.forEach((level, i) => page.drawCircle({ x: cx, y: cy, size: radii[i], color: LEVEL_COLOURS[level], borderColor: MUTED, borderWidth: 0.8 }));
  page.drawCircle({ x: cx, y: cy, size: 45, color: rgb(1, 1, 1), borderColor: MUTED, borderWidth: 0.8 });
  page.drawLine({ start: { x: cx, y: cy - 225 }, end: { x: cx, y: cy - 45 }, thickness: 0.8, color: MUTED, dashArray: [3, 3] });
  page.drawLine({ start: { x: cx, y: cy + 45 }, end: { x: cx, y: cy + 225 }, thickness: 0.8, color: MUTED, dashArray: [3, 3] });
  const me = pdfSafe(t('picture.me'));
  page.drawText(me, { x: cx - bold.widthOfTextAtSize(me, 12) / 2, y: cy - 4, size: 12, font: bold, color: INK });
  const inside = pdfSafe(t('places.inside'));
  const outside = pdfSafe(t('places.outside'));
  page.drawText(inside, { x: cx - 230, y: cy + 232, size: 10, font: bold, color: INK });
  page.drawText(outside, { x: cx + 230 - bold.widthOfTextAtSize(outside, 10), y: cy + 232, size: 10, font: bold, color: INK });
  const bandLabel = { individual: 75, relational: 135, contextual: 195 } as const;
  for (const level of LEVELS) {
    const label = pdfSafe(t(`levels.${level}`));
    page.drawText(label, { x: cx - font.widthOfTextAtSize(label, 8) / 2, y: cy + bandLabel[level] + 10, size: 8, font, color: MUTED });
  }
  const groups = groupResources(content.resources);
  let n = 0;
  for (const level of LEVELS) {
    for (const place of PLACES) {
      const items = groups[level][place];
      items.forEach((r, i) => {
        n += 1;
        const angle = ((i + 1) / (items.length + 1)) * Math.PI * 0.8 + Math.PI * 0.1;
        const x = cx + (place === 'inside' ? -1 : 1) * Math.sin(angle) * bandLabel[level];
        const y = cy + Math.cos(angle) * bandLabel[level];
        page.drawCircle({ x, y, size: 4, color: r.usage === 'uses' ? INK : rgb(1, 1, 1), borderColor: INK, borderWidth: 1 });
        const label = pdfSafe(`${n}. ${r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label}`);
        const w = font.widthOfTextAtSize(label, 7);
        page.drawText(label, { x: place === 'inside' ? x - w - 6 : x + 6, y: y - 2, size: 7, font, color: INK });
      });
    }
  }
}
