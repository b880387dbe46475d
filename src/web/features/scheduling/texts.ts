/** Sentences shared by the run screens: a slot, and why a slot is not possible. */
import type { RunCommunity, RunResponse } from '../../../contracts/scheduling';
import { dayName } from './format';

export function slotText(slot: { day: string; start: string; locationId: string }, run: RunResponse, fallback?: string) {
  const place = run.locations.find((l) => l.id === slot.locationId)?.name ?? fallback ?? '—';
  return `${dayName(slot.day)} ${slot.start}, ${place}`;
}

export function blockerText(b: RunCommunity['blockers'][number], names: Map<string, string>, t: (key: string, params?: Record<string, unknown>) => string) {
  switch (b.kind) {
    case 'COACH_BUSY':
      return t('scheduling.blockers.coachBusy', { start: b.busy.start, end: b.busy.end });
    case 'COACH_DOUBLE_BOOKED':
      return t('scheduling.blockers.coachDoubleBooked', { name: names.get(b.community) ?? '—' });
    case 'ROOM_FULL':
      return t('scheduling.blockers.roomFull', { rooms: b.rooms, sessions: b.sessions });
    case 'OFF_GRID':
      return t('scheduling.blockers.offGrid');
  }
}

