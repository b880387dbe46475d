/**
 * The programme dashboard (issue 18 item 2): the figures of a programme (optionally one intake) in
 * a period, each section with its chart (SVG, rendered here) and a table with the same numbers.
 * Every figure about people passes the domain's suppression (`suppress`, `suppressRow`): a cell
 * about fewer than five people is null here, so the API, the CSV and the PDF all leave it out. An
 * evaluation question nobody was asked at a moment is the words "not asked" instead (never "<5").
 *
 * The computed dashboard is kept per filter for 30 seconds (`computedAt` says when it was made):
 * twenty people opening the same programme's figures cost one computation.
 */
import type { DashboardResponse, InsightSection, InsightTable } from '../../../contracts/insight';
import { MIN_CELL, suppress, suppressedShare, suppressRow } from '../../../domain/insight/suppression';
import { changeCells, momentMean, NO_ANSWERS, NOT_ASKED, type CellWord } from '../../../domain/insight/evaluation-cells';
import { MISSED_IN_A_ROW_SIGNAL, trendOf } from '../../../domain/sessions/attendance';
import { translate, type Locale } from '../../../i18n/translate';
import { getPaidOnTime } from '../finance/public';
import { programmeCompensationTotals, type ProgrammeCompensationMonth } from '../compensation/public';
import type { Db } from '../../db/client';
import { barChart, heatMap, lineChart, meansChart } from './charts';
import { evaluationResults, type EvaluationQuestionResult } from './evaluation-source';
import * as repo from './repository';
import { intakeParticipationOf } from '../participation/public';
import { intakes as intakesTable } from '../../db/schema';
import { and, asc, eq } from 'drizzle-orm';

/** Everything counted for one filter, before suppression. */
export type Figures = {
  reach: repo.ReachRow;
  sessions: repo.SessionMonthRow[];
  cells: repo.AttendanceCellRow[];
  weeks: repo.AttendanceWeekRow[];
  threeMissed: repo.ThreeMissedRow[];
  continuity: repo.ContinuityRow;
  dropout: repo.CoachDropoutRow;
  support: repo.SupportRow;
  evaluation: EvaluationQuestionResult[];
  compensation: ProgrammeCompensationMonth[];
  paidOnTime: { period: string; due: number; onTime: number }[];
  /** Per intake in scope (#21 item 1): its participation mode and, for opt-in, who signed up. */
  participation: { intakeId: string; academicYear: string; month: string; mode: string; students: number; signedUp: number }[];
};

