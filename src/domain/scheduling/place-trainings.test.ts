import { describe, expect, it } from 'vitest';
import type { SchedulingInstance } from './instance.js';
import { placeTrainings } from './place-trainings.js';
import { DEFAULT_GRID } from './product-instance.js';

const instance: SchedulingInstance = {
  name: 'coaches',
  ...DEFAULT_GRID,
  days: ['mon', 'tue'],
  locations: [{ id: 'AMS', rooms: 2 }, { id: 'DIE', rooms: 2 }],
  people: [
    { id: 'k1', busy: [{ day: 'tue', start: '09:00', end: '12:30', location: 'AMS' }] },
    { id: 'k2', busy: [{ day: 'tue', start: '10:45', end: '12:15', location: 'AMS' }] },
    { id: 'k3', busy: [{ day: 'mon', start: '13:00', end: '17:00', location: 'DIE' }] },
    { id: 'k4', busy: [] },
  ],
  communities: [{ id: 'c4', coach: 'k4', members: [] }],
};

describe('placeTrainings', () => {
  it('picks the slot where most coaches are on campus anyway, and says who travels', () => {
    const [plan] = placeTrainings({ instance, trainings: [{ id: 'training-oct', coaches: ['k1', 'k2', 'k3'], durationMinutes: 120 }] });
    expect(plan?.best).toMatchObject({ day: 'tue', start: '12:30', location: 'AMS', attendWithoutTrip: ['k1', 'k2'], attendWithTrip: ['k3'] });
    expect(plan?.alternatives).toHaveLength(2);
  });

  it('avoids late evenings by the configured penalty', () => {
    const late = { ...instance, people: [{ id: 'k1', busy: [{ day: 'mon', start: '17:00', end: '18:30', location: 'AMS' }] }] };
    const strict = placeTrainings({ instance: late, trainings: [{ id: 't', coaches: ['k1'], durationMinutes: 90 }], latePenaltyPerMinute: 10 });
    // After the class it would end at 20:00 (penalty 1200): so before the class, within the margin.
    expect(strict[0]?.best).toMatchObject({ day: 'mon', cost: 0 });
    expect(['15:00', '15:30']).toContain(strict[0]?.best.start);
    const lenient = placeTrainings({ instance: late, trainings: [{ id: 't', coaches: ['k1'], durationMinutes: 90 }], lateEndAfter: '21:00' });
    expect(lenient[0]?.best.cost).toBe(0);
  });

  it('a coach’s own community session counts as busy and as being on campus', () => {
    const [plan] = placeTrainings({
      instance,
      trainings: [{ id: 'intervision', coaches: ['k4'], durationMinutes: 60, days: ['mon'] }],
      communitySessions: [{ community: 'c4', day: 'mon', start: '14:00', location: 'DIE' }],
    });
    expect(plan?.best).toMatchObject({ location: 'DIE', attendWithoutTrip: ['k4'], cost: 0 });
    expect(['12:30', '13:00', '15:30', '16:00']).toContain(plan?.best.start);
  });
});
