/**
 * Per-person secret iCalendar feeds. The URL carries a random token; only its SHA-256 is stored,
 * so the URL is shown once, when it is made. Regenerating replaces the token (the old URL stops
 * working). The feed is built on each request, so it follows every change.
 */
import { eq } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { isLocale, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { calendarFeeds, people, roleAssignments } from '../../db/schema';
import { digest, newToken } from '../identity/public';
import { secretLink } from '../mail/public';
import { loadSessionsAround, sessionLabel, whereText } from '../sessions/public';

export async function regenerateCalendarFeed({ services, personId }: { services: Services; personId: string }): Promise<{ url: string }> {
  const token = newToken();
  await services.db
    .insert(calendarFeeds)
    .values({ personId, tokenHash: digest(token), createdAt: services.now() })
    .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash: digest(token), createdAt: services.now() } });
  return { url: secretLink(services.config.publicUrl, 'calendarFeed', token) };
}

export async function hasCalendarFeed({ services, personId }: { services: Services; personId: string }): Promise<boolean> {
  const [row] = await services.db.select({ p: calendarFeeds.personId }).from(calendarFeeds).where(eq(calendarFeeds.personId, personId));
  return Boolean(row);
}

/** The feed for a token, or null when no person has it (any more). */
export async function renderCalendarFeed({ services, token }: { services: Services; token: string }): Promise<string | null> {
  const [owner] = await services.db
    .select({ id: people.id, institutionId: people.institutionId, locale: people.locale })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(eq(calendarFeeds.tokenHash, digest(token)));
  if (!owner) return null;
  const grants = await services.db.select().from(roleAssignments).where(eq(roleAssignments.personId, owner.id));
  const actor: Actor = { personId: owner.id, institutionId: owner.institutionId, grants: grants.map((g) => ({ role: g.role, institutionId: g.institutionId, programmeId: g.programmeId })) };
  const locale: Locale = isLocale(owner.locale) ? owner.locale : 'nl';
  const now = services.now();
  const loaded = await loadSessionsAround(services.db, actor, new Date(now.getTime() - 90 * 86_400_000), new Date(now.getTime() + 400 * 86_400_000));
  // Only sessions the person takes part in or leads; the feed names no other people.
  const mine = loaded.filter(
    (s) => isAllowed(actor, 'session:read', s.resource) && (s.resource.organiserId === actor.personId || s.resource.participantIds.includes(actor.personId)),
  );
  const calendar = ical({ name: 'peerkracht', prodId: { company: 'peerkracht', product: 'peerkracht', language: locale.toUpperCase() }, ttl: 60 * 60 });
  for (const s of mine) {
    // An online or hybrid session carries its meeting link: the feed is its owner's, who is invited or organises it.
    const link = s.row.meetingLink && s.row.mode !== 'onCampus' && isAllowed(actor, 'session:readMeetingLink', s.resource) ? s.row.meetingLink : '';
    const where = link ? whereText(locale, s.row) : s.row.mode === 'online' ? '' : s.row.location;
    calendar.createEvent({
      id: `${s.row.id}@peerkracht`,
      start: s.row.startsAt,
      end: s.row.endsAt,
      summary: sessionLabel(locale, s.row, s.communityName),
      location: where || null,
      ...(link ? { description: link } : {}),
      url: `${services.config.publicUrl.replace(/\/$/, '')}/sessions/${s.row.id}`,
      status: s.row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: s.row.version,
      stamp: s.row.updatedAt,
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too (ical-generator leaves it off).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
