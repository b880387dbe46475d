/**
 * What the 100-day moment brought: the coach sees their community (counts and who chose what —
 * the coach knows their members; a reason only where the coachee shared it), the coordinator the
 * intake's totals, per community, and each answer with its reason.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommunityHundredDayResponse, IntakeHundredDayResponse } from '../../../contracts/year';
import { hundredDayMomentOf, tallyChoices, type HundredDayChoice, type HundredDayCounts } from '../../../domain/year/hundred-day';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, hundredDayAsks, intakes, people } from '../../db/schema';

/**
 * Counts per choice of an intake's 100-day moment (for the programme dashboard and the roadmap;
 * suppressing small cells is theirs). All zero when nobody was asked.
 */
export async function hundredDayOutcomes(db: Db, { programmeId, intakeId }: { programmeId: string; intakeId: string }): Promise<HundredDayCounts> {
  const rows = await db
    .select({ choice: hundredDayAsks.choice })
    .from(hundredDayAsks)
    .innerJoin(intakes, eq(intakes.id, hundredDayAsks.intakeId))
    .where(and(eq(hundredDayAsks.intakeId, intakeId), eq(intakes.programmeId, programmeId)));
  return tallyChoices(rows);
}

/** The coach's view of one community (the members asked while in it). */
export async function communityHundredDay({ services, communityId }: { services: Services; communityId: string }): Promise<z.infer<typeof CommunityHundredDayResponse>> {
  const rows = await services.db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      choice: hundredDayAsks.choice,
      reason: hundredDayAsks.reason,
      share: hundredDayAsks.shareReasonWithCoach,
      deadline: hundredDayAsks.deadline,
    })
    .from(hundredDayAsks)
    .innerJoin(people, eq(people.id, hundredDayAsks.personId))
    .where(eq(hundredDayAsks.communityId, communityId))
    .orderBy(asc(people.firstName), asc(people.lastName));
  return {
    deadline: rows[0]?.deadline.toISOString() ?? null,
    counts: tallyChoices(rows),
    members: rows.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      choice: (r.choice as HundredDayChoice | null) ?? null,
      sharedReason: r.share ? r.reason : null,
    })),
  };
}

/** The coordinator's view of an intake. */
export async function intakeHundredDay({ services, intakeId }: { services: Services; intakeId: string }): Promise<z.infer<typeof IntakeHundredDayResponse>> {
  const [intake] = await services.db.select({ settings: intakes.settings, academicYear: intakes.academicYear, month: intakes.month }).from(intakes).where(eq(intakes.id, intakeId));
  const moment = intake ? hundredDayMomentOf(intake) : null;
  const rows = await services.db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      communityId: hundredDayAsks.communityId,
      choice: hundredDayAsks.choice,
      reason: hundredDayAsks.reason,
      answeredAt: hundredDayAsks.answeredAt,
    })
    .from(hundredDayAsks)
    .innerJoin(people, eq(people.id, hundredDayAsks.personId))
    .where(eq(hundredDayAsks.intakeId, intakeId))
    .orderBy(asc(people.firstName), asc(people.lastName));
  const ids = [...new Set(rows.flatMap((r) => (r.communityId ? [r.communityId] : [])))];
  const names = ids.length === 0 ? [] : await services.db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, ids)).orderBy(asc(communities.name));
  return {
    askAt: moment?.askAt.toISOString() ?? null,
    deadline: moment?.deadline.toISOString() ?? null,
    phaseName: moment?.phaseName ?? null,
    counts: tallyChoices(rows),
    communities: names.map((c) => ({ id: c.id, name: c.name, counts: tallyChoices(rows.filter((r) => r.communityId === c.id)) })),
    answers: rows.map((r) => ({
      person: { id: r.id, firstName: r.firstName, lastName: r.lastName },
      communityName: names.find((c) => c.id === r.communityId)?.name ?? null,
      choice: (r.choice as HundredDayChoice | null) ?? null,
      reason: r.reason,
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}
