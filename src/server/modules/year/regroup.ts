/**
 * Regrouping those who continue after the 100-day moment (#21 item 2, ADR 0021). Once the
 * moment's deadline has passed, the coordinator makes a draft: the warm-start planner
 * (`domain/grouping/regroup.ts`) keeps viable communities intact and moves the members of those
 * that fell below the minimum. Those who stopped already left with the regular ending
 * 'stoppedAfterFirstPhase' when they answered; one-on-ones-only choosers stay with their coach.
 * The coordinator can move a student by hand and accepts; the accept ends the old memberships
 * with 'handover' (no ending, no dropout), starts the new ones and tells the coaches and the moved
 * coachees by mail (their language, no names of others). Concurrent accepts: one wins, 409.
 */
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AcceptRegroupRequest, MoveRegroupRequest, type MyRegroupingResponse, type RegroupingResponse } from '../../../contracts/regroup';
import { planRegrouping, sizesAfter, type RegroupPlacement } from '../../../domain/grouping/regroup';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import { hundredDayMomentOf } from '../../../domain/year/hundred-day';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { classes, classMembers, communities, communityMembers, hundredDayAsks, intakes, people, programmes, regroupings } from '../../db/schema';
import { AppError } from '../../errors/app-error';

type Plan = { sizeBounds: { min: number; max: number }; communityIds: string[]; placements: RegroupPlacement[] };
type Row = typeof regroupings.$inferSelect;

/** The regrouping as a policy resource: its intake's programme, within the institution. */
export async function regroupingResource(db: Db, institutionId: string, regroupingId: string) {
  const [row] = await db
    .select({ programmeId: intakes.programmeId })
    .from(regroupings)
    .innerJoin(intakes, eq(intakes.id, regroupings.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(regroupings.id, regroupingId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'programme' as const, institutionId, programmeId: row.programmeId } : null;
}

/** Starts a draft for an intake whose 100-day moment has closed; earlier drafts of the intake go. */
export async function startRegrouping({ services, intakeId, createdById }: { services: Services; intakeId: string; createdById: string | null }): Promise<string> {
  const now = services.now();
  const [intake] = await services.db.select({ settings: intakes.settings, academicYear: intakes.academicYear, month: intakes.month }).from(intakes).where(eq(intakes.id, intakeId));
  if (!intake) throw new AppError('not_found');
  const moment = hundredDayMomentOf(intake);
  const [asked] = await services.db.select({ id: hundredDayAsks.id }).from(hundredDayAsks).where(eq(hundredDayAsks.intakeId, intakeId)).limit(1);
  if (!moment || !asked || moment.deadline.getTime() >= now.getTime()) throw new AppError('regroup_not_closed', 'the 100-day moment has not closed yet');
  const sizeBounds = readIntakeSettings(intake.settings, intake.month).settings.communitySize;

  const cs = await services.db.select({ id: communities.id, classId: communities.classId }).from(communities).where(eq(communities.intakeId, intakeId));
  const open = await services.db
    .select({ personId: communityMembers.personId, communityId: communityMembers.communityId, classId: classMembers.classId, choice: hundredDayAsks.choice })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .leftJoin(hundredDayAsks, and(eq(hundredDayAsks.personId, communityMembers.personId), eq(hundredDayAsks.intakeId, intakeId)))
    .leftJoin(classMembers, and(eq(classMembers.personId, communityMembers.personId), sql`${classMembers.classId} in (select ${classes.id} from ${classes} where ${classes.intakeId} = ${intakeId})`))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn)));
  // One row per person (a person in two classes of the intake counts once).
  const seen = new Set<string>();
  const members = open.filter((m) => (seen.has(m.personId) ? false : (seen.add(m.personId), true))).map((m) => ({ personId: m.personId, communityId: m.communityId, classId: m.classId, oneOnOnesOnly: m.choice === 'oneOnOnesOnly' }));
  const plan: Plan = { sizeBounds, communityIds: cs.map((c) => c.id), placements: planRegrouping(cs, members, sizeBounds) };

  return services.db.transaction(async (tx) => {
    // Retention: accepted regroupings go 90 days after the accept; earlier drafts when a new one starts.
    await tx.delete(regroupings).where(and(eq(regroupings.intakeId, intakeId), eq(regroupings.status, 'draft')));
    await tx.delete(regroupings).where(sql`${regroupings.acceptedAt} < ${new Date(now.getTime() - 90 * 86_400_000)}`);
    const [row] = await tx.insert(regroupings).values({ intakeId, plan, createdById, createdAt: now }).returning({ id: regroupings.id });
    return row!.id;
  });
}

