import { describe, expect, it } from 'vitest';
import { coachMeetingGroups, monthlyDates, planCoachMeetings, type CoachWeek } from './plan-coach-meetings.js';

const period = { firstDate: '2026-09-01', lastDate: '2026-11-08', holidays: [{ name: 'Herfstvakantie', from: '2026-10-19', to: '2026-10-23' }] };
const week = (id: string, classes: CoachWeek['classes'], extra: Partial<CoachWeek> = {}): CoachWeek => ({ id, classes, availability: null, hasTimetable: true, sessions: [], ...extra });

describe('planCoachMeetings', () => {
  it('places the training where most coaches are on campus anyway, and says who cannot come and why', () => {
    const coaches = [
      week('k1', [{ day: 'tue', start: '09:00', end: '12:30', location: 'AMS' }]),
      week('k2', [{ day: 'tue', start: '10:45', end: '12:15', location: 'AMS' }]),
      week('k3', [{ day: 'tue', start: '12:30', end: '16:00', location: 'AMS' }]),
      week('k4', [], { hasTimetable: false }),
    ];
    const [training] = planCoachMeetings({ ...period, locations: ['AMS', 'DIE'], coaches, groups: [{ id: 't', kind: 'coachTraining', seniorId: null, coaches: ['k1', 'k2', 'k3', 'k4'] }] });
    // k3's class fills 12:30–16:00 on Tuesday: at 16:00 k3 is adjacent and k1 and k2 wait
    // (180 and 195 minutes beyond the margin) — cheaper than k3 missing it (1000) or travelling in (240).
    expect(training?.slot).toEqual({ day: 'tue', start: '16:00', end: '18:00', location: 'AMS' });
    expect(training?.attendance).toEqual([
      { coach: 'k1', kind: 'waiting', waitingMinutes: 180 },
      { coach: 'k2', kind: 'waiting', waitingMinutes: 195 },
      { coach: 'k3', kind: 'adjacent' },
      { coach: 'k4', kind: 'trip', noTimetable: true },
    ]);
    expect(training?.lateEvening).toBe(false);
    expect(training?.dates).toEqual(['2026-09-01', '2026-10-06']);
  });

  it('avoids a late evening when one coach travelling in is the price, not when two coaches would miss it', () => {
    const evening = (id: string) => week(id, [{ day: 'mon', start: '16:30', end: '18:00', location: 'AMS' }]);
    const [a] = planCoachMeetings({ ...period, locations: ['AMS'], coaches: [evening('k1'), evening('k2')], groups: [{ id: 'i', kind: 'intervision', seniorId: null, coaches: ['k1', 'k2'] }] });
    // Before the class (within the margin) is as adjacent as after it (18:00), and not late.
    expect(a?.slot).toMatchObject({ day: 'mon', start: '14:30', end: '16:00' });
    expect(a?.lateEvening).toBe(false);

    const onlyEvening = (id: string) =>
      week(id, [{ day: 'mon', start: '16:30', end: '18:00', location: 'AMS' }], { availability: [{ day: 'mon', start: '16:00', end: '21:00' }] });
    const [b] = planCoachMeetings({ ...period, locations: ['AMS'], coaches: [onlyEvening('k1'), onlyEvening('k2')], groups: [{ id: 'i', kind: 'intervision', seniorId: null, coaches: ['k1', 'k2'] }] });
    expect(b?.slot).toMatchObject({ day: 'mon', start: '18:00' });
    expect(b?.lateEvening).toBe(true);
    expect(b?.attendance.every((x) => x.kind === 'adjacent')).toBe(true);
  });

  it('names the reasons a coach cannot come: class, availability, own session', () => {
    const coaches = [
      week('k1', [{ day: 'mon', start: '09:00', end: '17:00', location: 'AMS' }], { availability: [{ day: 'mon', start: '08:30', end: '21:00' }] }),
      week('k2', [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS' }], { availability: [{ day: 'tue', start: '09:00', end: '12:00' }] }),
      week('k3', [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS' }], { sessions: [{ day: 'mon', start: '10:30', end: '12:00', location: 'AMS' }] }),
    ];
    const [training] = planCoachMeetings({
      ...period,
      locations: ['AMS'],
      coaches,
      rules: { days: ['mon'] },
      groups: [{ id: 't', kind: 'coachTraining', seniorId: null, coaches: ['k1', 'k2', 'k3'] }],
    });
    expect(training?.slot?.start).toBe('17:00');
    expect(training?.attendance.map((a) => (a.kind === 'cannot' ? a.reason : a.kind))).toEqual(['adjacent', 'NOT_AVAILABLE', 'waiting']);
    const morning = planCoachMeetings({ ...period, locations: ['AMS'], coaches, rules: { days: ['mon'], dayStart: '10:30', dayEnd: '12:30' }, groups: [{ id: 't', kind: 'coachTraining', seniorId: null, coaches: ['k1', 'k2', 'k3'] }] })[0];
    expect(morning?.attendance.map((a) => (a.kind === 'cannot' ? a.reason : a.kind))).toEqual(['CLASS', 'NOT_AVAILABLE', 'OWN_SESSION']);
  });

  it('training and intervision may share a weekly slot but never a date; the result is deterministic', () => {
    const coaches = [week('k1', [{ day: 'wed', start: '09:00', end: '12:00', location: 'AMS' }]), week('k2', [{ day: 'wed', start: '09:00', end: '12:00', location: 'AMS' }])];
    const groups = coachMeetingGroups(['k2', 'k1'], new Map([['k1', 's1'], ['k2', 's1']]));
    expect(groups.map((g) => g.id)).toEqual(['coachTraining', 'intervision:s1']);
    const input = { ...period, locations: ['AMS', 'DIE'], coaches, groups: [...groups].reverse() };
    const plans = planCoachMeetings(input);
    expect(plans.map((p) => p.group)).toEqual(['intervision:s1', 'coachTraining']);
    const [intervision, training] = plans;
    expect(training?.slot).toEqual({ day: 'wed', start: '12:00', end: '14:00', location: 'AMS' });
    expect(intervision?.slot).toEqual({ day: 'wed', start: '12:00', end: '13:30', location: 'AMS' });
    expect(intervision?.attendance.map((a) => a.kind)).toEqual(['adjacent', 'adjacent']);
    expect(training?.dates).toEqual(['2026-09-02', '2026-10-07']);
    expect(intervision?.dates).toEqual(['2026-09-16', '2026-10-28']);
    expect(planCoachMeetings(input)).toEqual(plans);
    // A month with one usable Wednesday: the intervision gives way to the training that day.
    const short = { ...input, firstDate: '2026-09-01', lastDate: '2026-09-20', holidays: [{ name: 'x', from: '2026-09-07', to: '2026-09-20' }] };
    const [i2, t2] = planCoachMeetings(short);
    expect(t2?.dates).toEqual(['2026-09-02']);
    expect(i2?.dates).toEqual([]);
  });

  it('goes where a room seats the group, when any location has one', () => {
    const coaches = [week('k1', [{ day: 'mon', start: '09:00', end: '11:00', location: 'AMS' }]), week('k2', [{ day: 'mon', start: '09:00', end: '11:00', location: 'AMS' }])];
    const groups = [{ id: 'i', kind: 'intervision' as const, seniorId: 's', coaches: ['k1', 'k2'] }];
    expect(planCoachMeetings({ ...period, locations: ['AMS', 'DIE'], coaches, groups })[0]?.slot?.location).toBe('AMS');
    // AMS's rooms seat 2, the group with its senior coach is 3: Diemen, though nobody is there.
    const [p] = planCoachMeetings({ ...period, locations: ['AMS', 'DIE'], largestRoom: { AMS: 2, DIE: 12 }, coaches, groups });
    expect(p?.slot?.location).toBe('DIE');
    expect(p?.attendance.map((a) => a.kind)).toEqual(['trip', 'trip']);
    // No location seats them: the rooms do not decide.
    expect(planCoachMeetings({ ...period, locations: ['AMS', 'DIE'], largestRoom: { AMS: 2, DIE: 2 }, coaches, groups })[0]?.slot?.location).toBe('AMS');
  });

  it('without coaches there is nothing to place', () => {
    expect(coachMeetingGroups([], new Map())).toEqual([]);
    const [p] = planCoachMeetings({ ...period, locations: ['AMS'], coaches: [], groups: [{ id: 'i', kind: 'intervision', seniorId: null, coaches: [] }] });
    expect(p).toMatchObject({ slot: null, dates: [] });
  });
});

describe('monthlyDates', () => {
  it('one date a month; a month belongs to the period holding its 15th; holidays skipped', () => {
    // Tuesdays in the period: Sep 1, 8, 15, 22, 29; Oct 6, 13, (20 holiday), 27; Nov 3 (Nov 15 is outside).
    expect(monthlyDates(period, 'tue', 'coachTraining')).toEqual(['2026-09-01', '2026-10-06']);
    expect(monthlyDates(period, 'tue', 'intervision')).toEqual(['2026-09-15', '2026-10-27']);
    expect(monthlyDates({ ...period, firstDate: '2026-11-09', lastDate: '2027-01-31' }, 'mon', 'intervision')).toEqual(['2026-11-23', '2026-12-21', '2027-01-18']);
    expect(monthlyDates(period, 'sun', 'coachTraining').length).toBe(2);
    expect(monthlyDates(period, 'xyz', 'coachTraining')).toEqual([]);
  });
});
