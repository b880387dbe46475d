/** Request and response schemas of the Roadmap to studentsucces (issue 22). */
import { z } from 'zod';
import { PLAN_ITEM_STATUSES, ROADMAP_STATUSES } from '../domain/roadmap/roadmap';
import { Horizon, RoadmapFile, RoadmapFigureKey } from './content/roadmap';

const Uuid = z.string().uuid();
const IsoDate = z.iso.date();
const ContentRef = z.string().trim().min(1).max(100);

export const RoadmapStatus = z.enum(ROADMAP_STATUSES);
export type RoadmapStatus = z.infer<typeof RoadmapStatus>;
export const PlanItemStatus = z.enum(PLAN_ITEM_STATUSES);
export type PlanItemStatus = z.infer<typeof PlanItemStatus>;

/** Who owns a factor or a plan item: a stakeholder from the roadmap's list, or a named person of the institution (by id or e-mail address). */
export const OwnerInput = z.union([
  z.strictObject({ stakeholderId: ContentRef }),
  z.strictObject({ personId: Uuid }),
  z.strictObject({ email: z.string().trim().email().max(254) }),
]);
export type OwnerInput = z.infer<typeof OwnerInput>;

export const Owner = z.union([z.object({ kind: z.literal('stakeholder'), stakeholderId: z.string() }), z.object({ kind: z.literal('person'), personId: Uuid, name: z.string() })]);
export type Owner = z.infer<typeof Owner>;

export const StartRoadmapRequest = z.strictObject({
  /** null: the institution's roadmap (the beheerder). */
  programmeId: Uuid.nullable(),
  year: z.number().int().min(2000).max(2100),
});

export const InviteStakeholderRequest = z.strictObject({
  /** A person of the institution, by their e-mail address. */
  email: z.string().trim().email().max(254),
  stakeholderId: ContentRef,
  factorIds: z.array(ContentRef).min(1).max(30),
});

export const GiveViewRequest = z.strictObject({
  status: RoadmapStatus,
  note: z.string().trim().max(2000),
});

export const RecordAssessmentRequest = z.strictObject({
  status: RoadmapStatus,
  evidenceNote: z.string().trim().max(4000),
  owner: OwnerInput.nullable(),
  /** The version the person saw; 0 when no status was recorded yet. A stale version answers 409. */
  version: z.number().int().min(0),
});

export const AddPlanItemRequest = z.strictObject({
  interventionId: ContentRef,
  owner: OwnerInput,
  horizon: Horizon,
  dueDate: IsoDate,
});

export const UpdatePlanItemRequest = z.strictObject({
  owner: OwnerInput,
  horizon: Horizon,
  dueDate: IsoDate,
  status: PlanItemStatus,
  version: z.number().int().min(1),
});

export const RoadmapSummary = z.object({
  id: Uuid,
  programmeId: Uuid.nullable(),
  programmeName: z.object({ nl: z.string(), en: z.string() }).nullable(),
  year: z.number().int(),
  canManage: z.boolean(),
  /** Factors with an agreed status, of all factors. */
  assessed: z.number().int(),
  factors: z.number().int(),
});
export type RoadmapSummary = z.infer<typeof RoadmapSummary>;

export const RoadmapListResponse = z.object({
  roadmaps: z.array(RoadmapSummary),
  /** Where the person may start a roadmap: their programmes (and the institution, for the beheerder). */
  canStart: z.array(z.object({ programmeId: Uuid.nullable(), programmeName: z.object({ nl: z.string(), en: z.string() }).nullable() })),
  /** The coaching year today lies in. */
  currentYear: z.number().int(),
});

export const Figure = z.object({
  key: RoadmapFigureKey,
  /** The figure: a share (0–100) or a count; null when it is not available or suppressed. */
  value: z.number().nullable(),
  unit: z.enum(['percent', 'count']),
  /** How many people it describes (null when it does not count people). */
  people: z.number().int().nullable(),
  state: z.enum(['shown', 'suppressed', 'noData', 'notYetAvailable']),
});
export type Figure = z.infer<typeof Figure>;

