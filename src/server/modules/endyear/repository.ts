/**
 * All SQL of the end-of-year report: the coach's intakes and figures of a programme's academic
 * year (counted in the database from what happened), and the report row itself.
 */
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { coachYearReports, intakes, people, programmes } from '../../db/schema';

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export type IntakeRow = { id: string; academicYear: string; month: 'september' | 'february'; settings: unknown };

/** The communities of a programme's intakes of one academic year. */
const yearCommunities = (programmeId: string, academicYear: string) => sql`(
  select c.id from communities c join intakes i on i.id = c.intake_id
  where i.programme_id = ${programmeId}::uuid and i.academic_year = ${academicYear})`;

/** The programme (of the institution) with its names, or null. */
export async function programmeOf(db: Db, institutionId: string, programmeId: string) {
  const [row] = await db
    .select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.institutionId, institutionId)));
  return row ?? null;
}

/** The programme's intakes of the year in which the coach led a community (a coach period). */
export async function coachedIntakes(db: Db, coachId: string, programmeId: string, academicYear: string): Promise<IntakeRow[]> {
  return rows<IntakeRow>(
    db,
    sql`select distinct i.id, i.academic_year as "academicYear", i.month, i.settings from intakes i
      join communities c on c.intake_id = i.id
      join community_coach_periods p on p.community_id = c.id
      where p.coach_id = ${coachId}::uuid and i.programme_id = ${programmeId}::uuid and i.academic_year = ${academicYear}`,
  );
}

/** All intakes of a programme's year (a senior coach's report spans them). */
export async function programmeIntakes(db: Db, programmeId: string, academicYear: string): Promise<IntakeRow[]> {
  return db
    .select({ id: intakes.id, academicYear: intakes.academicYear, month: intakes.month, settings: intakes.settings })
    .from(intakes)
    .where(and(eq(intakes.programmeId, programmeId), eq(intakes.academicYear, academicYear)));
}

/** Every (programme, academic year) in which the person led a community, with the programme's names. */
export async function coachedYears(db: Db, coachId: string): Promise<{ programmeId: string; academicYear: string }[]> {
  return rows(
    db,
    sql`select distinct i.programme_id as "programmeId", i.academic_year as "academicYear" from intakes i
      join communities c on c.intake_id = i.id
      join community_coach_periods p on p.community_id = c.id
      where p.coach_id = ${coachId}::uuid`,
  );
}

