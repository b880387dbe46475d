/**
 * The warm handover (report problem P3): the coordinator chooses a new coach for the whole group
 * (the default, keeping the group together) or moves members to other communities; the leaving
 * coach writes a note only the new coach reads; an introduction is proposed; on completion the
 * coachees hear by e-mail who their new coach is. E-mails carry names and dates, never coaching
 * content, and are queued in the same transaction as the change.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { StartHandoverRequest } from '../../../contracts/communities';
import { overfullTargets } from '../../../domain/communities/redistribute';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { coachProfiles, communities, communityMembers, handovers, people } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { activeMembers, assertCoachAvailable, bumpVersion, changeCoach, communityWithIntake, memberCounts } from './manage-repository';

type Person = typeof people.$inferSelect;
const localeOf = (p: Person): Locale => (p.locale === 'en' ? 'en' : 'nl');

export function formatWhen(date: Date | null, locale: Locale): string {
  if (!date) return translate(locale, 'programme.mail.introLater');
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

async function person(db: Db, id: string | null): Promise<Person | null> {
  if (!id) return null;
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

export type StartHandoverOptions = {
  services: Services;
  institutionId: string;
  programmeId: string;
  communityId: string;
  actorId: string;
  request: StartHandoverRequest;
  locale: Locale;
};

type StoredMove = { personId: string; communityId: string; overrideFull?: boolean };

/**
 * Checks the plan against the targets' current sizes: a plan that overfills one needs the
 * override. Moves the coordinator already allowed to overfill their target (at the start) need
 * no second yes. Answers the overfilled targets.
 */
async function assertRoom(db: Db, moves: readonly StoredMove[], max: number, overrideFull: boolean, locale: Locale): Promise<string[]> {
  const ids = [...new Set(moves.map((m) => m.communityId))];
  if (ids.length === 0) return [];
  const counts = await memberCounts(db, ids);
  const sizes = (await db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids))).map((c) => ({
    ...c,
    size: counts.get(c.id) ?? 0,
  }));
  const overfull = overfullTargets(moves, sizes, max);
  const blocked = overfull.filter((id) => !overrideFull && !moves.filter((m) => m.communityId === id).every((m) => m.overrideFull));
  if (blocked.length === 0) return overfull;
  const names = sizes.filter((s) => blocked.includes(s.id)).map((s) => s.name).join(', ');
  throw new AppError('community_full', `spread overfills ${blocked.length}`, {}, [{ path: 'moves', message: translate(locale, 'programme.communities.spreadFull', { names, max }) }]);
}

export async function startHandover({ services, institutionId, programmeId, communityId, actorId, request, locale }: StartHandoverOptions) {
  return services.db.transaction(async (tx) => {
    const { community, size } = await communityWithIntake(tx, communityId);
    await bumpVersion(tx, communityId, request.version);
    if (!community.coachId) throw new AppError('validation_failed', 'no coach to hand over from', {}, [{ path: 'mode', message: 'coach' }]);
    const open = await tx.select({ id: handovers.id }).from(handovers).where(and(eq(handovers.communityId, communityId), eq(handovers.status, 'open')));
    if (open.length > 0) throw new AppError('conflict', 'handover already open');
    let overfull: string[] = [];
    if (request.mode === 'newCoach') {
      if (request.toCoachId === community.coachId) throw new AppError('validation_failed', 'same coach', {}, [{ path: 'toCoachId', message: 'same' }]);
      await assertCoachAvailable(tx, institutionId, programmeId, request.toCoachId);
    } else {
      const members = new Set((await activeMembers(tx, communityId)).map((m) => m.personId));
      const targets = [...new Set(request.moves.map((m) => m.communityId))];
      const valid = await tx
        .select({ id: communities.id })
        .from(communities)
        .where(and(inArray(communities.id, targets), eq(communities.intakeId, community.intakeId)));
      const once = new Set(request.moves.map((m) => m.personId)).size === request.moves.length;
      if (!once || request.moves.some((m) => !members.has(m.personId) || m.communityId === communityId) || valid.length !== targets.length) {
        throw new AppError('validation_failed', 'bad moves', {}, [{ path: 'moves', message: translate(locale, 'programme.communities.spreadInvalid') }]);
      }
      overfull = await assertRoom(tx, request.moves, size.max, request.overrideFull, locale);
    }
    const [row] = await tx
      .insert(handovers)
      .values({
        communityId,
        fromCoachId: community.coachId,
        mode: request.mode,
        toCoachId: request.mode === 'newCoach' ? request.toCoachId : null,
        // The override covers the communities the coordinator saw would overfill, not ones that fill up later.
        moves: request.mode === 'redistribute' ? request.moves.map((m) => ({ ...m, overrideFull: overfull.includes(m.communityId) })) : [],
        introProposedAt: request.introProposedAt ? new Date(request.introProposedAt) : null,
        createdById: actorId,
      })
      .returning({ id: handovers.id });
    const link = `${services.config.publicUrl}/handovers/${row!.id}`;
    const from = await person(tx, community.coachId);
    if (from) {
      await services.mailer.enqueue(tx, {
        institutionId,
        to: from.email,
        subject: translate(localeOf(from), 'programme.mail.writeNote.subject', { community: community.name }),
        text: translate(localeOf(from), 'programme.mail.writeNote.body', { name: from.firstName, community: community.name, link }),
      });
    }
    return { id: row!.id };
  });
}

