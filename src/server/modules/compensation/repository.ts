/**
 * All SQL of the compensation context. What happened (sessions, attendance) is read here straight
 * from the sessions tables, as a read model: statement generation for thousands of coaches needs
 * it in a few set-based queries, not one call per coach through the sessions face.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { WorkEvent, SessionType } from '../../../domain/compensation/work';
import type { Db } from '../../db/client';
import {
  attendanceMarks,
  coachProfiles,
  compensationExtraWork,
  compensationProfiles,
  compensationStatementLines,
  compensationStatements,
  intakes,
  programmes,
  sessions,
} from '../../db/schema';

export type StatementRow = typeof compensationStatements.$inferSelect;
export type LineRow = typeof compensationStatementLines.$inferSelect;
export type ExtraWorkRow = typeof compensationExtraWork.$inferSelect;

/** The first instant of a month (YYYY-MM) in Amsterdam, and of the month after. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: zonedToInstant(`${month}-01`, '00:00'), to: zonedToInstant(`${next}-01`, '00:00') };
}

export type CoachForPay = { personId: string; programmeId: string; institutionId: string; birthDate: string | null };

/** The coaches (people with a coach profile) of an institution, or only these people. */
export async function coachesForPay(db: Db, institutionId: string, personIds?: readonly string[]): Promise<CoachForPay[]> {
  if (personIds && personIds.length === 0) return [];
  return db
    .select({ personId: coachProfiles.personId, programmeId: coachProfiles.programmeId, institutionId: programmes.institutionId, birthDate: compensationProfiles.birthDate })
    .from(coachProfiles)
    .innerJoin(programmes, eq(programmes.id, coachProfiles.programmeId))
    .leftJoin(compensationProfiles, eq(compensationProfiles.personId, coachProfiles.personId))
    .where(and(eq(programmes.institutionId, institutionId), personIds ? inArray(coachProfiles.personId, [...personIds]) : undefined))
    .orderBy(asc(coachProfiles.personId));
}

/**
 * What each coach did in [from, to): community sessions and intervisions they led that were held
 * (not cancelled, over by `until`, attendance taken), one-on-ones they held (not cancelled, over,
 * the coachee not marked absent), and trainings and intervisions they attended (marked present
 * or late). With `planned`, the sessions they lead or are invited to that are still to come.
 */
export async function sessionEvents(db: Db, options: { institutionId: string; coachIds: readonly string[]; from: Date; to: Date; until: Date }): Promise<Map<string, WorkEvent[]>> {
  const result = new Map<string, WorkEvent[]>();
  if (options.coachIds.length === 0) return result;
  const ids = [...options.coachIds];
  const marked = sql`exists (select 1 from ${attendanceMarks} am where am.session_id = ${sessions.id})`;
  const coacheeAbsent = sql`exists (select 1 from ${attendanceMarks} am where am.session_id = ${sessions.id} and am.status in ('absent', 'absentWithNotice'))`;
  const window = and(
    eq(sessions.institutionId, options.institutionId),
    eq(sessions.status, 'planned'),
    gte(sessions.startsAt, options.from),
    lt(sessions.startsAt, options.to),
    lte(sessions.endsAt, options.until),
  );
  const [led, attended] = await Promise.all([
    db
      .select({ id: sessions.id, type: sessions.type, startsAt: sessions.startsAt, coachId: sessions.organiserId })
      .from(sessions)
      .where(
        and(
          window,
          inArray(sessions.organiserId, ids),
          sql`((${sessions.type} in ('community', 'classWide', 'intervision') and ${marked}) or (${sessions.type} = 'oneOnOne' and not ${coacheeAbsent}))`,
        ),
      ),
    db
      .select({ id: sessions.id, type: sessions.type, startsAt: sessions.startsAt, coachId: attendanceMarks.personId })
      .from(attendanceMarks)
      .innerJoin(sessions, eq(sessions.id, attendanceMarks.sessionId))
      .where(and(window, inArray(attendanceMarks.personId, ids), inArray(sessions.type, ['coachTraining', 'intervision']), inArray(attendanceMarks.status, ['present', 'late']))),
  ]);
  const add = (coachId: string | null, event: WorkEvent) => {
    if (!coachId) return;
    const list = result.get(coachId) ?? [];
    list.push(event);
    result.set(coachId, list);
  };
  for (const r of led) add(r.coachId, { type: r.type as SessionType, sessionId: r.id, date: zonedParts(r.startsAt).date, led: true });
  for (const r of attended) add(r.coachId, { type: r.type as SessionType, sessionId: r.id, date: zonedParts(r.startsAt).date, led: false });
  return result;
}

