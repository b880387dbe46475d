/**
 * Contract of `content/research-variables.json`: the variables a research study may ask for
 * (issue 19). Each says what it measures, its type, whether it is a quasi-identifier (it describes
 * a person's group or demographics, so the export is made k-anonymous on it) and, for a variable
 * the system cannot deliver, why not. Free text is never a variable.
 */
import { z } from 'zod';
import { checkUniqueIds, ContentVersion, LocalizedText } from './building-blocks';

/** The variables the export knows how to compute; the content file describes them. */
export const RESEARCH_VARIABLE_IDS = [
  'programme',
  'intake',
  'class',
  'community',
  'ageBand',
  'gender',
  'priorEducation',
  'sessionsAttended',
  'attendanceRate',
  'coachChanges',
  'communityMoves',
  'checkinCount',
  'checkinMean',
  'resilienceChallenges',
  'resilienceResources',
  'evaluationAnswers',
] as const;
export const ResearchVariableId = z.enum(RESEARCH_VARIABLE_IDS);
export type ResearchVariableId = z.infer<typeof ResearchVariableId>;

export const ResearchVariable = z.strictObject({
  id: ResearchVariableId,
  /** category: a code with value labels; integer: a count; number: a decimal (dot). */
  type: z.enum(['category', 'integer', 'number']),
  quasiIdentifier: z.boolean(),
  label: LocalizedText,
  description: LocalizedText,
  /** Present when the system cannot deliver this variable: it cannot be chosen, and this says why. */
  unavailable: LocalizedText.optional(),
});
export type ResearchVariable = z.infer<typeof ResearchVariable>;

export const ResearchVariablesFile = z
  .strictObject({
    version: ContentVersion,
    /** The smallest group of identical quasi-identifiers an export may contain. */
    k: z.number().int().min(5),
    variables: z.array(ResearchVariable).min(1),
  })
  .superRefine((file, ctx) => checkUniqueIds(file.variables, ['variables'], ctx, 'variable'));
export type ResearchVariablesFile = z.infer<typeof ResearchVariablesFile>;
