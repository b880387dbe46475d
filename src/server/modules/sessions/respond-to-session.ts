import { sql } from 'drizzle-orm';
import type { RespondToSessionRequest } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { preparedFor } from '../../db/prepared';
import { sessionRsvps } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { LoadedSession } from './repository';

export type RespondToSessionOptions = { services: Services; personId: string; session: LoadedSession; answer: { response: RespondToSessionRequest['response']; reason: string } };

/** Answering again replaces the answer. Prepared: an RSVP is the busiest write there is. */
const upsertStatement = preparedFor((db) =>
  db
    .insert(sessionRsvps)
    .values({
      sessionId: sql.placeholder('sessionId'),
      personId: sql.placeholder('personId'),
      response: sql.placeholder('response'),
      reason: sql.placeholder('reason'),
      respondedAt: sql.placeholder('respondedAt'),
    })
    .onConflictDoUpdate({
      target: [sessionRsvps.sessionId, sessionRsvps.personId],
      set: { response: sql`excluded.response`, reason: sql`excluded.reason`, respondedAt: sql`excluded.responded_at` },
    })
    .prepare('sessions_rsvp_upsert'),
);

/** A coachee says they come, or sends notice with a reason. */
export async function respondToSession({ services, personId, session, answer }: RespondToSessionOptions): Promise<void> {
  if (session.row.status === 'cancelled') throw new AppError('session_cancelled');
  if (session.row.endsAt.getTime() < services.now().getTime()) throw new AppError('invalid_transition', 'session is over');
  if (!session.resource.participantIds.includes(personId)) throw new AppError('not_found');
  await upsertStatement(services.db).execute({
    sessionId: session.row.id,
    personId,
    response: answer.response,
    reason: answer.response === 'coming' ? '' : answer.reason,
    respondedAt: services.now(),
  });
}
