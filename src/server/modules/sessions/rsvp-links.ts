/**
 * RSVP from a reminder e-mail without signing in: the link carries an opaque, single-purpose
 * token (only its hash is stored; it names nobody). Opening the link changes nothing — the page
 * shows one confirm button that POSTs the answer.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { RsvpLinkResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { actionTokens, sessionRsvps, sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { digest, newToken } from '../identity/public';
import { secretLink } from '../mail/public';
import { loadSession, type LoadedSession } from './repository';
import { respondToSession } from './respond-to-session';
import type { SessionType } from '../../../domain/sessions/session-types';

export async function createRsvpLink(db: Db, services: Services, sessionId: string, personId: string, expiresAt: Date): Promise<string> {
  const token = newToken();
  await db.insert(actionTokens).values({ tokenHash: digest(token), purpose: 'rsvp', sessionId, personId, expiresAt });
  return secretLink(services.config.publicUrl, 'rsvp', token);
}

async function resolve(services: Services, token: string): Promise<{ session: LoadedSession; personId: string }> {
  const [row] = await services.db
    .select()
    .from(actionTokens)
    .where(and(eq(actionTokens.tokenHash, digest(token)), eq(actionTokens.purpose, 'rsvp'), gt(actionTokens.expiresAt, services.now())));
  if (!row) throw new AppError('link_invalid');
  const session = await loadSessionAnyInstitution(services, row.sessionId);
  if (!session || !session.resource.participantIds.includes(row.personId)) throw new AppError('link_invalid');
  return { session, personId: row.personId };
}

async function loadSessionAnyInstitution(services: Services, sessionId: string) {
  const [s] = await services.db.select({ institutionId: sessions.institutionId }).from(sessions).where(eq(sessions.id, sessionId));
  return s ? loadSession(services.db, s.institutionId, sessionId) : null;
}

export async function readRsvpLink({ services, token }: { services: Services; token: string }): Promise<RsvpLinkResponse> {
  const { session, personId } = await resolve(services, token);
  const [rsvp] = await services.db.select().from(sessionRsvps).where(and(eq(sessionRsvps.sessionId, session.row.id), eq(sessionRsvps.personId, personId)));
  return {
    title: session.row.title || session.communityName || '',
    type: session.row.type as SessionType,
    startsAt: session.row.startsAt.toISOString(),
    location: session.row.location,
    status: session.row.status as 'planned' | 'cancelled',
    response: (rsvp?.response as 'coming' | 'notComing' | undefined) ?? null,
  };
}

export async function answerRsvpLink({ services, token, response, reason }: { services: Services; token: string; response: 'coming' | 'notComing'; reason: string }) {
  const { session, personId } = await resolve(services, token);
  await respondToSession({ services, personId, session, answer: { response, reason } });
}
