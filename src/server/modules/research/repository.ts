/** All SQL of research: studies, their programmes' decisions, the export log, and the export's read model. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes, programmes, researchExports, researchStudies, researchStudyProgrammes } from '../../db/schema';

export type StudyRow = typeof researchStudies.$inferSelect;
export type StudyProgrammeRow = typeof researchStudyProgrammes.$inferSelect & { nameNl: string; nameEn: string };
export type ExportRow = Omit<typeof researchExports.$inferSelect, 'fileSealed'>;

/** One person of a study's population, with the facts the variables are computed from. */
export type PopulationRow = {
  personId: string;
  programmeId: string;
  academicYear: string | null;
  intakeMonth: string | null;
  classCode: string | null;
  communityId: string | null;
  sessionsMarked: number;
  sessionsAttended: number;
  coachChanges: number;
  communityMoves: number;
  checkinCount: number;
  checkinMean: number | null;
  resilienceChallenges: number | null;
  resilienceResources: number | null;
};

/** One closed answer of a confidential questionnaire (never a text answer; never the anonymous mode). */
export type EvaluationAnswerRow = { personId: string; moment: 'T0' | 'T1' | 'T2'; questionKey: string; scaleValue: number | null; choiceValues: string[] | null };

const exportColumns = {
  id: researchExports.id,
  studyId: researchExports.studyId,
  createdBy: researchExports.createdBy,
  via: researchExports.via,
  tokenDigest: researchExports.tokenDigest,
  expiresAt: researchExports.expiresAt,
  rows: researchExports.rows,
  k: researchExports.k,
  consenting: researchExports.consenting,
  suppressedRows: researchExports.suppressedRows,
  suppressedCells: researchExports.suppressedCells,
  consentVersion: researchExports.consentVersion,
  downloads: researchExports.downloads,
  createdAt: researchExports.createdAt,
};

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []));