export async function countFigures(db: Db, institutionId: string, scope: repo.Scope, period: { fromDate: string; toDate: string; today: string }): Promise<Figures> {
  const fromMonth = period.fromDate.slice(0, 7);
  const toMonthExclusive = nextMonth(period.toDate.slice(0, 7));
  const [reach, sessions, cells, weeks, threeMissed, continuity, dropout, support, evaluation, compensation, onTime] = await Promise.all([
    repo.reach(db, scope),
    repo.sessionsPerMonth(db, scope),
    repo.attendanceByCommunityWeek(db, scope),
    repo.attendanceByWeek(db, scope),
    repo.threeMissed(db, scope, MISSED_IN_A_ROW_SIGNAL),
    repo.continuity(db, scope),
    repo.coachDropout(db, scope),
    repo.support(db, scope),
    evaluationResults(db, { programmeId: scope.programmeId, ...(scope.intakeId ? { intakeId: scope.intakeId } : {}), from: scope.from, to: scope.to }),
    programmeCompensationTotals(db, { programmeId: scope.programmeId, ...(scope.intakeId ? { intakeId: scope.intakeId } : {}), fromMonth, toMonth: toMonthExclusive }),
    getPaidOnTime(db, { institutionId, programmeId: scope.programmeId }, period.today),
  ]);
  const inScope = await db
    .select({ id: intakesTable.id, academicYear: intakesTable.academicYear, month: intakesTable.month })
    .from(intakesTable)
    .where(and(eq(intakesTable.programmeId, scope.programmeId), scope.intakeId ? eq(intakesTable.id, scope.intakeId) : undefined))
    .orderBy(asc(intakesTable.academicYear), asc(intakesTable.month));
  const participation = [];
  // The intakes whose academic year overlaps the period (or the one intake filtered on).
  for (const i of inScope.filter((x) => `${x.academicYear.slice(0, 4)}-09-01` <= period.toDate && `${x.academicYear.slice(5, 9)}-08-31` >= period.fromDate)) {
    const p = await intakeParticipationOf(db, i.id, scope.now);
    participation.push({ intakeId: i.id, academicYear: i.academicYear, month: i.month, mode: p.mode, students: p.students, signedUp: p.signedUp });
  }
  const paidOnTime = onTime.months.filter((m) => m.period >= fromMonth && m.period < toMonthExclusive).map((m) => ({ period: m.period, due: m.due, onTime: m.onTime }));
  return { reach, sessions, cells, weeks, threeMissed, continuity, dropout, support, evaluation, compensation, paidOnTime, participation };
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Percent 0–100 with one decimal, for charts. */
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** The heat map draws at most this many communities (those with the lowest attendance); the table lists all. */
export const HEATMAP_ROWS = 40;

/** The key figures (suppressed) that the impact report compares year on year. */
export type KeyFigures = Record<'students' | 'coaches' | 'communities' | 'sessionsHeld' | 'attendance' | 'stillTakingPart' | 'coachDropout' | 'referrals' | 'hours', number | null>;

export function keyFigures(f: Figures): KeyFigures {
  const marks = f.weeks.reduce((a, w) => a + w.marks, 0);
  const attended = f.weeks.reduce((a, w) => a + w.attended, 0);
  const [still, gone] = suppressRow([f.continuity.stillTakingPart, f.continuity.originalMembers - f.continuity.stillTakingPart]);
  const [left, stayed] = suppressRow([f.dropout.left, f.dropout.coaches - f.dropout.left]);
  const coachesInMonths = Math.min(...f.compensation.map((m) => m.coaches), Number.POSITIVE_INFINITY);
  return {
    students: suppress(f.reach.students, f.reach.students),
    coaches: suppress(f.reach.coaches, f.reach.coaches),
    communities: f.reach.communities,
    sessionsHeld: f.sessions.reduce((a, m) => a + m.held, 0),
    attendance: marks === 0 ? null : suppress(attended / marks, f.reach.students),
    stillTakingPart: still === null || gone === null ? null : suppressedShare(f.continuity.stillTakingPart, f.continuity.originalMembers),
    coachDropout: left === null || stayed === null ? null : suppressedShare(f.dropout.left, f.dropout.coaches),
    referrals: suppress(f.support.referrals, f.support.referredPeople),
    hours: f.compensation.length === 0 ? null : suppress(Math.round(f.compensation.reduce((a, m) => a + m.minutes, 0) / 6) / 10, coachesInMonths),
  };
}

export function buildSections(f: Figures, locale: Locale, includesPeople: boolean): InsightSection[] {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `insight.${key}`, params);
  const section = (id: InsightSection['id'], summary: string, table: InsightTable, chartSvg: string | null = null): InsightSection => ({ id, title: t(`sections.${id}.title`), summary, chartSvg, table });
  const col = (key: string, kind: InsightTable['columns'][number]['kind']) => ({ label: t(`columns.${key}`), kind });
  const k = keyFigures(f);
  const out: InsightSection[] = [];
  // Where taking part is voluntary or by sign-up, attendance is of those who take part (#21 item 1).
  const ofThoseTakingPart = f.participation.some((p) => p.mode !== 'compulsory') ? ` ${t('sections.participation.attendanceOfThoseTakingPart')}` : '';

  // Reach.
  out.push(
    section('reach', t('sections.reach.summary', { count: f.reach.communities }), {
      columns: [col('figure', 'text'), col('count', 'count')],
      rows: [
        [t('figures.students'), k.students],
        [t('figures.coaches'), k.coaches],
        [t('figures.communities'), k.communities],
      ],
    }),
  );

  // Sessions planned vs held, per month (sessions are not people: nothing to suppress).
  const scheduled = f.sessions.reduce((a, m) => a + m.scheduled, 0);
  const held = f.sessions.reduce((a, m) => a + m.held, 0);
  const months = f.sessions.map((m) => m.month);
  out.push(
    section(
      'sessions',
      t('sections.sessions.summary', { held, scheduled }),
      { columns: [col('month', 'text'), col('scheduled', 'count'), col('cancelled', 'count'), col('held', 'count')], rows: f.sessions.map((m) => [m.month, m.scheduled, m.cancelled, m.held]) },
      months.length ? barChart({ label: t('sections.sessions.chart'), categories: months, series: [{ name: t('columns.scheduled'), values: f.sessions.map((m) => m.scheduled) }, { name: t('columns.held'), values: f.sessions.map((m) => m.held) }] }) : null,
    ),
  );

  // Attendance by community and week: a cell about fewer than five people marked is suppressed.
  const weeks = [...new Set(f.cells.map((c) => c.week))].sort();
  const byCommunity = new Map<string, { name: string; cells: Map<string, number | null>; marks: number; attended: number; people: number }>();
  for (const c of f.cells) {
    const row = byCommunity.get(c.communityId) ?? { name: c.communityName, cells: new Map(), marks: 0, attended: 0, people: 0 };
    row.cells.set(c.week, suppressedShare(c.attended, c.marks) === null ? null : suppress(c.attended / c.marks, c.people));
    row.marks += c.marks;
    row.attended += c.attended;
    row.people = Math.max(row.people, c.people);
    byCommunity.set(c.communityId, row);
  }
  const communitiesRows = [...byCommunity.values()];
  const overall = (r: (typeof communitiesRows)[number]) => suppress(r.attended / r.marks, r.people);
  const heatRows = [...communitiesRows].sort((a, b) => (overall(a) ?? 2) - (overall(b) ?? 2)).slice(0, HEATMAP_ROWS);
  out.push(
    section(
      'attendanceHeatmap',
      communitiesRows.length > HEATMAP_ROWS ? t('sections.attendanceHeatmap.summaryTop', { count: communitiesRows.length, shown: HEATMAP_ROWS }) : t('sections.attendanceHeatmap.summary', { count: communitiesRows.length }),
      { columns: [col('community', 'text'), ...weeks.map((w) => ({ label: w, kind: 'share' as const }))], rows: communitiesRows.map((r) => [r.name, ...weeks.map((w) => r.cells.get(w) ?? null)]) },
      weeks.length
        ? heatMap({
            label: t('sections.attendanceHeatmap.chart'),
            rows: heatRows.map((r) => r.name),
            columns: weeks.map((w) => w.slice(5)),
            cells: heatRows.flatMap((r, row) => weeks.map((w, column) => ({ row, column, value: pct(r.cells.get(w) ?? null) }))),
          })
        : null,
    ),
  );

  // The trend: attendance of all communities per week.
  const weekShares = f.weeks.map((w) => suppress(w.attended / w.marks, w.people));
  const trend = trendOf(weekShares.filter((s): s is number => s !== null));
  out.push(
    section(
      'attendanceTrend',
      t(`sections.attendanceTrend.summary.${trend}`, { share: k.attendance === null ? '–' : `${Math.round(k.attendance * 100)}%` }) + ofThoseTakingPart,
      { columns: [col('week', 'text'), col('attendance', 'share'), col('peopleMarked', 'count')], rows: f.weeks.map((w, i) => [w.week, weekShares[i] ?? null, suppress(w.people, w.people)]) },
      f.weeks.length ? lineChart({ label: t('sections.attendanceTrend.chart'), categories: f.weeks.map((w) => w.week.slice(5)), series: [{ name: t('columns.attendance'), values: weekShares.map(pct) }] }) : null,
    ),
  );

  // Three missed in a row: names for the coordinator; for everyone else a (suppressed) count.
  const missedCount = suppress(f.threeMissed.length, f.threeMissed.length);
  out.push(
    includesPeople
      ? section('threeMissed', t('sections.threeMissed.summaryPeople', { count: f.threeMissed.length }), {
          columns: [col('community', 'text'), col('student', 'text'), col('missedInARow', 'count')],
          rows: f.threeMissed.map((r) => [r.communityName, `${r.firstName} ${r.lastName}`, r.missed]),
        })
      : section('threeMissed', missedCount === null ? t('sections.threeMissed.summarySmall') : t('sections.threeMissed.summaryCount', { count: missedCount }), {
          columns: [col('figure', 'text'), col('count', 'count')],
          rows: [[t('figures.threeMissed'), missedCount]],
        }),
  );

  // Continuity: coach changes and the members placed at the start who still take part.
  const [still, gone] = suppressRow([f.continuity.stillTakingPart, f.continuity.originalMembers - f.continuity.stillTakingPart]);
  out.push(
    section('continuity', k.stillTakingPart === null ? t('sections.continuity.summarySmall') : t('sections.continuity.summary', { share: `${Math.round(k.stillTakingPart * 100)}%` }), {
      columns: [col('figure', 'text'), col('value', 'count')],
      rows: [
        [t('figures.coachChanges'), suppress(f.continuity.coachChanges, f.continuity.coachChanges)],
        [t('figures.originalMembers'), suppress(f.continuity.originalMembers, f.continuity.originalMembers)],
        [t('figures.stillTakingPart'), still ?? null],
        [t('figures.stopped'), gone ?? null],
      ],
    }),
  );

  // Coach dropout.
  const [left, stayed] = suppressRow([f.dropout.left, f.dropout.coaches - f.dropout.left]);
  out.push(
    section('coachDropout', k.coachDropout === null ? t('sections.coachDropout.summarySmall') : t('sections.coachDropout.summary', { share: `${Math.round(k.coachDropout * 100)}%` }), {
      columns: [col('figure', 'text'), col('count', 'count')],
      rows: [
        [t('figures.coachesInPeriod'), suppress(f.dropout.coaches, f.dropout.coaches)],
        [t('figures.coachesLeft'), left ?? null],
        [t('figures.coachesStayed'), stayed ?? null],
      ],
    }),
  );

  // Signals and referrals with their follow-ups.
  const s = f.support;
  const outcomes = suppressRow([s.helped, s.partly, s.notHelped, s.unknown, s.referrals - s.followUpsAnswered]);
  const outcomeLabels = [t('figures.helped'), t('figures.partly'), t('figures.notHelped'), t('figures.unknownOutcome'), t('figures.noAnswerYet')];
  out.push(
    section(
      'support',
      t('sections.support.summary', { open: suppress(s.signalsOpen, s.signalsOpen) ?? '<5', referrals: k.referrals ?? '<5' }),
      {
        columns: [col('figure', 'text'), col('count', 'count')],
        rows: [
          [t('figures.signalsRaised'), suppress(s.signalsRaised, s.signalsRaised)],
          [t('figures.signalsOpen'), suppress(s.signalsOpen, s.signalsOpen)],
          [t('figures.referrals'), k.referrals],
          ...outcomeLabels.map((label, i) => [label, outcomes[i] ?? null]),
        ],
      },
      outcomes.some((o) => o !== null && o > 0) ? barChart({ label: t('sections.support.chart'), categories: outcomeLabels, series: [{ name: t('figures.referrals'), values: outcomes }] }) : null,
    ),
  );

  // Evaluation results per question, with the T0→T2 change. A question nobody was asked at a moment
  // (outside the moment's audience, or a moment not held) says so, distinct from a hidden "<5"; so
  // does one asked that nobody answered yet.
  const notAsked = t('notAsked');
  const noAnswers = t('noAnswers');
  const word = <T,>(v: T | CellWord): T | string => (v === NOT_ASKED ? notAsked : v === NO_ANSWERS ? noAnswers : v);
  const at = (r: EvaluationQuestionResult, m: 'T0' | 'T1' | 'T2') => r.moments.find((y) => y.moment === m);
  const evalRows = f.evaluation.map((r) => ({ r, means: (['T0', 'T1', 'T2'] as const).map((m) => momentMean(at(r, m))), change: changeCells(at(r, 'T0'), at(r, 'T2'), r.change) }));
  const heldMoments = (['T0', 'T1', 'T2'] as const).filter((m) => f.evaluation.some((r) => at(r, m)));
  out.push(
    section(
      'evaluation',
      f.evaluation.length
        ? t('sections.evaluation.summary', { count: f.evaluation.length }) + (evalRows.some(({ means }) => means.includes(NOT_ASKED)) ? ` ${t('sections.evaluation.notAskedNote')}` : '')
        : t('sections.evaluation.none'),
      {
        columns: [col('question', 'text'), col('t0', 'mean'), col('t1', 'mean'), col('t2', 'mean'), col('change', 'mean'), col('pairs', 'count')],
        rows: evalRows.map(({ r, means, change }) => [r.question[locale], ...means.map(word), ...change.map(word)]),
      },
      heldMoments.length
        ? meansChart({
            label: t('sections.evaluation.chart'),
            questions: evalRows.map(({ r }) => r.question[locale]),
            series: heldMoments.map((m) => ({ name: t(`columns.${m.toLowerCase()}`), values: evalRows.map(({ means }) => means[Number(m[1])]!) })),
            max: Math.max(...evalRows.map(({ r }) => r.scaleMax)),
            suppressedText: t('suppressed'),
            notAskedText: notAsked,
            noAnswersText: noAnswers,
          })
        : null,
    ),
  );

  // Hours, cost and paid on time, per month: a month about fewer than five coaches is suppressed.
  const compMonths = [...new Set([...f.compensation.map((m) => m.month), ...f.paidOnTime.map((m) => m.period)])].sort();
  const compRows = compMonths.map((month) => {
    const c = f.compensation.find((m) => m.month === month);
    const p = f.paidOnTime.find((m) => m.period === month);
    return {
      month,
      hours: c ? suppress(Math.round(c.minutes / 6) / 10, c.coaches) : null,
      cents: c ? suppress(c.approvedCents, c.coaches) : null,
      coaches: c ? suppress(c.coaches, c.coaches) : null,
      onTime: p ? suppressedShare(p.onTime, p.due) : null,
    };
  });
  out.push(
    section(
      'compensation',
      compRows.length ? t('sections.compensation.summary', { hours: k.hours ?? '<5' }) : t('sections.compensation.none'),
      { columns: [col('month', 'text'), col('hours', 'hours'), col('cost', 'cents'), col('coachesPaid', 'count'), col('paidOnTime', 'share')], rows: compRows.map((r) => [r.month, r.hours, r.cents, r.coaches, r.onTime]) },
      compRows.length ? barChart({ label: t('sections.compensation.chart'), categories: compRows.map((r) => r.month), series: [{ name: t('columns.hours'), values: compRows.map((r) => r.hours) }] }) : null,
    ),
  );
  // Participation (#21 item 1): each intake's mode and, where students sign up, the sign-up rate (suppressed under five).
  out.push(
    section(
      'participation',
      f.participation.some((p) => p.mode === 'optIn') ? t('sections.participation.summaryOptIn') : t('sections.participation.summary'),
      {
        columns: [col('intake', 'text'), col('mode', 'text'), col('students', 'count'), col('signedUp', 'count'), col('signUpRate', 'share')],
        rows: f.participation.map((p) => {
          const signsUp = p.mode === 'optIn';
          const [yes, no] = suppressRow([p.signedUp, p.students - p.signedUp]);
          return [
            `${p.academicYear} ${t(`months.${p.month}`)}`,
            t(`modes.${p.mode}`),
            suppress(p.students, p.students),
            // Without sign-up there is no such figure: a dash, not the "fewer than five" of a suppressed cell.
            signsUp ? suppress(p.signedUp, p.signedUp) : '–',
            !signsUp ? '–' : yes !== null && no !== null && p.students > 0 ? p.signedUp / p.students : null,
          ];
        }),
      },
    ),
  );
  return out;
}

type Cached = { at: number; value: Promise<DashboardResponse> };
const caches = new WeakMap<Db, Map<string, Cached>>();
/** How long a computed dashboard is reused for the same filter. */
export const DASHBOARD_CACHE_MS = 30_000;

/**
 * The dashboard of a filter, computed or reused (at most `DASHBOARD_CACHE_MS` old). Requests that
 * arrive while it is being computed wait for that one computation; a failed one is not kept.
 */
export function cachedDashboard(db: Db, key: string, now: Date, compute: () => Promise<DashboardResponse>): Promise<DashboardResponse> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Cached>()));
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < DASHBOARD_CACHE_MS && now.getTime() >= hit.at) return hit.value;
  const value = compute();
  if (cache.size > 500) cache.clear();
  const entry = { at: now.getTime(), value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

export { MIN_CELL };
