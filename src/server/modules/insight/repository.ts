/**
 * All SQL of the insight context: aggregates over communities, attendance, sessions and support of
 * one programme (optionally one intake) in a period. Every query counts in the database and
 * returns small rows; nothing here is suppressed yet (that is `build-dashboard.ts`, through the
 * domain's one suppression function). The group meetings counted are a community's sessions and
 * outings and, in a class-wide intake, the class's class-wide sessions (ADR 0027).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

export type Scope = { programmeId: string; intakeId: string | null; from: Date; to: Date; now: Date };

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** A moment as a timestamptz parameter (both drivers take the ISO text). */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The communities in scope: the programme's (or the intake's) communities. */
const scopeCommunities = (s: Scope) => sql`(
  select c.id from communities c join intakes i on i.id = c.intake_id
  where i.programme_id = ${s.programmeId}::uuid and (${s.intakeId}::uuid is null or i.id = ${s.intakeId}::uuid))`;

/** Until when "still" is measured: the end of the period, or now when that is earlier. */
const cutoff = (s: Scope) => (s.to < s.now ? s.to : s.now);

/** Communities with a member in the period, students (distinct members in the period), coaches who led one of them in the period. */
export type ReachRow = { communities: number; students: number; coaches: number };

export async function reach(db: Db, s: Scope): Promise<ReachRow> {
  const [row] = await rows<ReachRow>(
    db,
    sql`select
      (select count(distinct cm.community_id)::int from community_members cm
         where cm.community_id in ${scopeCommunities(s)} and cm.joined_on < ${ts(s.to)} and (cm.left_on is null or cm.left_on >= ${ts(s.from)})) as communities,
      (select count(distinct cm.person_id)::int from community_members cm
         where cm.community_id in ${scopeCommunities(s)} and cm.joined_on < ${ts(s.to)} and (cm.left_on is null or cm.left_on >= ${ts(s.from)})) as students,
      (select count(distinct p.coach_id)::int from community_coach_periods p
         where p.community_id in ${scopeCommunities(s)} and p.started_at < ${ts(s.to)} and (p.ended_at is null or p.ended_at >= ${ts(s.from)})) as coaches`,
  );
  return row!;
}

export type SessionMonthRow = { month: string; scheduled: number; cancelled: number; held: number };

/** Community sessions and outings per month (Europe/Amsterdam): scheduled, cancelled, held (past, with attendance marked). */
export async function sessionsPerMonth(db: Db, s: Scope): Promise<SessionMonthRow[]> {
  return rows<SessionMonthRow>(
    db,
    sql`select to_char(s.starts_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as month,
        count(*)::int as scheduled,
        (count(*) filter (where s.status = 'cancelled'))::int as cancelled,
        (count(*) filter (where s.status = 'planned' and s.starts_at < ${ts(s.now)} and exists (select 1 from attendance_marks am where am.session_id = s.id)))::int as held
      from sessions s
      where s.community_id in ${scopeCommunities(s)} and s.type in ('community', 'outing', 'classWide') and s.starts_at >= ${ts(s.from)} and s.starts_at < ${ts(s.to)}
      group by 1 order by 1`,
  );
}

export type AttendanceCellRow = { communityId: string; communityName: string; week: string; marks: number; attended: number; people: number };

/** Attendance per community and week (Monday, Europe/Amsterdam) of held community sessions: marks, present or late, distinct people marked. */
export async function attendanceByCommunityWeek(db: Db, s: Scope): Promise<AttendanceCellRow[]> {
  return rows<AttendanceCellRow>(
    db,
    sql`select c.id as "communityId", c.name as "communityName", a.week, a.marks, a.attended, a.people
      from (
        select s.community_id, to_char(date_trunc('week', s.starts_at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD') as week,
          count(*)::int as marks, (count(*) filter (where am.status in ('present', 'late')))::int as attended, count(distinct am.person_id)::int as people
        from attendance_marks am join sessions s on s.id = am.session_id
        where s.community_id in ${scopeCommunities(s)} and s.type in ('community', 'outing', 'classWide') and s.status = 'planned' and s.starts_at >= ${ts(s.from)} and s.starts_at < ${ts(s.to)}
        group by 1, 2
      ) a join communities c on c.id = a.community_id
      order by c.name, c.id, a.week`,
  );
}

