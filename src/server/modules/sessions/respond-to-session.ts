import { sql } from 'drizzle-orm';
import type { RespondToSessionRequest } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { preparedSql } from '../../db/prepared';
import { batcherFor } from '../../db/write-batcher';
import { sessionRsvps } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { LoadedSession } from './repository';

export type RespondToSessionOptions = { services: Services; personId: string; session: LoadedSession; answer: { response: RespondToSessionRequest['response']; reason: string } };

/**
 * Answering again replaces the answer. Takes the answers of several requests at once (at most one
 * per person and session, see `rsvpWrites`), in a fixed order so that concurrent statements lock
 * rows in the same order. Prepared: an RSVP is the busiest write there is.
 */
const upsertStatement = preparedSql(
  'sessions_rsvp_upsert_v2',
  sql`
    insert into ${sessionRsvps} (session_id, person_id, response, reason, responded_at)
    select a.session_id, a.person_id, a.response, a.reason, a.responded_at
    from json_to_recordset(${sql.placeholder('answers')}::json) as a(session_id uuid, person_id uuid, response text, reason text, responded_at timestamptz)
    order by a.session_id, a.person_id
    on conflict (session_id, person_id) do update set response = excluded.response, reason = excluded.reason, responded_at = excluded.responded_at`,
);

type RsvpWrite = { sessionId: string; personId: string; response: RespondToSessionRequest['response']; reason: string; at: string };
const rsvpKey = (w: RsvpWrite) => `${w.sessionId} ${w.personId}`;

/** RSVPs that arrive while the database is busy share one statement (group commit, ADR 0007). */
const rsvpWrites = batcherFor<RsvpWrite>(
  async (db, writes) => {
    // A person who answered twice in one batch: the later answer replaces the earlier, as it
    // would one batch later.
    const latest = new Map(writes.map((w) => [rsvpKey(w), w]));
    const answers = [...latest.values()].map((w) => ({ session_id: w.sessionId, person_id: w.personId, response: w.response, reason: w.reason, responded_at: w.at }));
    await upsertStatement(db).execute({ answers: JSON.stringify(answers) });
  },
  { key: rsvpKey, sameKeyTogether: true, maxBatch: 64 },
);

/** A coachee says they come, or sends notice with a reason. */
export async function respondToSession({ services, personId, session, answer }: RespondToSessionOptions): Promise<void> {
  if (session.row.status === 'cancelled') throw new AppError('session_cancelled');
  if (session.row.endsAt.getTime() < services.now().getTime()) throw new AppError('invalid_transition', 'session is over');
  if (!session.resource.participantIds.includes(personId)) throw new AppError('not_found');
  await rsvpWrites(services.db).submit({
    sessionId: session.row.id,
    personId,
    response: answer.response,
    reason: answer.response === 'coming' ? '' : answer.reason,
    at: services.now().toISOString(),
  });
}