/** Every academic year with an intake, of these programmes. */
export async function programmeYears(db: Db, programmeIds: readonly string[]): Promise<{ programmeId: string; academicYear: string }[]> {
  if (programmeIds.length === 0) return [];
  return rows(
    db,
    sql`select distinct i.programme_id as "programmeId", i.academic_year as "academicYear" from intakes i
      where i.programme_id in (${sql.join(
        programmeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
}

export type FigureRow = {
  communitiesLed: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  marks: number;
  attended: number;
  oneOnOnesHeld: number;
  referrals: number;
  trainingsAttended: number;
  statements: number;
  minutes: number;
};

/**
 * A coach's figures of a programme's academic year, up to `now`: communities led, community
 * sessions due and held (attendance taken) and their marks, one-on-ones held (as compensation
 * counts them), referrals made, trainings and intervisions attended (or an intervision led), and
 * the minutes of their compensation statements of the year's months.
 */
export async function coachFigures(db: Db, o: { coachId: string; programmeId: string; academicYear: string; from: Date; to: Date; fromDate: string; toDate: string; now: Date }): Promise<FigureRow> {
  const coach = sql`${o.coachId}::uuid`;
  const programme = sql`${o.programmeId}::uuid`;
  const cs = yearCommunities(o.programmeId, o.academicYear);
  const held = sql`exists (select 1 from attendance_marks am where am.session_id = s.id)`;
  const firstMonth = `${o.academicYear.slice(0, 4)}-09`;
  const lastMonth = `${o.academicYear.slice(5, 9)}-08`;
  const [row] = await rows<FigureRow>(
    db,
    sql`select
      (select count(distinct p.community_id)::int from community_coach_periods p where p.coach_id = ${coach} and p.community_id in ${cs}) as "communitiesLed",
      (select count(*)::int from sessions s where s.type = 'community' and s.organiser_id = ${coach} and s.community_id in ${cs}
         and s.status = 'planned' and s.starts_at < ${ts(o.now)}) as "sessionsPlanned",
      (select count(*)::int from sessions s where s.type = 'community' and s.organiser_id = ${coach} and s.community_id in ${cs}
         and s.status = 'planned' and s.starts_at < ${ts(o.now)} and ${held}) as "sessionsHeld",
      (select count(*)::int from attendance_marks am join sessions s on s.id = am.session_id
         where s.type = 'community' and s.organiser_id = ${coach} and s.community_id in ${cs} and s.status = 'planned' and s.starts_at < ${ts(o.now)}) as marks,
      (select count(*)::int from attendance_marks am join sessions s on s.id = am.session_id
         where s.type = 'community' and s.organiser_id = ${coach} and s.community_id in ${cs} and s.status = 'planned' and s.starts_at < ${ts(o.now)}
         and am.status in ('present', 'late')) as attended,
      (select count(*)::int from sessions s where s.type = 'oneOnOne' and s.organiser_id = ${coach} and s.programme_id = ${programme}
         and s.status = 'planned' and s.starts_at >= ${ts(o.from)} and s.starts_at < ${ts(o.to)} and s.ends_at <= ${ts(o.now)}
         and not exists (select 1 from attendance_marks am where am.session_id = s.id and am.status in ('absent', 'absentWithNotice'))) as "oneOnOnesHeld",
      (select count(*)::int from referrals r where r.coach_id = ${coach} and r.programme_id = ${programme}
         and r.referred_on >= ${o.fromDate}::date and r.referred_on <= ${o.toDate}::date) as referrals,
      (select count(*)::int from sessions s where s.type in ('coachTraining', 'intervision') and s.programme_id = ${programme}
         and s.status = 'planned' and s.starts_at >= ${ts(o.from)} and s.starts_at < ${ts(o.to)} and s.ends_at <= ${ts(o.now)}
         and (exists (select 1 from attendance_marks am where am.session_id = s.id and am.person_id = ${coach} and am.status in ('present', 'late'))
           or (s.type = 'intervision' and s.organiser_id = ${coach} and ${held}))) as "trainingsAttended",
      (select count(*)::int from compensation_statements cs where cs.coach_person_id = ${coach} and cs.programme_id = ${programme}
         and cs.month >= ${firstMonth} and cs.month <= ${lastMonth}) as statements,
      (select coalesce(sum(cs.total_minutes), 0)::int from compensation_statements cs where cs.coach_person_id = ${coach} and cs.programme_id = ${programme}
         and cs.month >= ${firstMonth} and cs.month <= ${lastMonth}) as minutes`,
  );
  return row!;
}

/** The coach trainings and intervisions of the year the coach attended (or led), oldest first. */
export async function coachTrainings(db: Db, o: { coachId: string; programmeId: string; from: Date; to: Date; now: Date }) {
  const coach = sql`${o.coachId}::uuid`;
  return rows<{ startsAt: string | Date; type: 'coachTraining' | 'intervision'; title: string }>(
    db,
    sql`select s.starts_at as "startsAt", s.type, s.title from sessions s where s.type in ('coachTraining', 'intervision') and s.programme_id = ${o.programmeId}::uuid
      and s.status = 'planned' and s.starts_at >= ${ts(o.from)} and s.starts_at < ${ts(o.to)} and s.ends_at <= ${ts(o.now)}
      and (exists (select 1 from attendance_marks am where am.session_id = s.id and am.person_id = ${coach} and am.status in ('present', 'late'))
        or (s.type = 'intervision' and s.organiser_id = ${coach} and exists (select 1 from attendance_marks am where am.session_id = s.id)))
      order by s.starts_at`,
  );
}

export type ReportRow = typeof coachYearReports.$inferSelect;

/** The person's report of a programme's year, or null. */
export async function reportOf(db: Db, personId: string, programmeId: string, academicYear: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(coachYearReports)
    .where(and(eq(coachYearReports.personId, personId), eq(coachYearReports.programmeId, programmeId), eq(coachYearReports.academicYear, academicYear)));
  return row ?? null;
}

/** The person's reports (status per programme and year). */
export async function reportsOf(db: Db, personId: string) {
  return db
    .select({ programmeId: coachYearReports.programmeId, academicYear: coachYearReports.academicYear, submittedAt: coachYearReports.submittedAt })
    .from(coachYearReports)
    .where(eq(coachYearReports.personId, personId));
}

/**
 * Stores one answer (creating the report on the first), in one statement so two saves of
 * different questions both land; nothing when the report is submitted already (null then).
 */
export async function saveAnswer(db: Db, o: { personId: string; programmeId: string; academicYear: string; key: string; text: string; contentVersion: number; now: Date }): Promise<{ updatedAt: Date } | null> {
  const answer = sql`jsonb_build_object(${o.key}::text, ${o.text}::text)`;
  const [row] = await db
    .insert(coachYearReports)
    .values({ personId: o.personId, programmeId: o.programmeId, academicYear: o.academicYear, answers: sql`${answer}`, contentVersion: o.contentVersion, updatedAt: o.now })
    .onConflictDoUpdate({
      target: [coachYearReports.personId, coachYearReports.programmeId, coachYearReports.academicYear],
      set: {
        answers: sql`${coachYearReports.answers} || ${answer}`,
        contentVersion: o.contentVersion,
        version: sql`${coachYearReports.version} + 1`,
        updatedAt: o.now,
      },
      setWhere: isNull(coachYearReports.submittedAt),
    })
    .returning({ updatedAt: coachYearReports.updatedAt });
  return row ?? null;
}

/** Marks the report submitted with the coach's consent choice; false when it was submitted already (or is missing). */
export async function submitReport(db: Db, o: { personId: string; programmeId: string; academicYear: string; quoteConsent: boolean; now: Date }): Promise<boolean> {
  const done = await db
    .update(coachYearReports)
    .set({ submittedAt: o.now, quoteConsent: o.quoteConsent, quoteConsentAt: o.quoteConsent ? o.now : null, version: sql`${coachYearReports.version} + 1`, updatedAt: o.now })
    .where(
      and(
        eq(coachYearReports.personId, o.personId),
        eq(coachYearReports.programmeId, o.programmeId),
        eq(coachYearReports.academicYear, o.academicYear),
        isNull(coachYearReports.submittedAt),
      ),
    )
    .returning({ id: coachYearReports.id });
  return done.length > 0;
}

/** Gives or withdraws the quoting consent of a submitted report; false when there is none. */
export async function setConsent(db: Db, o: { personId: string; programmeId: string; academicYear: string; quoteConsent: boolean; now: Date }): Promise<boolean> {
  const done = await db
    .update(coachYearReports)
    .set({ quoteConsent: o.quoteConsent, quoteConsentAt: o.quoteConsent ? o.now : null, version: sql`${coachYearReports.version} + 1`, updatedAt: o.now })
    .where(
      and(
        eq(coachYearReports.personId, o.personId),
        eq(coachYearReports.programmeId, o.programmeId),
        eq(coachYearReports.academicYear, o.academicYear),
        isNotNull(coachYearReports.submittedAt),
      ),
    )
    .returning({ id: coachYearReports.id });
  return done.length > 0;
}

/** The answers of the submitted reports of a programme's year whose coach agreed to be quoted. */
export async function consentedAnswers(db: Db, programmeId: string, academicYear: string): Promise<Record<string, string>[]> {
  const found = await db
    .select({ answers: coachYearReports.answers })
    .from(coachYearReports)
    .where(
      and(
        eq(coachYearReports.programmeId, programmeId),
        eq(coachYearReports.academicYear, academicYear),
        isNotNull(coachYearReports.submittedAt),
        eq(coachYearReports.quoteConsent, true),
      ),
    );
  return found.map((r) => r.answers);
}

/** The coaches of a programme's year (led a community in one of its intakes) with their report's state. */
export async function yearCoaches(db: Db, programmeId: string, academicYear: string) {
  return rows<{ id: string; firstName: string; lastName: string; submitted: boolean; quoteConsent: boolean }>(
    db,
    sql`select pe.id, pe.first_name as "firstName", pe.last_name as "lastName",
        coalesce(r.submitted_at is not null, false) as submitted, coalesce(r.submitted_at is not null and r.quote_consent, false) as "quoteConsent"
      from people pe
      left join coach_year_reports r on r.person_id = pe.id and r.programme_id = ${programmeId}::uuid and r.academic_year = ${academicYear}
      where pe.id in (select p.coach_id from community_coach_periods p where p.community_id in ${yearCommunities(programmeId, academicYear)})
      order by pe.last_name, pe.first_name`,
  );
}

/** The person's name and language (the portfolio). */
export async function personOf(db: Db, personId: string) {
  const [row] = await db.select({ firstName: people.firstName, lastName: people.lastName, locale: people.locale }).from(people).where(eq(people.id, personId));
  return row ?? null;
}