export type AttendanceWeekRow = { week: string; marks: number; attended: number; people: number };

/** Attendance per week over all communities in scope (the trend). */
export async function attendanceByWeek(db: Db, s: Scope): Promise<AttendanceWeekRow[]> {
  return rows<AttendanceWeekRow>(
    db,
    sql`select to_char(date_trunc('week', s.starts_at at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD') as week,
        count(*)::int as marks, (count(*) filter (where am.status in ('present', 'late')))::int as attended, count(distinct am.person_id)::int as people
      from attendance_marks am join sessions s on s.id = am.session_id
      where s.community_id in ${scopeCommunities(s)} and s.type in ('community', 'outing', 'classWide') and s.status = 'planned' and s.starts_at >= ${ts(s.from)} and s.starts_at < ${ts(s.to)}
      group by 1 order by 1`,
  );
}

export type ThreeMissedRow = { communityId: string; communityName: string; personId: string; firstName: string; lastName: string; missed: number };

/**
 * Current members who missed their last three (or more) marked community sessions in a row, in
 * the period up to now: the same rule as the coach's home signal (unmarked sessions are skipped).
 */
export async function threeMissed(db: Db, s: Scope, minimum: number): Promise<ThreeMissedRow[]> {
  return rows<ThreeMissedRow>(
    db,
    sql`with m as (
        select s.community_id, am.person_id, am.status,
          sum(case when am.status in ('present', 'late') then 1 else 0 end) over (partition by s.community_id, am.person_id order by s.starts_at desc, s.id rows unbounded preceding) as attended_since
        from attendance_marks am join sessions s on s.id = am.session_id
        where s.community_id in ${scopeCommunities(s)} and s.type in ('community', 'outing', 'classWide') and s.status = 'planned'
          and s.starts_at >= ${ts(s.from)} and s.starts_at < ${ts(cutoff(s))}
      ), streak as (
        select community_id, person_id, count(*)::int as missed from m where attended_since = 0 group by 1, 2 having count(*) >= ${minimum}
      )
      select c.id as "communityId", c.name as "communityName", p.id as "personId", p.first_name as "firstName", p.last_name as "lastName", streak.missed
      from streak
      join community_members cm on cm.community_id = streak.community_id and cm.person_id = streak.person_id and cm.left_on is null
      join communities c on c.id = streak.community_id
      join people p on p.id = streak.person_id
      order by c.name, p.first_name, p.last_name, p.id`,
  );
}

export type ContinuityRow = { coachChanges: number; originalMembers: number; stillTakingPart: number };

/** Coach changes in the period; members placed at the start and how many of them still take part. */
export async function continuity(db: Db, s: Scope): Promise<ContinuityRow> {
  const until = cutoff(s);
  const [row] = await rows<ContinuityRow>(
    db,
    sql`with originals as (
        select distinct cm.person_id from community_members cm
        where cm.community_id in ${scopeCommunities(s)} and cm.joined_reason in ('initial', 'grouping') and cm.joined_on < ${ts(s.to)} and (cm.left_on is null or cm.left_on >= ${ts(s.from)})
      )
      select
        (select count(*)::int from community_coach_periods p where p.community_id in ${scopeCommunities(s)} and p.ended_at >= ${ts(s.from)} and p.ended_at < ${ts(s.to)}) as "coachChanges",
        (select count(*)::int from originals) as "originalMembers",
        (select count(*)::int from originals o where exists (
           select 1 from community_members cm where cm.person_id = o.person_id and cm.community_id in ${scopeCommunities(s)}
             and cm.joined_on <= ${ts(until)} and (cm.left_on is null or cm.left_on > ${ts(until)}))) as "stillTakingPart"`,
  );
  return row!;
}

export type CoachDropoutRow = { coaches: number; left: number };

