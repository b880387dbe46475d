/**
 * Evidence from the programme itself (issue 22 item 4): the figures peerkracht has for a factor,
 * shown next to its self-assessment. Which figure belongs to which factor is content (`evidence`
 * in the roadmap content); this file holds one provider per figure key. Every figure that
 * describes fewer than five people is suppressed. Figures of other contexts come through their faces.
 */
import type { RoadmapFigureKey } from '../../../contracts/content/roadmap';
import type { Figure } from '../../../contracts/roadmap';
import { coachingYearDays, MIN_GROUP } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { getPaidOnTime } from '../finance/public';
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

const notYet = (key: RoadmapFigureKey): Provider => async () => ({ key, unit: 'percent', value: null, people: null, state: 'notYetAvailable' });

function windowOf(year: number) {
  const days = coachingYearDays(year);
  return { ...days, fromDate: new Date(`${days.from}T00:00:00Z`), toDate: new Date(`${year + 1}-09-01T00:00:00Z`) };
}

/**
 * The providers by figure key. `belongingEvaluation` (evaluation questionnaires) and
 * `hundredDayMoment` (the 100-day moment) come from contexts built in the same wave; until
 * their faces are wired here they answer `notYetAvailable`.
 */
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
    const today = services.now().toISOString().slice(0, 10);
    const paid = await getPaidOnTime(services.db, { institutionId: scope.institutionId, ...(scope.programmeId ? { programmeId: scope.programmeId } : {}) }, today);
    const months = paid.months.filter((m) => m.period >= w.from.slice(0, 7) && m.period <= w.to.slice(0, 7));
    const due = months.reduce((n, m) => n + m.due, 0);
    const onTime = months.reduce((n, m) => n + m.onTime, 0);
    return figure('coachPayOnTime', 'percent', due, due === 0 ? 0 : percent(onTime, due));
  },
  belongingEvaluation: notYet('belongingEvaluation'),
  hundredDayMoment: notYet('hundredDayMoment'),
};

/** The figures of these keys for the scope, in the order given, each computed once. */
export async function figuresFor(services: Services, scope: FigureScope, keys: readonly RoadmapFigureKey[]): Promise<Map<RoadmapFigureKey, Figure>> {
  const unique = [...new Set(keys)];
  const values = await Promise.all(unique.map((k) => FIGURE_PROVIDERS[k](services, scope)));
  return new Map(unique.map((k, i) => [k, values[i]!]));
}
