/** Programme structure, intake settings, student import and the coach lifecycle. */
import { z } from 'zod';
import { APPLICATION_STATUSES, COACH_STATUSES } from '../domain/programme/coach-lifecycle';
import { AcademicYear, IntakeSettings } from '../domain/programme/intake-settings';
import { STUDENT_FIELDS } from '../domain/programme/student-rows';
import { Email } from './identity';
import { ModeChangeConfirmation } from './participation';
import { FormatChangeConfirmation } from './caseloads';

export { IntakeSettings };
const Id = z.string().uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);
/** yyyy-mm-dd */
/** A calendar date that exists (2026-02-30 does not: the database would refuse it with a 500). */
export const IsoDate = z.iso.date();
const Month = z.enum(['september', 'february']);

export const CreateProgrammeRequest = z.strictObject({ nameNl: Text(120), nameEn: Text(120), location: Text(80) });
export const UpdateProgrammeRequest = CreateProgrammeRequest;
export const CreateIntakeRequest = z.strictObject({ academicYear: AcademicYear, month: Month });
export const UpdateIntakeSettingsRequest = z.strictObject({
  settings: IntakeSettings,
  /** A participation mode change once communities exist asks first (#21): without this the answer is 409 with the consequences. */
  modeChange: ModeChangeConfirmation.optional(),
  /** A format change once students are placed asks first (#21 item 3): without this the answer is 409 (format_change_unconfirmed). */
  formatChange: FormatChangeConfirmation.optional(),
});
/** The change log of an intake's settings, newest first: who changed what when. */
export const IntakeSettingsHistoryResponse = z.object({
  changes: z.array(
    z.object({
      id: Id,
      at: z.string(),
      /** Null when the person has since been erased. */
      by: z.object({ id: Id, firstName: z.string(), lastName: z.string() }).nullable(),
      /** Null for the intake's creation. */
      before: IntakeSettings.nullable(),
      after: IntakeSettings,
    }),
  ),
});
export const ClassCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N} _.-]+$/u)
  .transform((s) => s.toUpperCase());
export const CreateClassRequest = z.strictObject({ code: ClassCode, leercoachId: Id.nullable() });
export const UpdateClassRequest = CreateClassRequest;

export const PersonRef = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

export const ClassResponse = z.object({ id: Id, code: z.string(), leercoach: PersonRef.nullable(), studentCount: z.number().int() });
export const IntakeResponse = z.object({
  id: Id,
  programmeId: Id,
  academicYear: z.string(),
  month: Month,
  settings: IntakeSettings,
  /** True when stored settings were of an older shape and were read with defaults filled in. */
  settingsUpgraded: z.boolean(),
  classes: z.array(ClassResponse),
  studentCount: z.number().int(),
  communityCount: z.number().int(),
});
export const ProgrammeResponse = z.object({
  id: Id,
  nameNl: z.string(),
  nameEn: z.string(),
  location: z.string(),
  canManageStructure: z.boolean(),
  canManagePeople: z.boolean(),
  /** Whether the actor receives the students who switched into this programme (#21 item 7). */
  canWelcomeSwitches: z.boolean(),
  intakes: z.array(IntakeResponse),
});
export const StructureResponse = z.object({ canCreateProgramme: z.boolean(), programmes: z.array(ProgrammeResponse) });
export const StaffResponse = z.object({ people: z.array(PersonRef) });

// Student import ---------------------------------------------------------------------------
const ColumnIndex = z.number().int().min(0).max(200).nullable();
export const ColumnMappingSchema = z.strictObject({
  studentNumber: ColumnIndex,
  firstName: ColumnIndex,
  lastName: ColumnIndex,
  email: ColumnIndex,
  classCode: ColumnIndex,
  locale: ColumnIndex,
  /** Optional column: a suggestion for group formation (ADR 0005); left out means "not in the file". */
  priorEducation: ColumnIndex.default(null),
});
// Every field of the domain has a column, and nothing else.
const _mappingCoversFields: Record<(typeof STUDENT_FIELDS)[number], unknown> = ColumnMappingSchema.shape;
void _mappingCoversFields;
export const ImportPreviewRequest = z.strictObject({
  fileName: z.string().max(200),
  csv: z.string().min(1).max(25_000_000),
  mapping: ColumnMappingSchema.nullable(),
});
export const RowErrorSchema = z.object({ line: z.number().int(), studentNumber: z.string(), errors: z.array(z.string()) });
export const ImportPreviewResponse = z.object({
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  missingFields: z.array(z.enum(STUDENT_FIELDS)),
  total: z.number().int(),
  valid: z.number().int(),
  /** Of the valid rows, how many student numbers are already known (they will be updated). */
  existing: z.number().int(),
  /**
   * Whether a prior-education column is used: as an unconfirmed suggestion to the student, only
   * if the beheerder enabled prior education for group formation with "from import".
   */
  priorEducationSuggestions: z.boolean(),
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), errors: z.array(z.string()) })),
  rowErrors: z.array(RowErrorSchema),
});
export const StartImportRequest = z.strictObject({ fileName: z.string().max(200), csv: z.string().min(1).max(25_000_000), mapping: ColumnMappingSchema });
export const ImportResponse = z.object({
  id: Id,
  intakeId: Id,
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  rowErrors: z.array(RowErrorSchema),
  /** The import stopped once (a restart) and carried on where its last committed batch ended. */
  resumed: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ImportListResponse = z.object({ imports: z.array(ImportResponse.omit({ rowErrors: true })) });
export const StudentsResponse = z.object({
  students: z.array(
    z.object({
      id: Id,
      studentNumber: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      classCode: z.string(),
      communityId: Id.nullable(),
    }),
  ),
});

// Coaches ----------------------------------------------------------------------------------
export const PublicProgrammesResponse = z.object({
  programmes: z.array(z.object({ id: Id, name: z.string(), location: z.string(), institution: z.string() })),
});
export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'ber', 'pap', 'srn', 'pl', 'es', 'fr', 'de', 'other'] as const;
export const SubmitCoachApplicationRequest = z
  .strictObject({
    firstName: Text(100),
    lastName: Text(100),
    email: Email,
    studyYear: z.number().int().min(1).max(6),
    motivation: Text(2000),
    availability: Text(500),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length),
    roleModelConsent: z.boolean(),
    roleModelText: z.string().trim().max(1000).nullable(),
    /** The application answers a nomination (#21): the token of its mail link, or its id for the signed-in student. */
    nominationToken: z.string().min(20).max(100).optional(),
    nominationId: z.string().uuid().optional(),
  })
  // Collect the least: a self-description only with explicit consent.
  .refine((a) => a.roleModelConsent || !a.roleModelText, { path: ['roleModelConsent'], message: 'consent_required' });