export async function writeHandoverNote({ services, handoverId, note }: { services: Services; handoverId: string; note: string }) {
  const rows = await services.db
    .update(handovers)
    .set({ note, noteWrittenAt: services.now() })
    .where(and(eq(handovers.id, handoverId), eq(handovers.status, 'open')))
    .returning({ id: handovers.id });
  if (rows.length === 0) throw new AppError('conflict', 'handover closed');
  return { id: handoverId };
}

export type CompleteHandoverOptions = { services: Services; institutionId: string; handoverId: string; overrideFull: boolean; locale: Locale };

export async function completeHandover({ services, institutionId, handoverId, overrideFull, locale }: CompleteHandoverOptions) {
  return services.db.transaction(async (tx) => {
    const [h] = await tx.select().from(handovers).where(eq(handovers.id, handoverId)).for('update');
    if (!h) throw new AppError('not_found');
    if (h.status !== 'open') throw new AppError('conflict', 'handover already completed');
    const { community, size } = await communityWithIntake(tx, h.communityId);
    const now = services.now();
    const intro = h.introProposedAt;
    const mail = async (to: Person, key: 'newCoach' | 'moved', params: Record<string, string>) =>
      services.mailer.enqueue(tx, {
        institutionId,
        to: to.email,
        subject: translate(localeOf(to), `programme.mail.${key}.subject`),
        text: translate(localeOf(to), `programme.mail.${key}.body`, { name: to.firstName, when: formatWhen(intro, localeOf(to)), ...params }),
      });
    const members = await activeMembers(tx, h.communityId);
    if (h.mode === 'newCoach') {
      const coach = await person(tx, h.toCoachId);
      if (!coach) throw new AppError('coach_not_available');
      await changeCoach(tx, h.communityId, coach.id, now, 'handover');
      for (const m of members) {
        const p = await person(tx, m.personId);
        if (p) await mail(p, 'newCoach', { coach: `${coach.firstName} ${coach.lastName}`, community: community.name });
      }
      await mail(coach, 'newCoach', { coach: `${coach.firstName} ${coach.lastName}`, community: community.name });
    } else {
      const stillHere = new Set(members.map((m) => m.personId));
      // Members who stopped since the start stay where they are (stopped).
      const moves = (h.moves as StoredMove[]).filter((m) => stillHere.has(m.personId));
      // The targets may have filled up since the start: check again.
      await assertRoom(tx, moves, size.max, overrideFull, locale);
      for (const move of moves) {
        await tx
          .update(communityMembers)
          .set({ leftOn: now, leftReason: 'moved' })
          .where(and(eq(communityMembers.communityId, h.communityId), eq(communityMembers.personId, move.personId), isNull(communityMembers.leftOn)));
        await tx.insert(communityMembers).values({ communityId: move.communityId, personId: move.personId, joinedOn: now, joinedReason: 'handover' });
        await bumpVersion(tx, move.communityId, null);
        const [target] = await tx.select().from(communities).where(eq(communities.id, move.communityId));
        const coach = await person(tx, target?.coachId ?? null);
        const p = await person(tx, move.personId);
        if (p && target) {
          await mail(p, 'moved', { community: target.name, coach: coach ? `${coach.firstName} ${coach.lastName}` : translate(localeOf(p), 'programme.mail.coachFollows') });
        }
      }
      await changeCoach(tx, h.communityId, null, now, 'handover');
    }
    await bumpVersion(tx, h.communityId, null);
    await tx.update(handovers).set({ status: 'completed', completedAt: now }).where(eq(handovers.id, h.id));
    // A leaving coach who leads nothing any more has left.
    if (h.fromCoachId) {
      const stillLeads = await tx.select({ id: communities.id }).from(communities).where(eq(communities.coachId, h.fromCoachId));
      if (stillLeads.length === 0) {
        await tx
          .update(coachProfiles)
          .set({ status: 'left', statusChangedAt: now })
          .where(and(eq(coachProfiles.personId, h.fromCoachId), eq(coachProfiles.status, 'leaving')));
      }
    }
    return { id: h.id };
  });
}