/** Sessions still to come that a coach leads (community sessions, one-on-ones) or is invited to as a coach (trainings, intervisions of their programme). */
export async function plannedEvents(db: Db, options: { institutionId: string; coachId: string; programmeId: string; from: Date; to: Date }): Promise<WorkEvent[]> {
  const rows = await db
    .select({ id: sessions.id, type: sessions.type, startsAt: sessions.startsAt, organiserId: sessions.organiserId })
    .from(sessions)
    .where(
      and(
        eq(sessions.institutionId, options.institutionId),
        eq(sessions.status, 'planned'),
        gte(sessions.startsAt, options.from),
        lt(sessions.startsAt, options.to),
        sql`((${sessions.type} in ('community', 'classWide', 'oneOnOne', 'intervision') and ${sessions.organiserId} = ${options.coachId})
          or (${sessions.type} in ('coachTraining', 'intervision') and ${sessions.programmeId} = ${options.programmeId} and ${sessions.organiserId} is distinct from ${options.coachId}))`,
      ),
    );
  return rows.map((r) => ({ type: r.type as SessionType, sessionId: r.id, date: zonedParts(r.startsAt).date, led: r.organiserId === options.coachId }));
}

/** Approved extra work of these coaches with a date in the month. */
export async function approvedExtraWork(db: Db, coachIds: readonly string[], month: string): Promise<ExtraWorkRow[]> {
  if (coachIds.length === 0) return [];
  return db
    .select()
    .from(compensationExtraWork)
    .where(
      and(
        inArray(compensationExtraWork.coachPersonId, [...coachIds]),
        eq(compensationExtraWork.status, 'approved'),
        sql`to_char(${compensationExtraWork.workedOn}, 'YYYY-MM') = ${month}`,
      ),
    );
}

/** The intakes of these programmes in an academic year: their settings JSON (the September intake first). */
export async function intakesOf(db: Db, programmeIds: readonly string[]): Promise<(typeof intakes.$inferSelect)[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(intakes)
    .where(inArray(intakes.programmeId, [...programmeIds]))
    .orderBy(desc(intakes.academicYear), asc(intakes.month));
}

/** The statements of these coaches for one month. */
export async function statementsOfMonth(db: Db, coachIds: readonly string[], month: string): Promise<StatementRow[]> {
  if (coachIds.length === 0) return [];
  return db
    .select()
    .from(compensationStatements)
    .where(and(inArray(compensationStatements.coachPersonId, [...coachIds]), eq(compensationStatements.month, month)));
}

/**
 * Lines from these sources (`session:<id>`, `preparation:<id>`, `extra:<id>`) that stand on a
 * statement of another month: a session moved to another month after its first statement.
 */
export async function linesOnOtherMonths(
  db: Db,
  coachIds: readonly string[],
  sources: readonly string[],
  month: string,
): Promise<{ coachPersonId: string; source: string; month: string; status: string }[]> {
  if (coachIds.length === 0 || sources.length === 0) return [];
  return db
    .select({
      coachPersonId: compensationStatementLines.coachPersonId,
      source: compensationStatementLines.source,
      month: compensationStatements.month,
      status: compensationStatements.status,
    })
    .from(compensationStatementLines)
    .innerJoin(compensationStatements, eq(compensationStatements.id, compensationStatementLines.statementId))
    .where(
      and(
        sql`${compensationStatementLines.coachPersonId} = any(${sql.param([...coachIds])}::uuid[])`,
        sql`${compensationStatementLines.source} = any(${sql.param([...sources])}::text[])`,
        sql`${compensationStatements.month} <> ${month}`,
      ),
    );
}

/** Per coach, the allowance of their statements earlier in the same calendar year. */
export async function earlierThisYear(db: Db, coachIds: readonly string[], month: string): Promise<Map<string, number>> {
  if (coachIds.length === 0) return new Map();
  const rows = await db
    .select({ coachId: compensationStatements.coachPersonId, cents: sql<string>`coalesce(sum(${compensationStatements.totalCents}), 0)` })
    .from(compensationStatements)
    .where(
      and(
        inArray(compensationStatements.coachPersonId, [...coachIds]),
        gte(compensationStatements.month, `${month.slice(0, 4)}-01`),
        lt(compensationStatements.month, month),
        eq(compensationStatements.scheme, 'allowance'),
      ),
    )
    .groupBy(compensationStatements.coachPersonId);
  return new Map(rows.map((r) => [r.coachId, Number(r.cents)]));
}

/** One statement with its lines. */
export async function statementWithLines(db: Db, statementId: string): Promise<{ statement: StatementRow; lines: LineRow[] } | null> {
  const [statement] = await db.select().from(compensationStatements).where(eq(compensationStatements.id, statementId));
  if (!statement) return null;
  const lines = await db
    .select()
    .from(compensationStatementLines)
    .where(eq(compensationStatementLines.statementId, statementId))
    .orderBy(asc(compensationStatementLines.position));
  return { statement, lines };
}

/** A coach's statements, newest month first. */
export async function statementsOfCoach(db: Db, coachId: string): Promise<StatementRow[]> {
  return db.select().from(compensationStatements).where(eq(compensationStatements.coachPersonId, coachId)).orderBy(desc(compensationStatements.month));
}

/** Approved, allowance-scheme, unpaid statements of an institution. */
export async function payableStatements(db: Db, institutionId: string): Promise<StatementRow[]> {
  return db
    .select()
    .from(compensationStatements)
    .where(
      and(
        eq(compensationStatements.institutionId, institutionId),
        eq(compensationStatements.status, 'approved'),
        eq(compensationStatements.scheme, 'allowance'),
        isNull(compensationStatements.paidOn),
      ),
    )
    .orderBy(asc(compensationStatements.month), asc(compensationStatements.id));
}
