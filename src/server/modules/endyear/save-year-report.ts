/**
 * Writing the end-of-year report: each answer saved at once (autosave; resumable), the submit with
 * the quoting consent (once: a second submit answers 409), and the consent given or withdrawn
 * afterwards. Only while the report is open; only the coach's own (the route's policy).
 */
import type { Actor } from '../../../domain/access/policy';
import { checkAnswer, isOpen } from '../../../domain/endyear/year-report';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { fieldError } from './field-error';
import { dayInWords } from './render-portfolio-pdf';
import { reportOf, saveAnswer, setConsent, submitReport } from './repository';
import { scopeOf } from './scope';

type Options = { services: Services; actor: Actor; programmeId: string; academicYear: string; locale: Locale };

async function openScope({ services, actor, programmeId, academicYear, locale }: Options) {
  const scope = await scopeOf(services.db, actor, programmeId, academicYear);
  if (!scope) throw new AppError('not_found');
  if (!isOpen(scope.window, zonedParts(services.now()).date)) throw new AppError('year_report_not_open', undefined, { date: dayInWords(locale, scope.window.opensOn) });
  return scope;
}

/** Saves one answer; refuses an unknown question, a text over its limit, and a submitted report. */
export async function saveYearReportAnswer(options: Options & { key: string; text: string }): Promise<{ savedAt: string }> {
  const { services, actor, programmeId, academicYear, locale, key, text } = options;
  const questions = services.content.questions.coachYearReport.questions;
  const checked = checkAnswer(questions, key, text);
  if (!checked.ok) {
    const max = questions.find((q) => q.id === key)?.maxLength ?? 0;
    throw checked.code === 'year_report_unknown_question' ? fieldError(locale, 'key', 'unknownQuestion') : fieldError(locale, 'text', 'tooLong', { maximum: max });
  }
  await openScope(options);
  const now = services.now();
  const saved = await saveAnswer(services.db, { personId: actor.personId, programmeId, academicYear, key, text: checked.text, contentVersion: services.content.questions.version, now });
  if (!saved) throw new AppError('year_report_submitted');
  return { savedAt: saved.updatedAt.toISOString() };
}

/** Submits the report with the coach's choice about quoting; at least one answer is needed. */
export async function submitYearReport(options: Options & { quoteConsent: boolean }): Promise<{ submittedAt: string }> {
  const { services, actor, programmeId, academicYear, locale, quoteConsent } = options;
  await openScope(options);
  const report = await reportOf(services.db, actor.personId, programmeId, academicYear);
  if (report?.submittedAt) throw new AppError('year_report_submitted');
  if (!report || Object.values(report.answers).every((a) => a.trim() === '')) throw fieldError(locale, 'answers', 'empty');
  const now = services.now();
  if (!(await submitReport(services.db, { personId: actor.personId, programmeId, academicYear, quoteConsent, now }))) throw new AppError('year_report_submitted');
  return { submittedAt: now.toISOString() };
}

/** Gives or withdraws the quoting consent of a submitted report (later impact reports follow it). */
export async function setYearReportConsent(options: Options & { quoteConsent: boolean }): Promise<{ quoteConsent: boolean }> {
  const { services, actor, programmeId, academicYear, quoteConsent } = options;
  const scope = await scopeOf(services.db, actor, programmeId, academicYear);
  if (!scope) throw new AppError('not_found');
  if (!(await setConsent(services.db, { personId: actor.personId, programmeId, academicYear, quoteConsent, now: services.now() }))) throw new AppError('year_report_not_submitted');
  return { quoteConsent };
}
