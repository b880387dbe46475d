/** Group formation (#6): attribute settings, students' disclosures, grouping runs and their drafts. */
import { z } from 'zod';
import { RecordVersion } from './version';
import { GROUPING_ATTRIBUTES } from '../domain/grouping/student-attributes';

const Id = z.string().uuid();
export const GroupingAttributeKey = z.enum(GROUPING_ATTRIBUTES);
const Sensitivity = z.enum(['ordinary', 'background', 'enrolment']);

// --- the institution's settings (beheerder) ------------------------------------------------
export const AttributeSettingsResponse = z.object({
  attributes: z.array(
    z.object({
      attribute: GroupingAttributeKey,
      sensitivity: Sensitivity,
      importable: z.boolean(),
      enabled: z.boolean(),
      fromImport: z.boolean(),
    }),
  ),
});
export type AttributeSettingsResponse = z.infer<typeof AttributeSettingsResponse>;

export const UpdateAttributeSettingsRequest = z.strictObject({
  attributes: z
    .array(z.strictObject({ attribute: GroupingAttributeKey, enabled: z.boolean(), fromImport: z.boolean() }))
    .min(1)
    .max(GROUPING_ATTRIBUTES.length),
});
export type UpdateAttributeSettingsRequest = z.infer<typeof UpdateAttributeSettingsRequest>;

// --- a student's own disclosures ------------------------------------------------------------
export const MyAttributesResponse = z.object({
  attributes: z.array(
    z.object({
      attribute: GroupingAttributeKey,
      sensitivity: Sensitivity,
      values: z.array(z.string()),
      value: z.string().nullable(),
      /** student: you entered it; import: your institution suggested it (counts once you confirm). */
      source: z.enum(['student', 'import']).nullable(),
      confirmed: z.boolean(),
      /** Whether the value counts when communities are formed right now. */
      counts: z.boolean(),
    }),
  ),
  backgroundConsent: z.object({ status: z.enum(['granted', 'withdrawn', 'unanswered']), version: z.number().int() }),
});
export type MyAttributesResponse = z.infer<typeof MyAttributesResponse>;

export const SaveMyAttributesRequest = z.strictObject({
  /** Per attribute: a value to disclose (or confirm), or null to withdraw it. Attributes left out stay as they are. */
  values: z.partialRecord(GroupingAttributeKey, z.string().max(40).nullable()),
});
export type SaveMyAttributesRequest = z.infer<typeof SaveMyAttributesRequest>;

// --- grouping runs (coordinator) ------------------------------------------------------------
export const WeightedAttribute = z.strictObject({ key: GroupingAttributeKey, weight: z.number().min(0.1).max(10) });
const Pair = z.tuple([Id, Id]);

export const StartGroupingRequest = z.strictObject({
  /** One class, or null for the whole intake. */
  classId: Id.nullable(),
  attributes: z.array(WeightedAttribute).min(1).max(GROUPING_ATTRIBUTES.length),
  /** Form communities within each class (timetable group). */
  perClass: z.boolean().default(false),
  /** Default: the intake's community size (7–8). */
  sizeBounds: z.strictObject({ min: z.number().int().min(2).max(30), max: z.number().int().min(2).max(30) }).nullable().default(null),
  keepTogether: z.array(Pair).max(200).default([]),
  keepApart: z.array(Pair).max(200).default([]),
  prePlaced: z.array(z.strictObject({ studentId: Id, label: z.string().trim().min(1).max(40) })).max(500).default([]),
  seconds: z.number().min(0.5).max(120).default(5),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
});
export type StartGroupingRequest = z.input<typeof StartGroupingRequest>;

const Student = z.object({ id: Id, firstName: z.string(), lastName: z.string(), classCode: z.string().nullable() });

