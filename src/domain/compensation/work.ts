/**
 * Hours without typing them (#17 item 2): a month's work lines derived from what happened. The
 * server finds the events (sessions a coach led that were held, trainings and intervisions they
 * attended, one-on-ones held, approved extra work); this turns them into work lines at the
 * intake's standard lengths plus preparation, each with a source key so nothing counts twice.
 */
import type { WorkKind } from './allowance';
import type { CompensationSettings } from './scheme';

export type SessionType = 'community' | 'oneOnOne' | 'coachTraining' | 'intervision' | 'classWide';

/** Something that happened: a session the coach led or attended, or extra work approved for them. */
export type WorkEvent =
  | { type: SessionType; sessionId: string; date: string; led: boolean }
  | { type: 'extra'; extraWorkId: string; date: string; minutes: number };

export type WorkLine = { source: string; date: string; kind: WorkKind; minutes: number };

// A class-wide session (#21 item 3) is a session the coach leads, at the community session's standard length.
const KIND: Record<SessionType, WorkKind> = { community: 'session', classWide: 'session', oneOnOne: 'oneOnOne', coachTraining: 'training', intervision: 'intervision' };

function standard(settings: CompensationSettings, type: SessionType): number {
  const s = settings.standardMinutes;
  if (type === 'community' || type === 'classWide') return s.communitySession;
  if (type === 'oneOnOne') return s.oneOnOne;
  if (type === 'coachTraining') return s.training;
  return s.intervision;
}

/**
 * The work lines of a set of events, in date order: one line per session (the
 * same session seen twice — led and attended — counts once), a preparation line for each
 * community session and one-on-one the coach led, one line per extra work.
 */
export function workLines(events: readonly WorkEvent[], settings: CompensationSettings): WorkLine[] {
  const lines = new Map<string, WorkLine>();
  for (const event of events) {
    if (event.type === 'extra') {
      lines.set(`extra:${event.extraWorkId}`, { source: `extra:${event.extraWorkId}`, date: event.date, kind: 'other', minutes: event.minutes });
      continue;
    }
    const source = `session:${event.sessionId}`;
    if (!lines.has(source)) lines.set(source, { source, date: event.date, kind: KIND[event.type], minutes: standard(settings, event.type) });
    const prepares = event.led && (event.type === 'community' || event.type === 'classWide' || event.type === 'oneOnOne') && settings.preparationMinutesPerSession > 0;
    if (prepares) lines.set(`preparation:${event.sessionId}`, { source: `preparation:${event.sessionId}`, date: event.date, kind: 'preparation', minutes: settings.preparationMinutesPerSession });
  }
  // Date order; on one day by what it came from, a session's preparation right after the session.
  const key = (l: WorkLine) => `${l.date}|${l.source.slice(l.source.indexOf(':') + 1)}|${l.kind === 'preparation' ? 1 : 0}`;
  return [...lines.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
