import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../contracts/identity';
import type { Actor } from '../domain/access/policy';
import { rememberCsrf, requestSession } from './api';

export const SESSION_KEY = ['session'] as const;

export function fetchSession(): Promise<SessionResponse> {
  return requestSession();
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

export function useSetSession() {
  const client = useQueryClient();
  return (session: SessionResponse) => {
    rememberCsrf(session);
    client.setQueryData(SESSION_KEY, session);
  };
}

/** The same actor shape the server's policy uses, so the UI can hide what a person cannot do. */
export function actorOf(session: SessionResponse | undefined): Actor | null {
  if (!session?.person || !session.institution) return null;
  return { personId: session.person.id, institutionId: session.institution.id, grants: session.person.roles };
}
