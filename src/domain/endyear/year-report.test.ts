import { describe, expect, it } from 'vitest';
import { defaultIntakeSettings } from '../programme/intake-settings';
import { attendancePercent, checkAnswer, hoursOf, intakeYearEnd, isOpen, isTaskDue, quoteOf, quotesOf, QUOTE_MAX_LENGTH, reportWindow } from './year-report';

const september = { settings: defaultIntakeSettings('september'), academicYear: '2026-2027', month: 'september' as const };
const february = { settings: defaultIntakeSettings('february'), academicYear: '2026-2027', month: 'february' as const };

describe('the window of the end-of-year report', () => {
  it('opens when the last phase starts and the year ends after the last phase', () => {
    // Default September: 100 days, then 200 days, from 1 September.
    expect(intakeYearEnd(september)).toEqual({ lastPhaseStarts: '2026-12-10', yearEnds: '2027-06-28' });
    expect(intakeYearEnd(february)).toEqual({ lastPhaseStarts: '2027-05-12', yearEnds: '2027-09-09' });
  });

  it('over two intakes: opens at the earliest last phase, ends at the latest end, asks four weeks before the end', () => {
    const w = reportWindow([september, february])!;
    expect(w).toEqual({ opensOn: '2026-12-10', yearEnds: '2027-09-09', taskFrom: '2027-08-12' });
    expect(isOpen(w, '2026-12-09')).toBe(false);
    expect(isOpen(w, '2026-12-10')).toBe(true);
    expect(isTaskDue(w, '2027-08-11', false)).toBe(false);
    expect(isTaskDue(w, '2027-08-12', false)).toBe(true);
    expect(isTaskDue(w, '2027-10-01', true)).toBe(false);
    expect(reportWindow([])).toBeNull();
  });

  it('a short last phase: the task starts when the report opens, not before', () => {
    const short = { ...september, settings: { ...september.settings, phases: [{ name: 'a', days: 100, reflectionAtEnd: true }, { name: 'b', days: 10, reflectionAtEnd: true }] } };
    const w = reportWindow([short])!;
    expect(w.taskFrom).toBe(w.opensOn);
  });
});

describe('figures', () => {
  it.each([
    [0, 0, null],
    [7, 8, 88],
    [1, 3, 33],
    [5, 5, 100],
  ])('%i of %i marks present → %s %', (attended, marks, expected) => expect(attendancePercent(attended, marks)).toBe(expected));

  it.each([
    [0, 0],
    [90, 1.5],
    [100, 1.7],
    [6000, 100],
  ])('%i minutes → %f hours', (minutes, hours) => expect(hoursOf(minutes)).toBe(hours));
});

describe('answers and quotes', () => {
  const questions = [
    { id: 'a', maxLength: 5, quotable: true },
    { id: 'b', maxLength: 100, quotable: false },
    { id: 'c', maxLength: 100, quotable: true },
  ];
  it('refuses an unknown question and a text over the limit; trims', () => {
    expect(checkAnswer(questions, 'x', 'hi')).toEqual({ ok: false, code: 'year_report_unknown_question' });
    expect(checkAnswer(questions, 'a', 'toolong')).toEqual({ ok: false, code: 'year_report_answer_too_long' });
    expect(checkAnswer(questions, 'a', '  12345  ')).toEqual({ ok: true, text: '12345' });
    expect(checkAnswer(questions, 'a', 'ééééé')).toEqual({ ok: true, text: 'ééééé' });
  });
  it('quotes only the quotable, non-empty answers in question order', () => {
    expect(quotesOf(questions, { c: ' later\n\ntext ', b: 'private', a: '' })).toEqual(['later text']);
  });
  it('cuts a long quote at a word', () => {
    const long = 'woord '.repeat(200);
    const q = quoteOf(long);
    expect([...q].length).toBeLessThanOrEqual(QUOTE_MAX_LENGTH + 1);
    expect(q.endsWith('woord…')).toBe(true);
  });
});