async function rowOf(db: Db, regroupingId: string): Promise<Row> {
  const [row] = await db.select().from(regroupings).where(eq(regroupings.id, regroupingId));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The draft (or the accepted plan) with names and figures. */
export async function presentRegrouping(db: Db, regroupingId: string): Promise<RegroupingResponse> {
  const row = await rowOf(db, regroupingId);
  const plan = row.plan as Plan;
  const cs =
    plan.communityIds.length === 0
      ? []
      : await db
          .select({ id: communities.id, name: communities.name, coachId: communities.coachId, coachFirst: people.firstName, coachLast: people.lastName })
          .from(communities)
          .leftJoin(people, eq(people.id, communities.coachId))
          .where(inArray(communities.id, plan.communityIds))
          .orderBy(asc(communities.name));
  const ids = plan.placements.map((p) => p.personId);
  const persons = ids.length === 0 ? [] : await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, ids)).orderBy(asc(people.firstName), asc(people.lastName));
  const [stopped] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(hundredDayAsks).where(and(eq(hundredDayAsks.intakeId, row.intakeId), eq(hundredDayAsks.choice, 'stop')));
  const placementOf = new Map(plan.placements.map((p) => [p.personId, p]));
  const nameOf = new Map(cs.map((c) => [c.id, c.name]));
  const after = sizesAfter(plan.placements);
  const before = sizesAfter(plan.placements.map((p) => ({ ...p, to: p.from })));
  const communityViews = cs.map((c) => {
    const here = persons.filter((p) => placementOf.get(p.id)?.to === c.id);
    const members = here.filter((p) => !placementOf.get(p.id)!.oneOnOne).map((p) => ({ ...p, fromCommunityName: nameOf.get(placementOf.get(p.id)!.from) ?? '', moved: placementOf.get(p.id)!.from !== c.id }));
    const n = after.get(c.id) ?? 0;
    const was = before.get(c.id) ?? 0;
    const movedOut = plan.placements.some((p) => p.from === c.id && p.to !== c.id);
    return {
      id: c.id,
      name: c.name,
      coach: c.coachId ? { id: c.coachId, firstName: c.coachFirst ?? '', lastName: c.coachLast ?? '' } : null,
      before: was,
      after: n,
      keptIntact: !movedOut && members.every((m) => !m.moved) && was > 0,
      dissolved: was > 0 && n === 0,
      belowMinimum: n > 0 && n < plan.sizeBounds.min,
      members,
      oneOnOnes: here.filter((p) => placementOf.get(p.id)!.oneOnOne).map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName })),
    };
  });
  return {
    id: row.id,
    intakeId: row.intakeId,
    status: row.status === 'accepted' ? 'accepted' : 'draft',
    version: row.version,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    sizeBounds: plan.sizeBounds,
    counts: {
      continuing: plan.placements.filter((p) => !p.oneOnOne).length,
      moved: plan.placements.filter((p) => p.from !== p.to).length,
      oneOnOne: plan.placements.filter((p) => p.oneOnOne).length,
      stopped: stopped?.n ?? 0,
      keptIntact: communityViews.filter((c) => c.keptIntact).length,
      dissolved: communityViews.filter((c) => c.dissolved).length,
    },
    communities: communityViews,
  };
}

/** Moves one continuing student to another community of the draft. */
export async function moveRegroupStudent({ services, regroupingId, request: input }: { services: Services; regroupingId: string; request: z.input<typeof MoveRegroupRequest> }) {
  const request = MoveRegroupRequest.parse(input);
  await services.db.transaction(async (tx) => {
    const row = await rowOf(tx, regroupingId);
    if (row.status !== 'draft') throw new AppError('conflict', 'regrouping accepted');
    const plan = row.plan as Plan;
    const placement = plan.placements.find((p) => p.personId === request.personId);
    if (!placement || placement.oneOnOne) throw field('personId', 'not_in_scope');
    if (!plan.communityIds.includes(request.toCommunityId)) throw field('toCommunityId', 'not_in_scope');
    const placements = plan.placements.map((p) => (p.personId === request.personId ? { ...p, to: request.toCommunityId } : p));
    const updated = await tx
      .update(regroupings)
      .set({ plan: { ...plan, placements }, version: sql`${regroupings.version} + 1` })
      .where(and(eq(regroupings.id, regroupingId), eq(regroupings.version, request.version), eq(regroupings.status, 'draft')))
      .returning({ id: regroupings.id });
    if (updated.length === 0) throw new AppError('conflict', 'regrouping changed meanwhile');
  });
  return presentRegrouping(services.db, regroupingId);
}

const field = (path: string, message: string) => new AppError('validation_failed', `regrouping: ${path} ${message}`, {}, [{ path, message }]);

const localeOf = (value: string | null): Locale => (isLocale(value) ? value : 'nl');

