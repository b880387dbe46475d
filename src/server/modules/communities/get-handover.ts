import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { HandoverResponse, MyHandoversResponse } from '../../../contracts/communities';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, handovers, intakes, people, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** The handover as a policy resource. */
export async function handoverResource(db: Db, institutionId: string, handoverId: string) {
  const [row] = await db
    .select({ from: handovers.fromCoachId, to: handovers.toCoachId, status: handovers.status, programmeId: programmes.id })
    .from(handovers)
    .innerJoin(communities, eq(communities.id, handovers.communityId))
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(handovers.id, handoverId), eq(programmes.institutionId, institutionId)));
  if (!row) return null;
  return { kind: 'handover' as const, institutionId, programmeId: row.programmeId, fromCoachId: row.from, toCoachId: row.to, open: row.status === 'open' };
}

async function names(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (wanted.length === 0) return new Map<string, { id: string; firstName: string; lastName: string }>();
  const rows = await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

async function describe(db: Db, actor: Actor, rows: (typeof handovers.$inferSelect)[], programmeIds: Map<string, string>): Promise<HandoverResponse[]> {
  const moves = rows.flatMap((h) => h.moves as { personId: string; communityId: string }[]);
  const who = await names(db, [...rows.flatMap((h) => [h.fromCoachId, h.toCoachId]), ...moves.map((m) => m.personId)]);
  const communityIds = [...new Set([...rows.map((h) => h.communityId), ...moves.map((m) => m.communityId)])];
  const communityNames = new Map(
    (communityIds.length ? await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, communityIds)) : []).map((c) => [c.id, c.name]),
  );
  return rows.map((h) => {
    const resource = {
      kind: 'handover' as const,
      institutionId: actor.institutionId,
      programmeId: programmeIds.get(h.id) ?? '',
      fromCoachId: h.fromCoachId,
      toCoachId: h.toCoachId,
      open: h.status === 'open',
    };
    const canReadNote = isAllowed(actor, 'handover:readNote', resource);
    return {
      id: h.id,
      communityId: h.communityId,
      communityName: communityNames.get(h.communityId) ?? '',
      status: h.status === 'completed' ? 'completed' : 'open',
      mode: h.mode === 'redistribute' ? 'redistribute' : 'newCoach',
      fromCoach: h.fromCoachId ? (who.get(h.fromCoachId) ?? null) : null,
      toCoach: h.toCoachId ? (who.get(h.toCoachId) ?? null) : null,
      moves: (h.moves as { personId: string; communityId: string }[]).map((m) => ({
        person: who.get(m.personId) ?? { id: m.personId, firstName: '', lastName: '' },
        community: { id: m.communityId, name: communityNames.get(m.communityId) ?? '' },
      })),
      introProposedAt: h.introProposedAt?.toISOString() ?? null,
      noteWritten: h.note !== null,
      note: canReadNote ? h.note : null,
      canWriteNote: isAllowed(actor, 'handover:writeNote', resource),
      canComplete: isAllowed(actor, 'handover:manage', resource) && h.status === 'open',
      createdAt: h.createdAt.toISOString(),
      completedAt: h.completedAt?.toISOString() ?? null,
    };
  });
}

export async function getHandover({ services, actor, handoverId, programmeId }: { services: Services; actor: Actor; handoverId: string; programmeId: string }) {
  const [row] = await services.db.select().from(handovers).where(eq(handovers.id, handoverId));
  if (!row) throw new AppError('not_found');
  const [result] = await describe(services.db, actor, [row], new Map([[row.id, programmeId]]));
  return result!;
}

/** Handovers the person takes part in as leaving or new coach. */
export async function myHandovers({ services, actor }: { services: Services; actor: Actor }): Promise<MyHandoversResponse> {
  const rows = await services.db
    .select({ h: handovers, programmeId: intakes.programmeId })
    .from(handovers)
    .innerJoin(communities, eq(communities.id, handovers.communityId))
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .where(or(eq(handovers.fromCoachId, actor.personId), eq(handovers.toCoachId, actor.personId)))
    .orderBy(desc(handovers.createdAt));
  const described = await describe(services.db, actor, rows.map((r) => r.h), new Map(rows.map((r) => [r.h.id, r.programmeId])));
  return { handovers: described.map(({ note: _n, moves: _m, ...rest }) => rest) };
}
