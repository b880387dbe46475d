/**
 * Mails about sessions: moved, cancelled, reminders. They name the session's kind, date, time and
 * community — never coaching content, and never other people's names.
 */
import type { SessionType } from '../../../domain/sessions/session-types';
import type { SessionMode } from '../../../domain/sessions/session-mode';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { peopleNames, type SessionRow } from './repository';

export function whenText(locale: Locale, startsAt: Date): string {
  const p = zonedParts(startsAt);
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(startsAt);
  return `${date}, ${p.time}`;
}

export function sessionLabel(locale: Locale, row: Pick<SessionRow, 'type' | 'title'>, communityName: string | null): string {
  const kind = translate(locale, `sessions.types.${row.type as SessionType}`);
  const name = row.title || communityName || '';
  return name ? `${kind} · ${name}` : kind;
}

/**
 * Where a session is, in words: the room, or for an online or hybrid session its meeting link.
 * Mails about a session go only to the people invited (and the organiser), who may see the link.
 */
export function whereText(locale: Locale, row: Pick<SessionRow, 'location' | 'mode' | 'meetingLink'>): string {
  const mode = row.mode as SessionMode;
  if (mode === 'onCampus') return row.location || '—';
  if (!row.meetingLink) return mode === 'online' ? translate(locale, 'formats.mode.whereOnlineNoLink') : row.location || '—';
  if (mode === 'online') return translate(locale, 'formats.mode.whereOnline', { link: row.meetingLink });
  return translate(locale, 'formats.mode.whereHybrid', { location: row.location || '—', link: row.meetingLink });
}

/** Sends one mail per person in their own language. `extra` adds a per-person line (a link). */
export async function mailPeople(options: {
  services: Services;
  db: Db;
  institutionId: string;
  personIds: readonly string[];
  key: 'moved' | 'seriesMoved' | 'cancelled' | 'reminder' | 'logbookReminder';
  row: Pick<SessionRow, 'type' | 'title' | 'startsAt' | 'location' | 'mode' | 'meetingLink'>;
  communityName: string | null;
  previousStartsAt?: Date;
  extra?: (personId: string) => Promise<Record<string, string>>;
}): Promise<void> {
  const names = await peopleNames(options.db, [...options.personIds]);
  for (const id of options.personIds) {
    const person = names.get(id);
    if (!person) continue;
    const locale: Locale = isLocale(person.locale) ? person.locale : 'nl';
    const params = {
      session: sessionLabel(locale, options.row, options.communityName),
      when: whenText(locale, options.row.startsAt),
      before: options.previousStartsAt ? whenText(locale, options.previousStartsAt) : '',
      location: whereText(locale, options.row),
      app: options.services.config.publicUrl,
      ...(options.extra ? await options.extra(id) : {}),
    };
    await options.services.mailer.enqueue(options.db, {
      institutionId: options.institutionId,
      to: person.email,
      subject: translate(locale, `sessions.mail.${options.key}.subject`, params),
      text: translate(locale, `sessions.mail.${options.key}.body`, params),
    });
  }
}
