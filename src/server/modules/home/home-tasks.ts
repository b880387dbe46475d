import { and, count, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { HomeIntakeTasks, HomeResponse } from '../../../contracts/home';
import { usesSignUp } from '../../../domain/participation/modes';
import type { IntakeSettings } from '../../../domain/programme/intake-settings';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { listPayableItems } from '../finance/public';
import { classes, classMembers, communities, communityMembers, compensationStatements, participationSignUps, teachingPeriods } from '../../db/schema';

type Intake = { id: string; programmeId: string; settings: Pick<IntakeSettings, 'format' | 'participation'> };

/**
 * The state behind the home page's tasks (#20 item 3): per intake whether everyone is placed (how
 * many students are not yet in a community — a group, a coach's caseload or a class with a coach,
 * by the intake's format; in an opt-in intake only those who signed up, as the grouping does) and,
 * where communities meet as groups, whether each teaching period's schedule is published; the
 * statements waiting for the coordinator's approval; the approved statements waiting for a payout.
 * Only for what the person may do; counts only, never names.
 */
export async function homeTasks(services: Services, actor: Actor, intakes: readonly Intake[]): Promise<Pick<HomeResponse, 'intakeTasks' | 'statementsToApprove' | 'payoutsToMake'>> {
  const { db } = services;
  const programme = (programmeId: string) => ({ kind: 'programme' as const, institutionId: actor.institutionId, programmeId });
  const grouping = intakes.filter((i) => isAllowed(actor, 'programme:formCommunities', programme(i.programmeId))).map((i) => i.id);
  // A schedule is published for communities that meet as groups; one-on-ones and class-wide sessions are planned by their coaches.
  const scheduling = intakes.filter((i) => i.settings.format === 'communities' && isAllowed(actor, 'programme:manageScheduling', programme(i.programmeId))).map((i) => i.id);

  const students = new Map<string, { students: number; unplaced: number }>();
  const communityCounts = new Map<string, number>();
  // Opt-in: only the students who signed up are to be placed.
  const optIn = intakes.filter((i) => grouping.includes(i.id) && usesSignUp(i.settings.participation)).map((i) => i.id);
  if (grouping.length > 0) {
    // A student counts as placed while in a current community of the same intake (as the grouping page does).
    const rows = await db
      .select({
        intakeId: classes.intakeId,
        students: count(),
        unplaced: sql<number>`count(*) filter (where not exists (select 1 from ${communityMembers} join ${communities} on ${communities.id} = ${communityMembers.communityId}
          where ${communityMembers.personId} = ${classMembers.personId} and ${communityMembers.leftOn} is null and ${communities.intakeId} = ${classes.intakeId}))`.mapWith(Number),
      })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .where(
        and(
          inArray(classes.intakeId, grouping),
          optIn.length > 0
            ? or(
                notInArray(classes.intakeId, optIn),
                sql`exists (select 1 from ${participationSignUps} where ${participationSignUps.intakeId} = ${classes.intakeId} and ${participationSignUps.personId} = ${classMembers.personId})`,
              )
            : undefined,
        ),
      )
      .groupBy(classes.intakeId);
    for (const r of rows) students.set(r.intakeId, { students: r.students, unplaced: r.unplaced });
    const formed = await db.select({ intakeId: communities.intakeId, n: count() }).from(communities).where(inArray(communities.intakeId, grouping)).groupBy(communities.intakeId);
    for (const r of formed) communityCounts.set(r.intakeId, r.n);
  }

  const periods = new Map<string, { periods: number; published: number }>();
  if (scheduling.length > 0) {
    const rows = await db
      .select({
        intakeId: teachingPeriods.intakeId,
        periods: count(),
        // Qualified by hand: in a one-table select Drizzle writes columns without their table, and a
        // bare "id" inside the subquery would be the run's id (the count was always 0).
        published: sql<number>`count(*) filter (where exists (select 1 from "scheduling_runs" r where r."period_id" = "teaching_periods"."id" and r."published_at" is not null))`.mapWith(Number),
      })
      .from(teachingPeriods)
      .where(inArray(teachingPeriods.intakeId, scheduling))
      .groupBy(teachingPeriods.intakeId);
    for (const r of rows) periods.set(r.intakeId, { periods: r.periods, published: r.published });
  }

  const intakeTasks: HomeIntakeTasks[] = intakes
    .filter((i) => grouping.includes(i.id) || scheduling.includes(i.id))
    .map((i) => ({
      intakeId: i.id,
      format: i.settings.format,
      grouping: grouping.includes(i.id) ? { ...(students.get(i.id) ?? { students: 0, unplaced: 0 }), communities: communityCounts.get(i.id) ?? 0 } : null,
      scheduling: scheduling.includes(i.id) ? (periods.get(i.id) ?? { periods: 0, published: 0 }) : null,
    }));

  // Statements the coach confirmed, in programmes where this person approves them.
  const approving = [...new Set(intakes.map((i) => i.programmeId))].filter((programmeId) =>
    isAllowed(actor, 'compensation:approveProgramme', { kind: 'compensationProgramme', institutionId: actor.institutionId, programmeId }),
  );
  let statementsToApprove: number | null = null;
  if (approving.length > 0) {
    const [row] = await db
      .select({ n: count() })
      .from(compensationStatements)
      .where(and(eq(compensationStatements.institutionId, actor.institutionId), inArray(compensationStatements.programmeId, approving), eq(compensationStatements.status, 'confirmed')));
    statementsToApprove = row?.n ?? 0;
  }

  // Approved statements and claims not yet in a payout batch: what finance's next SEPA file pays.
  let payoutsToMake: number | null = null;
  if (isAllowed(actor, 'payout:manage', { kind: 'financeDesk', institutionId: actor.institutionId })) {
    const today = zonedParts(services.now()).date;
    payoutsToMake = (await listPayableItems(db, actor.institutionId, today)).filter((item) => !item.inBatch).length;
  }

  return { intakeTasks, statementsToApprove, payoutsToMake };
}