/** Accepts the draft: the moves happen as handovers; coaches and moved coachees get a mail. */
export async function acceptRegrouping({ services, regroupingId, request: input }: { services: Services; regroupingId: string; request: z.input<typeof AcceptRegroupRequest> }) {
  const request = AcceptRegroupRequest.parse(input);
  await services.db.transaction(async (tx) => {
    const now = services.now();
    const [row] = await tx
      .update(regroupings)
      .set({ status: 'accepted', version: sql`${regroupings.version} + 1`, acceptedAt: now })
      .where(and(eq(regroupings.id, regroupingId), eq(regroupings.version, request.version), eq(regroupings.status, 'draft')))
      .returning();
    if (!row) throw new AppError('conflict', 'regrouping accepted or changed meanwhile');
    const plan = row.plan as Plan;
    const moves = plan.placements.filter((p) => p.from !== p.to && !p.oneOnOne);
    if (moves.length === 0) return;
    const touched = [...new Set(moves.flatMap((m) => [m.from, m.to]))];
    for (const m of moves) {
      const ended = await tx
        .update(communityMembers)
        .set({ leftOn: now, leftReason: 'handover' })
        .where(and(eq(communityMembers.personId, m.personId), eq(communityMembers.communityId, m.from), isNull(communityMembers.leftOn)))
        .returning({ id: communityMembers.id });
      // Someone left or was moved by hand since the draft: the plan no longer fits.
      if (ended.length === 0) throw new AppError('regroup_stale', 'memberships changed since the draft');
      await tx.insert(communityMembers).values({ communityId: m.to, personId: m.personId, joinedOn: now, joinedReason: 'handover' });
    }
    await tx.update(communities).set({ version: sql`${communities.version} + 1` }).where(inArray(communities.id, touched));

    const [institution] = await tx.select({ id: programmes.institutionId }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId)).where(eq(intakes.id, row.intakeId));
    const cs = await tx.select({ id: communities.id, name: communities.name, coachId: communities.coachId }).from(communities).where(inArray(communities.id, touched));
    const moved = await tx.select({ id: people.id, email: people.email, locale: people.locale }).from(people).where(inArray(people.id, moves.map((m) => m.personId)));
    const coachIds = [...new Set(cs.flatMap((c) => (c.coachId ? [c.coachId] : [])))];
    const coaches = coachIds.length === 0 ? [] : await tx.select({ id: people.id, email: people.email, locale: people.locale }).from(people).where(inArray(people.id, coachIds));
    const link = `${services.config.publicUrl.replace(/\/+$/, '')}/`;
    const after = sizesAfter(plan.placements);
    for (const p of moved) {
      const to = cs.find((c) => c.id === moves.find((m) => m.personId === p.id)?.to);
      const locale = localeOf(p.locale);
      const params = { community: to?.name ?? '', link };
      await services.mailer.enqueue(tx, { institutionId: institution!.id, to: p.email, subject: translate(locale, 'regroup.mail.moved.subject', params), text: translate(locale, 'regroup.mail.moved.body', params) });
    }
    for (const coach of coaches) {
      const locale = localeOf(coach.locale);
      for (const c of cs.filter((x) => x.coachId === coach.id)) {
        const count = after.get(c.id) ?? 0;
        const key = count === 0 ? 'regroup.mail.coachDissolved' : 'regroup.mail.coachChanged';
        const params = { community: c.name, count, link };
        await services.mailer.enqueue(tx, { institutionId: institution!.id, to: coach.email, subject: translate(locale, `${key}.subject`, params), text: translate(locale, `${key}.body`, params) });
      }
    }
  });
  return presentRegrouping(services.db, regroupingId);
}

/** The latest regrouping of an intake (a draft or the accepted one), or null. */
export async function latestRegrouping(db: Db, intakeId: string): Promise<string | null> {
  const [row] = await db.select({ id: regroupings.id }).from(regroupings).where(eq(regroupings.intakeId, intakeId)).orderBy(desc(regroupings.createdAt)).limit(1);
  return row?.id ?? null;
}

/**
 * What an accepted regrouping of the last 30 days changed for me (the in-app notice): I moved to
 * another community, or a community I coach changed or lost its members.
 */
export async function myRegrouping({ services, personId }: { services: Services; personId: string }): Promise<MyRegroupingResponse> {
  const since = new Date(services.now().getTime() - 30 * 86_400_000);
  const rows = await services.db.select().from(regroupings).where(and(eq(regroupings.status, 'accepted'), gt(regroupings.acceptedAt, since))).orderBy(desc(regroupings.acceptedAt));
  for (const row of rows) {
    const plan = row.plan as Plan;
    const moves = plan.placements.filter((p) => p.from !== p.to && !p.oneOnOne);
    const mine = moves.find((m) => m.personId === personId);
    const after = sizesAfter(plan.placements);
    if (mine) {
      const [c] = await services.db.select({ name: communities.name }).from(communities).where(eq(communities.id, mine.to));
      return { change: { kind: 'moved', communityId: mine.to, communityName: c?.name ?? '', members: after.get(mine.to) ?? 0, acceptedAt: row.acceptedAt!.toISOString() } };
    }
    const touched = [...new Set(moves.flatMap((m) => [m.from, m.to]))];
    if (touched.length === 0) continue;
    const [coached] = await services.db
      .select({ id: communities.id, name: communities.name })
      .from(communities)
      .where(and(inArray(communities.id, touched), eq(communities.coachId, personId)))
      .orderBy(asc(communities.name))
      .limit(1);
    if (coached) {
      const n = after.get(coached.id) ?? 0;
      return { change: { kind: n === 0 ? 'coachDissolved' : 'coachChanged', communityId: coached.id, communityName: coached.name, members: n, acceptedAt: row.acceptedAt!.toISOString() } };
    }
  }
  return { change: null };
}
