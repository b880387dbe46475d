/** "Waar ben ik ingelogd": a person's own sign-in sessions, and signing them out. */
import type { z } from 'zod';
import type { SignInSessionsResponse } from '../../../contracts/people';
import { describeDevice } from '../../../domain/identity/device';
import type { Db } from '../../db/client';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import { identityRepository } from './repository';
import type { SignedIn } from './resolve-session';

/** The person's live sessions with the device in plain words; which one is this one. Never a token. */
export async function listSignInSessions(services: Services, signedIn: SignedIn): Promise<z.infer<typeof SignInSessionsResponse>> {
  const rows = await identityRepository(services.db).sessionsOf(signedIn.person.id, services.now());
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      ...describeDevice(row.userAgent),
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.tokenHash === signedIn.tokenHash,
    })),
  };
}

/** Signs out one of one's own sessions; someone else's (or a gone one) is not found. */
export async function endSignInSession(services: Services, signedIn: SignedIn, sessionId: string): Promise<void> {
  if (!(await identityRepository(services.db).deleteOwnSession(signedIn.person.id, sessionId))) throw notFound();
}

/** Signs out everywhere else (this session stays), or everywhere. */
export async function endSignInSessions(services: Services, signedIn: SignedIn, keepThisOne: boolean): Promise<number> {
  return identityRepository(services.db).deleteSessionsExcept(signedIn.person.id, keepThisOne ? signedIn.tokenHash : null);
}

/** Ends all sessions of a person at once (deactivation); the access cache drops them on the delete. */
export async function endAllSessionsOf(db: Db, personId: string): Promise<void> {
  await identityRepository(db).deleteSessionsOf(personId);
}
