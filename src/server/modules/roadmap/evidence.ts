/**
 * Evidence from the programme itself (issue 22 item 4): the figures peerkracht has for a factor,
 * shown next to its self-assessment. Which figure belongs to which factor is content (`evidence`
 * in the roadmap content); this file holds one provider per figure key. Every figure that
 * describes fewer than five people is suppressed. Figures of other contexts come through their faces.
 */
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { RoadmapFigureKey } from '../../../contracts/content/roadmap';
import type { Figure } from '../../../contracts/roadmap';
import { coachingYearDays, MIN_GROUP } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { and, eq } from 'drizzle-orm';
import { intakes } from '../../db/schema';
import { evaluationResults } from '../evaluation/public';
import { getPaidOnTime } from '../finance/public';
import { hundredDayOutcomes } from '../year/public';
import { peerCoachingReach } from '../sessions/public';
import { counsellorReferrals } from '../support/public';

export type FigureScope = { institutionId: string; programmeId: string | null; year: number };
type Provider = (services: Services, scope: FigureScope) => Promise<Figure>;

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/** A figure over `people` people: suppressed under five, no data at zero. */
function figure(key: RoadmapFigureKey, unit: Figure['unit'], people: number, value: number): Figure {
  if (people === 0) return { key, unit, value: null, people: 0, state: 'noData' };
  if (people < MIN_GROUP) return { key, unit, value: null, people: null, state: 'suppressed' };
  return { key, unit, value, people, state: 'shown' };
}

function windowOf(year: number) {
  const days = coachingYearDays(year);
  return { ...days, fromDate: new Date(`${days.from}T00:00:00Z`), toDate: new Date(`${year + 1}-09-01T00:00:00Z`) };
}

/** The evaluation question the belonging figure reads: "Ik voel me thuis bij mijn opleiding." */
const BELONGING_QUESTION = 'eval-coachee-home-programme';

/** The providers by figure key. */
export const FIGURE_PROVIDERS: Record<RoadmapFigureKey, Provider> = {
  async peerCoachingReach(services, scope) {
    if (scope.programmeId === null) return figure('peerCoachingReach', 'percent', 0, 0);
    const w = windowOf(scope.year);
    const r = await peerCoachingReach(services.db, { programmeId: scope.programmeId, from: w.fromDate, to: w.toDate });
    return figure('peerCoachingReach', 'percent', r.coachees, r.coachees === 0 ? 0 : percent(r.reached, r.coachees));
  },
  async peerCoachingAttendance(services, scope) {
    if (scope.programmeId === null) return figure('peerCoachingAttendance', 'percent', 0, 0);
    const w = windowOf(scope.year);
    const r = await peerCoachingReach(services.db, { programmeId: scope.programmeId, from: w.fromDate, to: w.toDate });
    return figure('peerCoachingAttendance', 'percent', r.markedPeople, r.marks === 0 ? 0 : percent(r.present, r.marks));
  },
  async referralsToCounsellors(services, scope) {
    if (scope.programmeId === null) return figure('referralsToCounsellors', 'count', 0, 0);
    const w = windowOf(scope.year);
    const r = await counsellorReferrals(services.db, { programmeId: scope.programmeId, from: w.from, to: w.to });
    return figure('referralsToCounsellors', 'count', r.coachees, r.coachees);
  },
  async coachPayOnTime(services, scope) {
    const w = windowOf(scope.year);
    const today = zonedParts(services.now()).date;
    const paid = await getPaidOnTime(services.db, { institutionId: scope.institutionId, ...(scope.programmeId ? { programmeId: scope.programmeId } : {}) }, today);
    const months = paid.months.filter((m) => m.period >= w.from.slice(0, 7) && m.period <= w.to.slice(0, 7));
    const due = months.reduce((n, m) => n + m.due, 0);
    const onTime = months.reduce((n, m) => n + m.onTime, 0);
    return figure('coachPayOnTime', 'percent', due, due === 0 ? 0 : percent(onTime, due));
  },
  /** Share of coachees who agree they feel at home in their programme, at the latest moment of the year that asked it. */
  async belongingEvaluation(services, scope) {
    if (scope.programmeId === null) return figure('belongingEvaluation', 'percent', 0, 0);
    const w = windowOf(scope.year);
    const results = await evaluationResults(services.db, { programmeId: scope.programmeId, from: w.from, to: w.to });
    for (const moment of ['T2', 'T1', 'T0'] as const) {
      const q = results.moments.find((m) => m.moment === moment)?.questions.find((x) => x.questionSet === 'coachee' && x.questionKey === BELONGING_QUESTION);
      if (!q) continue;
      const agreeing = q.scale ? q.distribution.filter((d) => Number(d.value) > (q.scale!.min + q.scale!.max) / 2) : [];
      if (q.suppressed || q.n === null || !q.scale || agreeing.some((d) => d.count === null)) return { key: 'belongingEvaluation', unit: 'percent', value: null, people: null, state: 'suppressed' };
      const agree = agreeing.reduce((n, d) => n + (d.count ?? 0), 0);
      return figure('belongingEvaluation', 'percent', q.n, q.n === 0 ? 0 : percent(agree, q.n));
    }
    return figure('belongingEvaluation', 'percent', 0, 0);
  },
  /** Share of the coachees who answered the 100-day question and go on (as they were, one-on-ones only, or less often). */
  async hundredDayMoment(services, scope) {
    if (scope.programmeId === null) return figure('hundredDayMoment', 'percent', 0, 0);
    const ofYear = await services.db
      .select({ id: intakes.id })
      .from(intakes)
      .where(and(eq(intakes.programmeId, scope.programmeId), eq(intakes.academicYear, `${scope.year}-${scope.year + 1}`)));
    let goOn = 0;
    let answered = 0;
    for (const intake of ofYear) {
      const c = await hundredDayOutcomes(services.db, { programmeId: scope.programmeId, intakeId: intake.id });
      goOn += c.continue + c.oneOnOnesOnly + c.lessOften;
      answered += c.continue + c.oneOnOnesOnly + c.lessOften + c.stop;
    }
    return figure('hundredDayMoment', 'percent', answered, answered === 0 ? 0 : percent(goOn, answered));
  },
};

/** The figures of these keys for the scope, in the order given, each computed once. */
export async function figuresFor(services: Services, scope: FigureScope, keys: readonly RoadmapFigureKey[]): Promise<Map<RoadmapFigureKey, Figure>> {
  const unique = [...new Set(keys)];
  const values = await Promise.all(unique.map((k) => FIGURE_PROVIDERS[k](services, scope)));
  return new Map(unique.map((k, i) => [k, values[i]!]));
}