export const researchRepository = (db: Db) => ({
  async programmesOf(institutionId: string) {
    return db.select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(eq(programmes.institutionId, institutionId)).orderBy(asc(programmes.nameNl));
  },

  async insertStudy(values: typeof researchStudies.$inferInsert, programmeIds: readonly string[]): Promise<StudyRow> {
    return db.transaction(async (tx) => {
      const [study] = await tx.insert(researchStudies).values(values).returning();
      await tx.insert(researchStudyProgrammes).values(programmeIds.map((programmeId) => ({ studyId: study!.id, programmeId })));
      return study!;
    });
  },

  async study(institutionId: string, studyId: string): Promise<StudyRow | undefined> {
    const [row] = await db.select().from(researchStudies).where(and(eq(researchStudies.id, studyId), eq(researchStudies.institutionId, institutionId)));
    return row;
  },

  async studies(institutionId: string): Promise<StudyRow[]> {
    return db.select().from(researchStudies).where(eq(researchStudies.institutionId, institutionId)).orderBy(desc(researchStudies.createdAt), asc(researchStudies.id));
  },

  async approvedStudies(institutionId?: string): Promise<StudyRow[]> {
    return db
      .select()
      .from(researchStudies)
      .where(and(eq(researchStudies.status, 'approved'), institutionId ? eq(researchStudies.institutionId, institutionId) : undefined))
      .orderBy(asc(researchStudies.createdAt), asc(researchStudies.id));
  },

  async programmesOfStudies(studyIds: readonly string[]): Promise<StudyProgrammeRow[]> {
    if (studyIds.length === 0) return [];
    return db
      .select({ studyId: researchStudyProgrammes.studyId, programmeId: researchStudyProgrammes.programmeId, decision: researchStudyProgrammes.decision, decidedBy: researchStudyProgrammes.decidedBy, decidedAt: researchStudyProgrammes.decidedAt, note: researchStudyProgrammes.note, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
      .from(researchStudyProgrammes)
      .innerJoin(programmes, eq(programmes.id, researchStudyProgrammes.programmeId))
      .where(inArray(researchStudyProgrammes.studyId, [...studyIds]))
      .orderBy(asc(programmes.nameNl), asc(programmes.id));
  },

  /**
   * Records one coordinator's decision on their undecided programmes of a study, and settles the
   * study's status, in one transaction. Only undecided programmes change: a second decision finds
   * none and answers how many it decided (0 → 409 in the use case).
   */
  async decide(studyId: string, programmeIds: readonly string[], decision: 'approved' | 'rejected', deciderId: string, note: string, at: Date): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select id from research_studies where id = ${studyId} for update`);
      const [study] = await tx.select({ status: researchStudies.status }).from(researchStudies).where(eq(researchStudies.id, studyId));
      if (study?.status !== 'proposed') return 0;
      const decided = await tx
        .update(researchStudyProgrammes)
        .set({ decision, decidedBy: deciderId, decidedAt: at, note })
        .where(and(eq(researchStudyProgrammes.studyId, studyId), inArray(researchStudyProgrammes.programmeId, [...programmeIds]), isNull(researchStudyProgrammes.decision)))
        .returning({ programmeId: researchStudyProgrammes.programmeId });
      if (decided.length === 0) return 0;
      const all = await tx.select({ decision: researchStudyProgrammes.decision }).from(researchStudyProgrammes).where(eq(researchStudyProgrammes.studyId, studyId));
      const status = all.some((p) => p.decision === 'rejected') ? 'rejected' : all.every((p) => p.decision === 'approved') ? 'approved' : 'proposed';
      if (status !== 'proposed') await tx.update(researchStudies).set({ status }).where(eq(researchStudies.id, studyId));
      return decided.length;
    });
  },

  async exportsOf(studyId: string): Promise<ExportRow[]> {
    return db.select(exportColumns).from(researchExports).where(eq(researchExports.studyId, studyId)).orderBy(desc(researchExports.createdAt), desc(researchExports.id));
  },

  async insertExport(values: typeof researchExports.$inferInsert): Promise<ExportRow> {
    const [row] = await db.insert(researchExports).values(values).returning(exportColumns);
    return row!;
  },

  async exportByDigest(tokenDigest: string): Promise<(ExportRow & { fileSealed: Buffer | null; institutionId: string }) | undefined> {
    const [row] = await db
      .select({ ...exportColumns, fileSealed: researchExports.fileSealed, institutionId: researchStudies.institutionId })
      .from(researchExports)
      .innerJoin(researchStudies, eq(researchStudies.id, researchExports.studyId))
      .where(eq(researchExports.tokenDigest, tokenDigest));
    return row;
  },

  async countDownload(exportId: string) {
    await db.update(researchExports).set({ downloads: sql`${researchExports.downloads} + 1` }).where(eq(researchExports.id, exportId));
  },

  /** Retention: an export's file goes when its link expires; the log row stays with the study. */
  async purgeExpiredFiles(now: Date): Promise<number> {
    const purged = await db.update(researchExports).set({ fileSealed: null }).where(and(lt(researchExports.expiresAt, now), sql`${researchExports.fileSealed} is not null`)).returning({ id: researchExports.id });
    return purged.length;
  },

  /**
   * People of the study's programmes (a coachee role there) who withdrew the research consent
   * after `since` and have not granted it again: a count, never who.
   */
  async withdrawnSince(institutionId: string, programmeIds: readonly string[], since: Date): Promise<number> {
    const result = await db.execute(sql`
      with latest as (
        select distinct on (ce.person_id) ce.person_id, ce.event, ce.at
        from consent_events ce
        where ce.institution_id = ${institutionId} and ce.consent_id = 'research-use'
        order by ce.person_id, ce.at desc, ce.id
      )
      select count(*)::int as n from latest
      where latest.event = 'withdraw' and latest.at > ${since.toISOString()}::timestamptz
        and exists (select 1 from role_assignments ra where ra.person_id = latest.person_id and ra.role = 'coachee' and ra.programme_id in (${sql.join(programmeIds.map((id) => sql`${id}::uuid`), sql`, `)}))`);
    return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
  },

  /**
   * The closed answers (scale or choice; text answers are never selected) the given people gave in
   * a confidential questionnaire of one of the programmes' intakes, in rounds that overlap the
   * period, oldest round first (a later round of the same moment wins). Anonymous-mode answers
   * hold no link to a person and are never part of this.
   */
  async evaluationAnswers(personIds: readonly string[], programmeIds: readonly string[], periodStart: string, periodEnd: string): Promise<EvaluationAnswerRow[]> {
    if (personIds.length === 0 || programmeIds.length === 0) return [];
    const rows = await db
      .select({ personId: evaluationInvitations.personId, moment: evaluationRounds.moment, questionKey: evaluationLinkedAnswers.questionKey, scaleValue: evaluationLinkedAnswers.scaleValue, choiceValues: evaluationLinkedAnswers.choiceValues })
      .from(evaluationLinkedAnswers)
      .innerJoin(evaluationInvitations, eq(evaluationInvitations.id, evaluationLinkedAnswers.invitationId))
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationInvitations.roundId))
      .innerJoin(intakes, eq(intakes.id, evaluationRounds.intakeId))
      .where(
        and(
          eq(evaluationRounds.mode, 'confidential'),
          eq(evaluationInvitations.questionSet, 'coachee'),
          inArray(intakes.programmeId, [...programmeIds]),
          inArray(evaluationInvitations.personId, [...personIds]),
          lte(evaluationRounds.opensOn, periodEnd),
          gte(evaluationRounds.closesOn, periodStart),
          sql`(${evaluationLinkedAnswers.scaleValue} is not null or ${evaluationLinkedAnswers.choiceValues} is not null)`,
        ),
      )
      .orderBy(asc(evaluationRounds.openedAt), asc(evaluationRounds.id));
    return rows;
  },

  /**
   * The study's population: everyone with a coachee role in one of its programmes, with the facts
   * its variables are computed from, for the period (dates in Europe/Amsterdam). Read-only SQL over
   * the programme, sessions, consent and resilience tables: the export is a read model, like
   * `modules/relations` (ADR 0017). No name, e-mail or student number is selected.
   */
  async population(institutionId: string, programmeIds: readonly string[], periodStart: string, periodEnd: string): Promise<PopulationRow[]> {
    const ids = sql.join(programmeIds.map((id) => sql`${id}::uuid`), sql`, `);
    const inPeriod = (column: string) => sql.raw(`(${column} at time zone 'Europe/Amsterdam')::date`);
    const result = await db.execute(sql`
      with pop as (
        select distinct on (ra.person_id) ra.person_id, ra.programme_id
        from role_assignments ra join people p on p.id = ra.person_id
        where ra.role = 'coachee' and ra.institution_id = ${institutionId} and ra.programme_id in (${ids})
        order by ra.person_id, ra.programme_id
      ),
      membership as (
        select distinct on (cm.person_id, i.programme_id) cm.person_id, i.programme_id, cm.community_id, i.academic_year, i.month::text as month
        from community_members cm join communities c on c.id = cm.community_id join intakes i on i.id = c.intake_id
        where ${inPeriod('cm.joined_on')} <= ${periodEnd}::date
        order by cm.person_id, i.programme_id, cm.joined_on desc, cm.id
      ),
      klass as (
        select distinct on (mem.person_id, i.programme_id) mem.person_id, i.programme_id, cl.code, i.academic_year, i.month::text as month
        from class_members mem join classes cl on cl.id = mem.class_id join intakes i on i.id = cl.intake_id
        order by mem.person_id, i.programme_id, i.academic_year desc, cl.code
      )
      select pop.person_id as "personId", pop.programme_id as "programmeId",
        coalesce(membership.academic_year, klass.academic_year) as "academicYear",
        coalesce(membership.month, klass.month) as "intakeMonth",
        klass.code as "classCode",
        membership.community_id as "communityId",
        (select count(*)::int from attendance_marks am join sessions s on s.id = am.session_id
          where am.person_id = pop.person_id and s.type = 'community' and s.status = 'planned' and s.programme_id in (${ids})
            and ${inPeriod('s.starts_at')} between ${periodStart}::date and ${periodEnd}::date) as "sessionsMarked",
        (select count(*)::int from attendance_marks am join sessions s on s.id = am.session_id
          where am.person_id = pop.person_id and am.status in ('present', 'late') and s.type = 'community' and s.status = 'planned' and s.programme_id in (${ids})
            and ${inPeriod('s.starts_at')} between ${periodStart}::date and ${periodEnd}::date) as "sessionsAttended",
        (select count(*)::int from community_coach_periods cp
          where cp.community_id in (select cm2.community_id from community_members cm2 where cm2.person_id = pop.person_id)
            and ${inPeriod('cp.started_at')} between ${periodStart}::date and ${periodEnd}::date
            and exists (select 1 from community_coach_periods earlier where earlier.community_id = cp.community_id and earlier.started_at < cp.started_at)) as "coachChanges",
        (select count(*)::int from community_members cm3
          where cm3.person_id = pop.person_id and cm3.joined_reason in ('moved', 'handover')
            and ${inPeriod('cm3.joined_on')} between ${periodStart}::date and ${periodEnd}::date) as "communityMoves",
        (select count(*)::int from checkins ch where ch.person_id = pop.person_id and ${inPeriod('ch.created_at')} between ${periodStart}::date and ${periodEnd}::date) as "checkinCount",
        (select avg(ch.score)::float8 from checkins ch where ch.person_id = pop.person_id and ${inPeriod('ch.created_at')} between ${periodStart}::date and ${periodEnd}::date) as "checkinMean",
        (select jsonb_array_length(coalesce(rm.content->'challenges', '[]'::jsonb)) from resilience_maps rm where rm.owner_id = pop.person_id) as "resilienceChallenges",
        (select jsonb_array_length(coalesce(rm.content->'resources', '[]'::jsonb)) from resilience_maps rm where rm.owner_id = pop.person_id) as "resilienceResources"
      from pop
      left join membership on membership.person_id = pop.person_id and membership.programme_id = pop.programme_id
      left join klass on klass.person_id = pop.person_id and klass.programme_id = pop.programme_id
      order by pop.person_id`);
    return rowsOf<PopulationRow>(result).map((r) => ({ ...r, checkinMean: r.checkinMean === null ? null : Number(r.checkinMean) }));
  },
});