/** Coaches who led a community in scope during the period, and how many of them left the programme by its end. */
export async function coachDropout(db: Db, s: Scope): Promise<CoachDropoutRow> {
  const [row] = await rows<CoachDropoutRow>(
    db,
    sql`with coaches as (
        select distinct p.coach_id from community_coach_periods p
        where p.community_id in ${scopeCommunities(s)} and p.started_at < ${ts(s.to)} and (p.ended_at is null or p.ended_at >= ${ts(s.from)})
      )
      select (select count(*)::int from coaches) as coaches,
        (select count(*)::int from coaches c join coach_profiles cp on cp.person_id = c.coach_id and cp.programme_id = ${s.programmeId}::uuid
           where cp.status = 'left' and cp.status_changed_at < ${ts(s.to)}) as left`,
  );
  return row!;
}

export type SupportRow = {
  signalsRaised: number;
  signalsOpen: number;
  referrals: number;
  followUpsAnswered: number;
  helped: number;
  partly: number;
  notHelped: number;
  unknown: number;
  referredPeople: number;
};

/**
 * Signals of the programme (raised in the period; open now — signals belong to the programme, not
 * to an intake) and referrals of coachees in scope made in the period with their follow-ups.
 */
export async function support(db: Db, s: Scope): Promise<SupportRow> {
  const [row] = await rows<SupportRow>(
    db,
    sql`with r as (
        select r.* from referrals r
        where r.programme_id = ${s.programmeId}::uuid and r.referred_on >= (${ts(s.from)} at time zone 'Europe/Amsterdam')::date and r.referred_on < (${ts(s.to)} at time zone 'Europe/Amsterdam')::date
          and (${s.intakeId}::uuid is null or exists (select 1 from community_members cm where cm.person_id = r.coachee_id and cm.community_id in ${scopeCommunities(s)}))
      )
      select
        (select count(*)::int from signals g where g.programme_id = ${s.programmeId}::uuid and g.created_at >= ${ts(s.from)} and g.created_at < ${ts(s.to)}) as "signalsRaised",
        (select count(*)::int from signals g where g.programme_id = ${s.programmeId}::uuid and g.status <> 'closed' and g.created_at < ${ts(s.to)}) as "signalsOpen",
        (select count(*)::int from r) as referrals,
        (select count(*)::int from r where r.follow_up_outcome is not null) as "followUpsAnswered",
        (select count(*)::int from r where r.follow_up_outcome = 'helped') as helped,
        (select count(*)::int from r where r.follow_up_outcome = 'partly') as partly,
        (select count(*)::int from r where r.follow_up_outcome = 'not_helped') as "notHelped",
        (select count(*)::int from r where r.follow_up_outcome = 'unknown') as unknown,
        (select count(distinct r.coachee_id)::int from r) as "referredPeople"`,
  );
  return row!;
}

export type ProgrammeRow = { id: string; nameNl: string; nameEn: string };

export async function programmeOf(db: Db, institutionId: string, programmeId: string): Promise<ProgrammeRow | null> {
  const [row] = await rows<ProgrammeRow>(db, sql`select id, name_nl as "nameNl", name_en as "nameEn" from programmes where id = ${programmeId}::uuid and institution_id = ${institutionId}::uuid`);
  return row ?? null;
}

export async function programmesOf(db: Db, institutionId: string): Promise<ProgrammeRow[]> {
  return rows<ProgrammeRow>(db, sql`select id, name_nl as "nameNl", name_en as "nameEn" from programmes where institution_id = ${institutionId}::uuid order by name_nl, id`);
}

export type IntakeRow = { id: string; academicYear: string; month: string };

export async function intakesOf(db: Db, programmeId: string): Promise<IntakeRow[]> {
  return rows<IntakeRow>(db, sql`select id, academic_year as "academicYear", month::text as month from intakes where programme_id = ${programmeId}::uuid order by academic_year desc, month`);
}

// --- The coordinator's weekly digest (#18 item 5) ---------------------------------------------

export type DigestRecipientRow = { personId: string; firstName: string; email: string; locale: string; institutionId: string; programmeId: string; nameNl: string; nameEn: string };

/**
 * Coordinators (of a programme, or of all programmes of their institution) with an active account,
 * who did not turn the digest off and have not had this week's digest yet, with each programme
 * they coordinate.
 */