export const DecideApplicationRequest = z.strictObject({
  status: z.enum(APPLICATION_STATUSES),
  conversationAt: z.string().datetime({ offset: true }).nullable().optional(),
  decisionNote: z.string().trim().max(1000).nullable().optional(),
});
export const ApplicationResponse = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  studyYear: z.number().int(),
  motivation: z.string(),
  availability: z.string(),
  languages: z.array(z.string()),
  roleModelText: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  conversationAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  /** The application answers a nomination (#21): by whom (name and role). */
  nomination: z.object({ nominatorRole: z.enum(['leercoach', 'coordinator']), nominatorName: z.string() }).nullable(),
});
export const CoachSummary = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.enum(COACH_STATUSES),
  agreementSignedOn: IsoDate.nullable(),
  firstTrainingOn: IsoDate.nullable(),
  supervisor: PersonRef.nullable(),
  isSenior: z.boolean(),
  communities: z.array(z.object({ id: Id, name: z.string() })),
  openHandovers: z.number().int(),
  /** The photo's version (for `/api/coaches/:id/photo?v=`), null without a photo. */
  photoVersion: z.string().nullable(),
});
export const CoachesResponse = z.object({
  applications: z.array(ApplicationResponse),
  coaches: z.array(CoachSummary),
  seniors: z.array(PersonRef),
});
/** Aggregates of the coach pool; a null count means 1–4 people (suppressed). */
const PoolCell = <K extends z.ZodType>(key: K) => z.object({ key, count: z.number().int().nullable() });
export const CoachPoolResponse = z.object({
  minCell: z.number().int(),
  total: z.number().int(),
  byStatus: z.array(PoolCell(z.enum(COACH_STATUSES))),
  byYear: z.array(PoolCell(z.union([z.number().int(), z.literal('unknown')]))),
  byLanguage: z.array(PoolCell(z.string())),
  roleModels: z.number().int().nullable(),
});
export const SetCoachStatusRequest = z.strictObject({ status: z.enum(COACH_STATUSES) });
export const SetOnboardingRequest = z.strictObject({ agreementSignedOn: IsoDate.nullable(), firstTrainingOn: IsoDate.nullable() });
export const SetSupervisorRequest = z.strictObject({ seniorId: Id.nullable() });
export const CoachProfileResponse = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.enum(COACH_STATUSES),
  intro: z.string(),
  languages: z.array(z.string()),
  studyYear: z.number().int().nullable(),
  /** Only when the coach consented to share it. */
  phone: z.string().nullable(),
  /** The photo's version (for `/api/coaches/:id/photo?v=`), null without a photo. */
  photoVersion: z.string().nullable(),
});
export const CoachPhotoResponse = z.object({ photoVersion: z.string().nullable() });
export const MyCoachProfileResponse = CoachProfileResponse.extend({
  phoneConsent: z.boolean(),
  roleModelText: z.string().nullable(),
  roleModelConsent: z.boolean(),
  programmeName: z.string(),
});
export const UpdateMyCoachProfileRequest = z
  .strictObject({
    intro: z.string().trim().max(600),
    languages: z.array(z.enum(LANGUAGES)).max(LANGUAGES.length),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/)
      .nullable(),
    phoneConsent: z.boolean(),
    roleModelConsent: z.boolean(),
    roleModelText: z.string().trim().max(1000).nullable(),
  })
  .refine((p) => p.phoneConsent || !p.phone, { path: ['phoneConsent'], message: 'consent_required' })
  .refine((p) => p.roleModelConsent || !p.roleModelText, { path: ['roleModelConsent'], message: 'consent_required' });

export type StructureResponse = z.infer<typeof StructureResponse>;
export type ProgrammeResponse = z.infer<typeof ProgrammeResponse>;
export type IntakeResponse = z.infer<typeof IntakeResponse>;
export type IntakeSettingsHistoryResponse = z.infer<typeof IntakeSettingsHistoryResponse>;
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;
export type ImportResponse = z.infer<typeof ImportResponse>;
export type ImportListResponse = z.infer<typeof ImportListResponse>;
export type StudentsResponse = z.infer<typeof StudentsResponse>;
export type CoachesResponse = z.infer<typeof CoachesResponse>;
export type CoachProfileResponse = z.infer<typeof CoachProfileResponse>;
export type CoachPhotoResponse = z.infer<typeof CoachPhotoResponse>;
export type CoachPoolResponse = z.infer<typeof CoachPoolResponse>;
export type MyCoachProfileResponse = z.infer<typeof MyCoachProfileResponse>;
export type PublicProgrammesResponse = z.infer<typeof PublicProgrammesResponse>;
export type StaffResponse = z.infer<typeof StaffResponse>;
export type SubmitCoachApplicationRequest = z.infer<typeof SubmitCoachApplicationRequest>;
