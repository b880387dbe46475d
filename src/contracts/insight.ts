/**
 * Contracts of the programme's evidence (issue 18): the programme dashboard and the yearly impact
 * report. Every figure about people is already suppressed by the server: a null value means
 * "fewer than five people" and is shown as such everywhere (the app, the CSV, the PDF).
 */
import { z } from 'zod';

const Id = z.string().uuid();
const IsoDate = z.iso.date();
/** An academic year, e.g. 2026-2027. */
export const AcademicYear = z.string().regex(/^[0-9]{4}-[0-9]{4}$/);

export const DashboardQuery = z.strictObject({
  intakeId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const SECTION_IDS = ['reach', 'sessions', 'attendanceHeatmap', 'attendanceTrend', 'threeMissed', 'continuity', 'coachDropout', 'support', 'evaluation', 'compensation', 'participation'] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

/** How a column's numbers read: a count, a share 0–1, hours, euros (cents), or plain text. */
export const ColumnKind = z.enum(['text', 'count', 'share', 'hours', 'cents', 'mean']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const InsightTable = z.object({
  columns: z.array(z.object({ label: z.string(), kind: ColumnKind })),
  /** A null cell: suppressed (fewer than five people) or no figure. */
  rows: z.array(z.array(z.union([z.string(), z.number()]).nullable())),
});
export type InsightTable = z.infer<typeof InsightTable>;

export const InsightSection = z.object({
  id: SectionId,
  title: z.string(),
  /** One or two sentences that say what the figure shows, also the chart's text label. */
  summary: z.string(),
  /** The chart as an SVG document (rendered on the server), or null when the section has none. */
  chartSvg: z.string().nullable(),
  table: InsightTable,
});
export type InsightSection = z.infer<typeof InsightSection>;

export const DashboardResponse = z.object({
  programme: z.object({ id: Id, name: z.string() }),
  intakes: z.array(z.object({ id: Id, academicYear: z.string(), month: z.string() })),
  filter: z.object({ intakeId: Id.nullable(), from: IsoDate, to: IsoDate }),
  minCell: z.number().int(),
  /** Whether the lists that name people are included (the coordinator) or only counted. */
  includesPeople: z.boolean(),
  /** When the figures were computed (they may be up to a minute old). */
  computedAt: z.string(),
  sections: z.array(InsightSection),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

export const InsightProgrammesResponse = z.object({
  programmes: z.array(z.object({ id: Id, name: z.string(), canWriteReport: z.boolean() })),
});
export type InsightProgrammesResponse = z.infer<typeof InsightProgrammesResponse>;

export const ImpactReportTexts = z.strictObject({
  wentWell: z.string().max(4000),
  needed: z.string().max(4000),
});
export const SaveImpactReportTextsRequest = ImpactReportTexts.extend({ version: z.number().int().min(0).max(2_147_483_647) });
export type SaveImpactReportTextsRequest = z.infer<typeof SaveImpactReportTextsRequest>;

export const ImpactReportResponse = z.object({
  programme: z.object({ id: Id, name: z.string() }),
  academicYear: z.string(),
  previousYear: z.string(),
  canWrite: z.boolean(),
  texts: z.object({ wentWell: z.string(), needed: z.string(), version: z.number().int() }),
  /** This year's figures next to last year's (null: suppressed or no figure). */
  comparison: z.array(z.object({ label: z.string(), kind: ColumnKind, thisYear: z.number().nullable(), previousYear: z.number().nullable() })),
  /** The dashboard of the year: the same sections, charts and tables. */
  sections: z.array(InsightSection),
  evaluationHighlights: z.array(z.string()),
  roadmapFactors: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), evidence: z.string() })),
  coachReflections: z.array(z.string()),
  /**
   * The programme's Roadmap of the year (issue 22 item 5): the factors it works on with this
   * year's agreed status next to last year's, and the improvement plan's items with their status
   * (labels in the report's language; no owners). Null when the programme has no roadmap that year.
   */
  roadmap: z
    .object({
      hasLastYear: z.boolean(),
      factors: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), thisYear: z.string().nullable(), lastYear: z.string().nullable() })),
      plan: z.array(z.object({ id: z.string(), title: z.string(), factorNumber: z.number().int().nullable(), horizon: z.string(), dueDate: z.string(), status: z.string() })),
    })
    .nullable(),
});
export type ImpactReportResponse = z.infer<typeof ImpactReportResponse>;

/** A person's mail settings (#18 item 5): today the coordinator's weekly digest; `digestApplies` says whether the person gets one (a coordinator). */
export const MailSettingsResponse = z.object({ weeklyDigest: z.boolean(), digestApplies: z.boolean() });
export type MailSettingsResponse = z.infer<typeof MailSettingsResponse>;

export const SaveMailSettingsRequest = z.strictObject({ weeklyDigest: z.boolean() });
export type SaveMailSettingsRequest = z.infer<typeof SaveMailSettingsRequest>;
