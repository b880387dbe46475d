/**
 * The coach's end-of-year report ("kort eindverslag", issue 18 item 4), the pure part: when the
 * report opens and when the home asks for it, how the coach's figures are rounded, which answers
 * may be stored, and which texts the impact report may quote.
 */
import { readIntakeSettings } from '../programme/intake-settings';
import { addDays, type LocalDate } from '../sessions/zoned-time';

type Month = 'september' | 'february';

/** The home task "Schrijf je eindverslag" shows from this many days before the year's end. */
export const TASK_DAYS_BEFORE_END = 28;
/** A quote in the impact report is cut at this many characters (at a word). */
export const QUOTE_MAX_LENGTH = 400;

const startDate = (academicYear: string, month: Month): LocalDate =>
  month === 'september' ? `${academicYear.slice(0, 4)}-09-01` : `${academicYear.slice(5, 9)}-02-01`;

/** When an intake's last phase starts and when its year ends (the day after its last phase). */
export function intakeYearEnd(intake: { settings: unknown; academicYear: string; month: Month }): { lastPhaseStarts: LocalDate; yearEnds: LocalDate } {
  const { settings } = readIntakeSettings(intake.settings, intake.month);
  const start = startDate(intake.academicYear, intake.month);
  const total = settings.phases.reduce((sum, p) => sum + p.days, 0);
  const last = settings.phases[settings.phases.length - 1]?.days ?? total;
  return { lastPhaseStarts: addDays(start, total - last), yearEnds: addDays(start, total) };
}

export type ReportWindow = {
  /** The report can be written from this day on (the earliest last phase of the coach's intakes). */
  opensOn: LocalDate;
  /** The year ends (the latest end of the coach's intakes). */
  yearEnds: LocalDate;
  /** The home asks for the report from this day until it is submitted. */
  taskFrom: LocalDate;
};

/** The window of a coach's report over the intakes they coached in (null without intakes). */
export function reportWindow(intakes: readonly { settings: unknown; academicYear: string; month: Month }[]): ReportWindow | null {
  if (intakes.length === 0) return null;
  const ends = intakes.map(intakeYearEnd);
  const opensOn = ends.map((e) => e.lastPhaseStarts).sort()[0]!;
  const yearEnds = ends.map((e) => e.yearEnds).sort().at(-1)!;
  const before = addDays(yearEnds, -TASK_DAYS_BEFORE_END);
  return { opensOn, yearEnds, taskFrom: before > opensOn ? before : opensOn };
}

/** Is the report open on `today`? */
export const isOpen = (window: ReportWindow, today: LocalDate): boolean => today >= window.opensOn;

/** Should the home ask for it on `today`? Only while not submitted. */
export const isTaskDue = (window: ReportWindow, today: LocalDate, submitted: boolean): boolean => !submitted && today >= window.taskFrom;

/** Present or late marks as a whole percentage of all marks; null without marks. */
export function attendancePercent(attended: number, marks: number): number | null {
  return marks > 0 ? Math.round((attended / marks) * 100) : null;
}

/** Minutes as hours with one decimal (90 → 1.5). */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;

export type AnswerCheck = { ok: true; text: string } | { ok: false; code: 'year_report_unknown_question' | 'year_report_answer_too_long' };

/** An answer to store: a known question, no longer than its limit; surrounding white space trimmed away. */
export function checkAnswer(questions: readonly { id: string; maxLength: number }[], key: string, text: string): AnswerCheck {
  const question = questions.find((q) => q.id === key);
  if (!question) return { ok: false, code: 'year_report_unknown_question' };
  const trimmed = text.trim();
  if ([...trimmed].length > question.maxLength) return { ok: false, code: 'year_report_answer_too_long' };
  return { ok: true, text: trimmed };
}

/** A quote for the impact report: white space collapsed, cut at a word near `QUOTE_MAX_LENGTH` with an ellipsis. */
export function quoteOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= QUOTE_MAX_LENGTH) return flat;
  const cut = [...flat].slice(0, QUOTE_MAX_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_MAX_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** The quotes of one consented report: its answers to the quotable questions, in question order, empty ones left out. */
export function quotesOf(questions: readonly { id: string; quotable: boolean }[], answers: Readonly<Record<string, string>>): string[] {
  return questions.filter((q) => q.quotable).flatMap((q) => {
    const text = answers[q.id]?.trim() ?? '';
    return text ? [quoteOf(text)] : [];
  });
}
