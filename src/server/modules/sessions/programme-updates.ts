import { desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import type { ProgrammeUpdatesResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { people, programmeUpdates } from '../../db/schema';

/** A leercoach or coordinator tells the coaches what changes in the curriculum this period. */
export async function postProgrammeUpdate({ services, actor, programmeId, title, body }: { services: Services; actor: Actor; programmeId: string; title: string; body: string }) {
  const [row] = await services.db.insert(programmeUpdates).values({ programmeId, authorId: actor.personId, title, body, createdAt: services.now() }).returning({ id: programmeUpdates.id });
  return { id: row!.id };
}

/** The latest updates of the programmes the person works in (coaches see them on their home). */
export async function listProgrammeUpdates({ services, actor }: { services: Services; actor: Actor }): Promise<ProgrammeUpdatesResponse> {
  const programmeIds = [...new Set(actor.grants.filter((g) => g.role !== 'coachee' && g.programmeId).map((g) => g.programmeId as string))];
  if (programmeIds.length === 0) return { updates: [] };
  const rows = await services.db
    .select({ u: programmeUpdates, firstName: people.firstName, lastName: people.lastName })
    .from(programmeUpdates)
    .leftJoin(people, eq(people.id, programmeUpdates.authorId))
    .where(inArray(programmeUpdates.programmeId, programmeIds))
    .orderBy(desc(programmeUpdates.createdAt))
    .limit(20);
  return {
    updates: rows.map(({ u, firstName, lastName }) => ({ id: u.id, programmeId: u.programmeId, title: u.title, body: u.body, authorName: firstName ? `${firstName} ${lastName ?? ''}`.trim() : '', createdAt: u.createdAt.toISOString() })),
  };
}
