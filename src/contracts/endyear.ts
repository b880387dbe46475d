/** The coach's end-of-year report ("kort eindverslag", issue 18 item 4) and the coordinator's overview of who submitted. */
import { z } from 'zod';

export const AcademicYear = z.string().regex(/^[0-9]{4}-[0-9]{4}$/);

/** The coach's own figures of the year, counted from what happened (never names). */
export const YearReportFigures = z.object({
  /** Communities the coach led (a coach period) in the programme's intakes of the year. */
  communitiesLed: z.number().int(),
  /** Community sessions they organised that were due by now (not cancelled). */
  sessionsPlanned: z.number().int(),
  /** Of those, the ones held (attendance taken). */
  sessionsHeld: z.number().int(),
  /** Present or late marks as a percentage of all marks of the held sessions; null without marks. */
  attendancePercent: z.number().int().nullable(),
  /** One-on-ones they held (over, not cancelled, the coachee not marked absent). */
  oneOnOnesHeld: z.number().int(),
  /** Referrals they made (a count only). */
  referrals: z.number().int(),
  /** Coach trainings and intervisions they attended (present or late, or led an intervision). */
  trainingsAttended: z.number().int(),
  /** Hours of their compensation statements in the year; null when the programme has no compensation for them. */
  hours: z.number().nullable(),
});
export type YearReportFigures = z.infer<typeof YearReportFigures>;

export const YearReportTraining = z.object({ date: z.string(), type: z.enum(['coachTraining', 'intervision']), title: z.string() });

export const YearReportQuestionView = z.object({ id: z.string(), label: z.string(), help: z.string(), maxLength: z.number().int(), quotable: z.boolean() });

export const YearReportResponse = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  academicYear: z.string(),
  opensOn: z.string(),
  yearEnds: z.string(),
  open: z.boolean(),
  title: z.string(),
  intro: z.string(),
  figures: YearReportFigures,
  trainings: z.array(YearReportTraining),
  questions: z.array(YearReportQuestionView),
  answers: z.record(z.string(), z.string()),
  submittedAt: z.string().nullable(),
  quoteConsent: z.boolean(),
});
export type YearReportResponse = z.infer<typeof YearReportResponse>;

export const SaveYearReportAnswerRequest = z.strictObject({ text: z.string().max(20_000) });
export const SaveYearReportAnswerResponse = z.object({ savedAt: z.string() });

export const SubmitYearReportRequest = z.strictObject({ quoteConsent: z.boolean() });
export const SetYearReportConsentRequest = z.strictObject({ quoteConsent: z.boolean() });

/** The signed-in coach's reports: one per programme and academic year they coached in. */
export const MyYearReportsResponse = z.object({
  reports: z.array(
    z.object({
      programmeId: z.uuid(),
      programmeName: z.string(),
      academicYear: z.string(),
      opensOn: z.string(),
      open: z.boolean(),
      /** The home asks for it now. */
      taskDue: z.boolean(),
      status: z.enum(['notStarted', 'draft', 'submitted']),
    }),
  ),
});
export type MyYearReportsResponse = z.infer<typeof MyYearReportsResponse>;

/** Who submitted (programme administration, never the text): counts and the names of those still to do. */
export const YearReportStatusResponse = z.object({
  academicYear: z.string(),
  coaches: z.number().int(),
  submitted: z.number().int(),
  quoteConsents: z.number().int(),
  stillToDo: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type YearReportStatusResponse = z.infer<typeof YearReportStatusResponse>;