export const GroupingOptionsResponse = z.object({
  intake: z.object({ id: Id, programmeId: Id, academicYear: z.string(), month: z.enum(['september', 'february']) }),
  sizeBounds: z.object({ min: z.number().int(), max: z.number().int() }),
  classes: z.array(z.object({ id: Id, code: z.string(), unplaced: z.number().int() })),
  /** Students of the intake not in a community yet: the ones a run would group. */
  students: z.array(Student),
  /** Attributes the institution enabled, with how many of these students' values count (aggregate only). */
  attributes: z.array(z.object({ attribute: GroupingAttributeKey, sensitivity: Sensitivity, disclosed: z.number().int() })),
  latestRunId: Id.nullable(),
});
export type GroupingOptionsResponse = z.infer<typeof GroupingOptionsResponse>;

const Reason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('pre_placed'), label: z.string() }),
  z.object({ code: z.literal('same_class') }),
  z.object({ code: z.literal('kept_with'), studentIds: z.array(Id) }),
  z.object({ code: z.literal('kept_apart_from'), studentIds: z.array(Id) }),
  z.object({ code: z.literal('adds_spread'), attribute: GroupingAttributeKey }),
  z.object({ code: z.literal('best_fit') }),
  /** A community (0-based position) with room that would gain more spread from this student. */
  z.object({ code: z.literal('better_elsewhere'), community: z.number().int().min(0) }),
  z.object({ code: z.literal('balances_group_sizes') }),
]);

export const GroupingRunResponse = z.object({
  id: Id,
  intakeId: Id,
  classId: Id.nullable(),
  status: z.enum(['running', 'draft', 'failed', 'accepted']),
  /** 0…1 while running. */
  progress: z.number(),
  version: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  settings: z.object({
    attributes: z.array(z.object({ key: GroupingAttributeKey, weight: z.number() })),
    perClass: z.boolean(),
    sizeBounds: z.object({ min: z.number().int(), max: z.number().int() }),
    seconds: z.number(),
    seed: z.number().int(),
  }),
  elapsedMs: z.number().int().nullable(),
  communities: z.array(
    z.object({
      index: z.number().int(),
      label: z.string().nullable(),
      classCode: z.string().nullable(),
      size: z.number().int(),
      withinBounds: z.boolean(),
      mix: z.array(z.object({ attribute: GroupingAttributeKey, present: z.number().int(), of: z.number().int() })),
      members: z.array(Student.extend({ reasons: z.array(Reason) })),
    }),
  ),
  figures: z
    .object({
      attributes: z.array(z.object({ attribute: GroupingAttributeKey, weight: z.number(), evenness: z.number().int().nullable(), disclosed: z.number().int(), background: z.boolean() })),
      violations: z.object({
        sizeBounds: z.number().int(),
        keepTogether: z.number().int(),
        keepApart: z.number().int(),
        mixedClasses: z.number().int(),
      }),
    })
    .nullable(),
  /** After accept: the communities created. */
  accepted: z.array(z.object({ id: Id, name: z.string(), coach: z.object({ id: Id, firstName: z.string(), lastName: z.string() }).nullable() })).nullable(),
});
export type GroupingRunResponse = z.infer<typeof GroupingRunResponse>;

export const MoveStudentRequest = z.strictObject({ studentId: Id, toCommunity: z.number().int().min(0), version: RecordVersion });
export type MoveStudentRequest = z.infer<typeof MoveStudentRequest>;

export const AcceptGroupingRequest = z.strictObject({
  version: RecordVersion,
  /** Names become "<prefix> 1", "<prefix> 2", … after the intake's existing communities. */
  namePrefix: z.string().trim().min(1).max(40),
  assignCoaches: z.boolean().default(true),
  /**
   * Role-model preference: a coach whose consented self-description names a route members share
   * (mbo / havo / vwo, first in the family to study, international) goes to the community with the
   * most such members; a coach who speaks members' disclosed home language counts too.
   */
  preferRoleModels: z.boolean().default(false),
});
export type AcceptGroupingRequest = z.input<typeof AcceptGroupingRequest>;
