/**
 * What leaves the app for others: the hours export for HR (salary scheme: hours per coach and
 * kind, no amounts) and a coach's statement as a PDF for the examination board (credits scheme:
 * hours only). Texts in the reader's language.
 */
import { zonedParts } from '../../../domain/sessions/zoned-time';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { WORK_KINDS } from '../../../domain/compensation/allowance';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { compensationStatementLines, compensationStatements, people, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { statementWithLines } from './repository';

const hours = (minutes: number) => (minutes / 60).toFixed(2);

/** A CSV cell: quoted when needed; a leading =, +, - or @ is neutralised (no formula injection in a spreadsheet). */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The hours of a programme's month per coach: one row per statement, hours per kind and in total (semicolons, as Dutch Excel reads them). */
export async function hoursCsv(options: { services: Services; programmeId: string; month: string; locale: Locale }): Promise<string> {
  const { services } = options;
  const t = (key: string) => translate(options.locale, `compensation.export.${key}`);
  const statements = await services.db
    .select({ id: compensationStatements.id, status: compensationStatements.status, totalMinutes: compensationStatements.totalMinutes, firstName: people.firstName, lastName: people.lastName, studentNumber: people.studentNumber })
    .from(compensationStatements)
    .innerJoin(people, eq(people.id, compensationStatements.coachPersonId))
    .where(and(eq(compensationStatements.programmeId, options.programmeId), eq(compensationStatements.month, options.month)))
    .orderBy(asc(people.lastName), asc(people.firstName));
  const lines =
    statements.length === 0
      ? []
      : await services.db
          .select({ statementId: compensationStatementLines.statementId, kind: compensationStatementLines.kind, minutes: compensationStatementLines.minutes })
          .from(compensationStatementLines)
          .where(inArray(compensationStatementLines.statementId, statements.map((s) => s.id)));
  const header = [t('lastName'), t('firstName'), t('studentNumber'), t('month'), ...WORK_KINDS.map((k) => translate(options.locale, `compensation.kinds.${k}`)), t('totalHours'), t('status')];
  const rows = statements.map((s) => {
    const own = lines.filter((l) => l.statementId === s.id);
    return [
      s.lastName,
      s.firstName,
      s.studentNumber ?? '',
      options.month,
      ...WORK_KINDS.map((k) => hours(own.filter((l) => l.kind === k).reduce((sum, l) => sum + l.minutes, 0))),
      hours(s.totalMinutes),
      translate(options.locale, `compensation.status.${s.status}`),
    ];
  });
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** A coach's statement as a PDF (credits scheme): the lines with hours, the total, the approval. */
export async function statementPdf(options: { services: Services; statementId: string; locale: Locale }): Promise<Uint8Array> {
  const { services, locale } = options;
  const found = await statementWithLines(services.db, options.statementId);
  if (!found) throw new AppError('not_found');
  const { statement, lines } = found;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `compensation.pdf.${key}`, params);
  const [coach] = await services.db.select({ firstName: people.firstName, lastName: people.lastName, studentNumber: people.studentNumber }).from(people).where(eq(people.id, statement.coachPersonId));
  const [programme] = await services.db.select({ nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(eq(programmes.id, statement.programmeId));
  const safe = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?');
  const doc = await PDFDocument.create();
  doc.setTitle(safe(t('title', { month: statement.month })));
  doc.setCreator('peerkracht');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 790;
  const write = (text: string, options: { size?: number; bold?: boolean; x?: number } = {}) => {
    if (y < 60) {
      page = doc.addPage([595, 842]);
      y = 790;
    }
    page.drawText(safe(text), { x: options.x ?? 50, y, size: options.size ?? 11, font: options.bold ? bold : font, color: rgb(0.11, 0.14, 0.2) });
  };
  write(t('title', { month: statement.month }), { size: 18, bold: true });
  y -= 28;
  write(`${t('coach')}: ${coach?.firstName ?? ''} ${coach?.lastName ?? ''}${coach?.studentNumber ? ` (${coach.studentNumber})` : ''}`);
  y -= 16;
  write(`${t('programme')}: ${locale === 'en' ? (programme?.nameEn ?? '') : (programme?.nameNl ?? '')}`);
  y -= 16;
  write(`${t('status')}: ${translate(locale, `compensation.status.${statement.status}`)}${statement.approvedAt ? ` (${zonedParts(statement.approvedAt).date})` : ''}`);
  y -= 28;
  write(t('date'), { bold: true });
  write(t('kind'), { bold: true, x: 150 });
  write(t('hours'), { bold: true, x: 400 });
  y -= 18;
  for (const line of lines) {
    write(line.workedOn);
    write(translate(locale, `compensation.kinds.${line.kind}`), { x: 150 });
    write(hours(line.minutes), { x: 400 });
    y -= 16;
  }
  y -= 12;
  write(`${t('total')}: ${hours(statement.totalMinutes)} ${t('hoursUnit')}`, { bold: true });
  y -= 28;
  write(t('footer'), { size: 9 });
  return doc.save();
}