export const View = z.object({
  personId: Uuid,
  name: z.string(),
  stakeholderId: z.string().nullable(),
  status: RoadmapStatus,
  note: z.string(),
  mine: z.boolean(),
});

export const FactorState = z.object({
  factorId: z.string(),
  agreed: z
    .object({ status: RoadmapStatus, evidenceNote: z.string(), owner: Owner.nullable(), version: z.number().int(), updatedAt: z.string() })
    .nullable(),
  views: z.array(View),
  differ: z.boolean(),
  /** Last year's agreed status, when there was a roadmap. */
  previous: RoadmapStatus.nullable(),
  evidence: z.array(Figure),
});
export type FactorState = z.infer<typeof FactorState>;

export const PlanItem = z.object({
  id: Uuid,
  interventionId: z.string(),
  owner: Owner.nullable(),
  horizon: Horizon,
  dueDate: IsoDate,
  status: PlanItemStatus,
  version: z.number().int(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const RoadmapResponse = z.object({
  id: Uuid,
  programmeId: Uuid.nullable(),
  programmeName: z.object({ nl: z.string(), en: z.string() }).nullable(),
  year: z.number().int(),
  canManage: z.boolean(),
  /** The roadmap content of this roadmap's version; an invited stakeholder gets only their factors. */
  content: RoadmapFile,
  /** Figures next to each principle (owners only). */
  principleEvidence: z.array(z.object({ principleId: z.string(), evidence: z.array(Figure) })),
  factors: z.array(FactorState),
  stakeholders: z.array(z.object({ personId: Uuid, name: z.string(), email: z.string(), stakeholderId: z.string(), factorIds: z.array(z.string()) })),
  plan: z.array(PlanItem),
});
export type RoadmapResponse = z.infer<typeof RoadmapResponse>;

export const RoadmapProgressResponse = z.object({
  years: z.array(z.number().int()),
  rows: z.array(z.object({ factorId: z.string(), number: z.number().int(), title: z.object({ nl: z.string(), en: z.string() }), statuses: z.array(RoadmapStatus.nullable()) })),
  /** The chart as SVG (server-side), with the table above as its text alternative. */
  svg: z.string(),
});
export type RoadmapProgressResponse = z.infer<typeof RoadmapProgressResponse>;

const Localized = z.object({ nl: z.string(), en: z.string() });

export const RoadmapContentResponse = z.object({
  /** 0: the institution uses the shipped content as it is. */
  version: z.number().int(),
  basedOnShipped: z.number().int(),
  shippedVersion: z.number().int(),
  content: RoadmapFile,
  /** A newer shipped version, offered with what it would change (null when there is none). */
  offered: z
    .object({
      shippedVersion: z.number().int(),
      /** Item by item, grouped per principle or factor (`group`), with the fields that differ. */
      changes: z.array(
        z.object({
          item: z.string(),
          kind: z.enum(['added', 'removed', 'changed']),
          before: Localized.optional(),
          after: Localized.optional(),
          fields: z.array(z.string()),
          group: z.object({ kind: z.enum(['roadmap', 'stakeholders', 'clusters', 'principle', 'factor']), id: z.string(), number: z.number().int().nullable(), title: Localized.nullable() }),
        }),
      ),
    })
    .nullable(),
});
export type RoadmapContentResponse = z.infer<typeof RoadmapContentResponse>;

export const SaveRoadmapContentRequest = z.strictObject({
  /** The whole content as the beheerder edited it; checked like content/roadmap.json. */
  content: z.unknown(),
  /** The version the beheerder edited; a stale one answers 409. */
  baseVersion: z.number().int().min(0),
});

export const AdoptShippedRequest = z.strictObject({ baseVersion: z.number().int().min(0) });
/** Keep the institution's own copy and stop offering this shipped version (a newer one is offered again). */
export const KeepOwnContentRequest = z.strictObject({ baseVersion: z.number().int().min(1) });
