/**
 * Proposed times for a round of one-on-ones (#21 item 3): reads the week's timetables (the
 * coachees' and the coach's lessons), the coach's stated availability and everyone's planned
 * sessions, and asks the pure proposer for a time per coachee. Stores nothing: the coach changes
 * what they like and plans the round with the round endpoint.
 */
import type { RoundProposalResponse } from '../../../contracts/caseloads';
import { intakeYearDates, proposeRoundTimes, type BusyInterval, type Interval, type RoundInput } from '../../../domain/sessions/round-proposals';
import { addDays, weekdayOf, zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { availabilityOfCoach, intakeOf, membersOf, periodsBetween, plannedSessionsOf, timetableBlocksOf } from './repository';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** One-on-ones are proposed within school hours. */
const DAY_START = 8 * 60 + 30;
const DAY_END = 18 * 60;

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const invalid = (message: string) => new AppError('validation_failed', message, {}, [{ path: 'week', message }]);

type Options = { services: Services; community: CommunityResource; query: { week: string; durationMinutes: number; breakMinutes: number } };

export async function proposeRound({ services, community, query }: Options): Promise<RoundProposalResponse> {
  const { db } = services;
  const coachId = community.coachId;
  if (community.communityKind !== 'caseload' || !coachId) throw invalid('round_caseload_only');
  const intake = await intakeOf(db, community.intakeId);
  if (!intake) throw new AppError('not_found', 'intake gone');
  const monday = addDays(query.week, 1 - weekdayOf(query.week));
  const friday = addDays(monday, 4);
  const year = intakeYearDates(intake.academicYear, intake.month);
  if (friday < year.from || monday > year.to) throw invalid('round_week_outside_year');
  const now = zonedParts(services.now());
  const nowMinutes = now.hour * 60 + now.minute;
  const dates = WEEKDAYS.map((_, i) => addDays(monday, i)).filter((d) => d >= year.from && d <= year.to && d >= now.date);
  if (dates.length === 0) throw invalid('round_in_past');

  const members = await membersOf(db, [community.id]);
  const ids = members.map((m) => m.id);
  const weekFrom = zonedToInstant(monday, '00:00');
  const weekTo = zonedToInstant(addDays(monday, 7), '00:00');
  const periods = await periodsBetween(db, community.intakeId, monday, friday);
  const periodIds = periods.map((p) => p.id);
  const [blocks, availability, planned] = await Promise.all([
    timetableBlocksOf(db, community.intakeId, periodIds, [...ids, coachId]),
    availabilityOfCoach(db, periodIds, coachId),
    plannedSessionsOf(db, [...ids, coachId], weekFrom, weekTo),
  ]);
  const already = new Map(planned.filter((s) => s.type === 'oneOnOne' && s.communityId === community.id && s.organiserId === coachId && s.coacheeId).map((s) => [s.coacheeId!, s.startsAt]));

  const periodsOn = (date: string) => new Set(periods.filter((p) => p.firstDate <= date && date <= p.lastDate).map((p) => p.id));
  const weekdayKey = (date: string) => WEEKDAYS[weekdayOf(date) - 1]!;
  const lessonsOf = (personId: string) => {
    const out: Record<string, BusyInterval[]> = {};
    for (const date of dates) {
      const open = periodsOn(date);
      out[date] = blocks
        .filter((b) => b.personId === personId && open.has(b.periodId))
        .flatMap((b) => b.blocks.filter((x) => x.day === weekdayKey(date)).map((x) => ({ start: minutesOf(x.start), end: minutesOf(x.end), campus: x.location !== null })));
    }
    return out;
  };
  const withSessions = (personId: string, busy: Record<string, BusyInterval[]>) => {
    for (const s of planned.filter((p) => p.people.includes(personId))) {
      const start = zonedParts(s.startsAt);
      const end = zonedParts(s.endsAt);
      busy[start.date]?.push({ start: start.hour * 60 + start.minute, end: end.date === start.date ? end.hour * 60 + end.minute : 24 * 60, campus: false });
    }
    return busy;
  };
  const windows = availability.flatMap((a) => a.windows.map((w) => ({ ...w, periodId: a.periodId })));
  const coachAvailability: Record<string, Interval[]> | null =
    windows.length === 0 ? null : Object.fromEntries(dates.map((date) => [date, windows.filter((w) => periodsOn(date).has(w.periodId) && w.day === weekdayKey(date)).map((w) => ({ start: minutesOf(w.start), end: minutesOf(w.end) }))]));
  const todo = members.filter((m) => !already.has(m.id));
  const input: RoundInput = {
    days: dates.map((date) => ({ date, earliest: date === now.date ? nowMinutes + 1 : 0 })),
    dayStart: DAY_START,
    dayEnd: DAY_END,
    durationMinutes: query.durationMinutes,
    breakMinutes: query.breakMinutes,
    coach: { busy: withSessions(coachId, lessonsOf(coachId)), availability: coachAvailability },
    coachees: todo.map((m) => ({ id: m.id, busy: withSessions(m.id, lessonsOf(m.id)), hasTimetable: blocks.some((b) => b.personId === m.id) })),
  };
  const proposals = new Map(proposeRoundTimes(input).map((p) => [p.coacheeId, p]));
  return {
    from: monday,
    to: friday,
    durationMinutes: query.durationMinutes,
    breakMinutes: query.breakMinutes,
    proposals: members.map((m) => {
      const coachee = { id: m.id, firstName: m.firstName, lastName: m.lastName };
      const at = already.get(m.id);
      if (at) return { coachee, proposal: { kind: 'alreadyPlanned' as const, startsAt: at.toISOString() } };
      const p = proposals.get(m.id)!;
      return { coachee, proposal: p.kind === 'none' ? { kind: 'none' as const } : { kind: 'slot' as const, date: p.date, startTime: p.startTime, mode: p.mode, reason: p.reason } };
    }),
  };
}
