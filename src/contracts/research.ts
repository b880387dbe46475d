/** Requests and answers of research (issue 19): studies, decisions, pseudonymised exports. */
import { z } from 'zod';

const Localised = z.object({ nl: z.string(), en: z.string() });

export const ProposeStudyRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  question: z.string().trim().min(1).max(2000),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  programmeIds: z.array(z.uuid()).min(1).max(20),
  /** Variable ids from the catalogue; an unknown or unavailable one is refused by name. */
  variables: z.array(z.string().min(1).max(60)).min(1).max(40),
});
export type ProposeStudyRequest = z.infer<typeof ProposeStudyRequest>;

export const DecideStudyRequest = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  /** Required with a rejection: the researcher reads why. */
  note: z.string().trim().max(1000).default(''),
});
export type DecideStudyRequest = z.infer<typeof DecideStudyRequest>;

export const CatalogueVariable = z.object({
  id: z.string(),
  type: z.enum(['category', 'integer', 'number']),
  quasiIdentifier: z.boolean(),
  label: Localised,
  description: Localised,
  unavailable: Localised.nullable(),
});
export type CatalogueVariable = z.infer<typeof CatalogueVariable>;

export const ResearchCatalogueResponse = z.object({
  k: z.number().int(),
  variables: z.array(CatalogueVariable),
  programmes: z.array(z.object({ id: z.uuid(), name: Localised })),
});
export type ResearchCatalogueResponse = z.infer<typeof ResearchCatalogueResponse>;

export const StudyStatus = z.enum(['proposed', 'approved', 'rejected']);

export const StudyProgramme = z.object({
  id: z.uuid(),
  name: Localised,
  decision: z.enum(['approved', 'rejected']).nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Whether the person asking made this decision (never who else did). */
  decidedByMe: z.boolean(),
  note: z.string(),
});

export const StudySummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: StudyStatus,
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  programmes: z.array(StudyProgramme),
  proposedByMe: z.boolean(),
  /** The asker may decide on it now (a coordinator of one of its undecided programmes). */
  awaitingMyDecision: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StudySummary = z.infer<typeof StudySummary>;

export const StudiesResponse = z.object({ studies: z.array(StudySummary), canPropose: z.boolean() });
export type StudiesResponse = z.infer<typeof StudiesResponse>;

export const ExportLogEntry = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  expired: z.boolean(),
  via: z.enum(['app', 'cli']),
  rows: z.number().int(),
  k: z.number().int(),
  consenting: z.number().int(),
  suppressedRows: z.number().int(),
  suppressedCells: z.number().int(),
  consentVersion: z.number().int(),
  downloads: z.number().int(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntry>;

export const StudyResponse = StudySummary.extend({
  question: z.string(),
  variables: z.array(CatalogueVariable),
  exports: z.array(ExportLogEntry),
  /** People who withdrew the research consent since the last export (null before the first). */
  withdrawnSinceLastExport: z.number().int().nullable(),
  canDecide: z.boolean(),
  canExport: z.boolean(),
});
export type StudyResponse = z.infer<typeof StudyResponse>;

export const CreateExportResponse = z.object({
  export: ExportLogEntry,
  /** The secret download link: shown once, works 7 days, only for an onderzoeker of the study. */
  downloadUrl: z.string(),
});
export type CreateExportResponse = z.infer<typeof CreateExportResponse>;