export async function digestRecipients(db: Db, week: string): Promise<DigestRecipientRow[]> {
  return rows<DigestRecipientRow>(
    db,
    sql`select distinct p.id as "personId", p.first_name as "firstName", p.email, p.locale, p.institution_id as "institutionId",
        pr.id as "programmeId", pr.name_nl as "nameNl", pr.name_en as "nameEn"
      from role_assignments ra
      join people p on p.id = ra.person_id
      join programmes pr on pr.institution_id = ra.institution_id and (ra.programme_id is null or pr.id = ra.programme_id)
      left join mail_preferences mp on mp.person_id = p.id
      where ra.role = 'coordinator' and p.deactivated_at is null and coalesce(mp.weekly_digest, true)
        and not exists (select 1 from coordinator_digest_mails d where d.person_id = p.id and d.week = ${week}::date)
      order by p.id, pr.name_nl, pr.id`,
  );
}

export type DigestSignalRow = { communityName: string; signals: number };
export type DigestMomentRow = { moment: string; academicYear: string; month: string; closesOn: string; invited: number; answered: number };
export type DigestFigures = {
  /** New "three missed in a row" signals in the week (the coach was mailed), per community. */
  newSignals: DigestSignalRow[];
  /** The programme's signals that are not closed, now. */
  openSignals: number;
  /** Referrals whose follow-up date has passed without an answer yet. */
  followUpsDue: number;
  /** Questionnaire moments open today, with invited and finished (not yet suppressed). */
  openMoments: DigestMomentRow[];
  /** Community sessions and outings in the week: planned (not cancelled) and held (attendance marked). */
  sessions: { planned: number; held: number };
};

/** The figures of one programme's digest for the week [from, to); `today` is the Amsterdam date of the Monday. */
export async function digestFigures(db: Db, programmeId: string, week: { from: Date; to: Date; today: string }): Promise<DigestFigures> {
  const programmeCommunities = sql`(select c.id from communities c join intakes i on i.id = c.intake_id where i.programme_id = ${programmeId}::uuid)`;
  const [newSignals, [counts], openMoments, [sessions]] = await Promise.all([
    rows<DigestSignalRow>(
      db,
      sql`select c.name as "communityName", count(*)::int as signals
        from attendance_signal_mails m join communities c on c.id = m.community_id
        where m.community_id in ${programmeCommunities} and m.sent_at >= ${ts(week.from)} and m.sent_at < ${ts(week.to)}
        group by c.id, c.name order by c.name, c.id`,
    ),
    rows<{ openSignals: number; followUpsDue: number }>(
      db,
      sql`select
        (select count(*)::int from signals g where g.programme_id = ${programmeId}::uuid and g.status <> 'closed') as "openSignals",
        (select count(*)::int from referrals r where r.programme_id = ${programmeId}::uuid and r.follow_up_due_at < ${ts(week.to)} and r.follow_up_outcome is null) as "followUpsDue"`,
    ),
    rows<DigestMomentRow>(
      db,
      sql`select r.moment, i.academic_year as "academicYear", i.month::text as month, r.closes_on::text as "closesOn",
          count(v.id)::int as invited, count(v.responded_at)::int as answered
        from evaluation_rounds r join intakes i on i.id = r.intake_id
        left join evaluation_invitations v on v.round_id = r.id
        where i.programme_id = ${programmeId}::uuid and r.opens_on <= ${week.today}::date and r.closes_on >= ${week.today}::date
        group by r.id, r.moment, i.academic_year, i.month, r.closes_on
        order by i.academic_year, i.month, r.moment`,
    ),
    rows<{ planned: number; held: number }>(
      db,
      sql`select (count(*) filter (where s.status <> 'cancelled'))::int as planned,
          (count(*) filter (where s.status = 'planned' and exists (select 1 from attendance_marks am where am.session_id = s.id)))::int as held
        from sessions s
        where s.community_id in ${programmeCommunities} and s.type in ('community', 'outing', 'classWide') and s.starts_at >= ${ts(week.from)} and s.starts_at < ${ts(week.to)}`,
    ),
  ]);
  return { newSignals, openSignals: counts!.openSignals, followUpsDue: counts!.followUpsDue, openMoments, sessions: sessions! };
}
