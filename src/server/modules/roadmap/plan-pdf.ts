/**
 * The improvement plan as a one-page overview (PDF, A4 landscape): each intervention with its
 * owner, horizon, due date and status. The font shrinks until the plan fits; a plan too long even
 * then lists what fits and says how many more there are, so the overview stays one page.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import type { Actor } from '../../../domain/access/policy';
import { interventionsOf } from './content-changes';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { getRoadmap } from './get-roadmap';
import type { Resource } from '../../../domain/access/policy';

/** Only characters the standard PDF fonts (WinAnsi) can draw. */
const safe = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff–—‘’“”€…•]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of safe(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function planPdf(o: { services: Services; actor: Actor; resource: Resource; roadmapId: string; locale: Locale }): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(o.locale, `roadmap.${key}`, params);
  const roadmap = await getRoadmap({ services: o.services, actor: o.actor, resource: o.resource, roadmapId: o.roadmapId });
  const interventions = interventionsOf(roadmap.content);
  const stakeholderName = new Map(roadmap.content.stakeholders.map((s) => [s.id, s.name[o.locale]]));
  const rows = roadmap.plan.map((p) => [
    interventions.get(p.interventionId)?.title[o.locale] ?? p.interventionId,
    p.owner ? (p.owner.kind === 'person' ? p.owner.name : (stakeholderName.get(p.owner.stakeholderId) ?? '')) : '',
    t(`horizon.${p.horizon}`),
    p.dueDate,
    t(`planStatus.${p.status}`),
  ]);

  const doc = await PDFDocument.create();
  const scopeName = roadmap.programmeName ? roadmap.programmeName[o.locale] : t('institution');
  const title = t('pdf.title', { scope: scopeName, year: `${roadmap.year}–${roadmap.year + 1}` });
  doc.setTitle(safe(title));
  doc.setCreator('peerkracht');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([842, 595]);
  const margin = 40;
  const widths = [400, 140, 80, 70, 72];
  const heads = [t('plan.intervention'), t('plan.owner'), t('plan.horizon'), t('plan.dueDate'), t('plan.status')];
  const ink = rgb(0.11, 0.14, 0.2);

  let size = 10;
  let wrapped = rows.map((r) => r.map((cell, i) => wrap(cell, font, size, widths[i]! - 6)));
  const heightOf = (s: number, w: string[][][]) => w.reduce((h, r) => h + Math.max(...r.map((c) => c.length)) * s * 1.25 + 4, 0);
  const room = 595 - margin * 2 - 60;
  while (size > 6 && heightOf(size, wrapped) > room) {
    size -= 0.5;
    wrapped = rows.map((r) => r.map((cell, i) => wrap(cell, font, size, widths[i]! - 6)));
  }

  let y = 595 - margin;
  page.drawText(safe(title), { x: margin, y, size: 15, font: bold, color: ink });
  y -= 28;
  let x = margin;
  heads.forEach((h, i) => {
    page.drawText(safe(h), { x, y, size: 10, font: bold, color: ink });
    x += widths[i]!;
  });
  y -= 6;
  page.drawLine({ start: { x: margin, y }, end: { x: 842 - margin, y }, thickness: 0.8, color: ink });
  y -= size * 1.25;
  if (rows.length === 0) page.drawText(safe(t('plan.empty')), { x: margin, y, size: 10, font, color: ink });
  let shown = 0;
  for (const r of wrapped) {
    const lines = Math.max(...r.map((c) => c.length));
    if (y - lines * size * 1.25 < margin + 14) break;
    let cx = margin;
    r.forEach((cell, i) => {
      cell.forEach((line, k) => page.drawText(line, { x: cx, y: y - k * size * 1.25, size, font, color: ink }));
      cx += widths[i]!;
    });
    y -= lines * size * 1.25 + 4;
    shown += 1;
  }
  if (shown < rows.length) page.drawText(safe(t('pdf.more', { count: rows.length - shown })), { x: margin, y: margin, size: 9, font: bold, color: ink });
  return doc.save();
}
