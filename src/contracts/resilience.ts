/** Requests and responses of the Veerkrachtpraatplaat (resilience map), its sharing, snapshots, conversations and group exercise. */
import { z } from 'zod';
import { RecordVersion } from './version';
import { ConversationGuide } from './content/questions';
import { CHALLENGE_TIMES, LEVELS, LIMITS, PLACES, RESOURCE_KINDS, USAGES } from '../domain/resilience/model';

const Text = (max: number) => z.string().trim().max(max);
const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const SupportResource = z.strictObject({
  id: ItemId,
  label: z.string().trim().min(1).max(LIMITS.label),
  level: z.enum(LEVELS),
  place: z.enum(PLACES),
  kind: z.enum(RESOURCE_KINDS),
  usage: z.enum(USAGES),
  easierIf: Text(LIMITS.shortText),
  note: Text(LIMITS.shortText),
  linkedPersonId: z.uuid().nullable(),
});

export const Challenge = z.strictObject({ id: ItemId, text: z.string().trim().min(1).max(LIMITS.shortText), when: z.enum(CHALLENGE_TIMES) });

export const ResilienceMapContent = z.strictObject({
  challenges: z.array(Challenge).max(LIMITS.challenges),
  goals: Text(LIMITS.text),
  studyFit: Text(LIMITS.text),
  wellbeing: z.number().int().min(0).max(10).nullable(),
  wellbeingNeeds: Text(LIMITS.text),
  resources: z.array(SupportResource).max(LIMITS.resources),
  potential: Text(LIMITS.text),
  firstStep: Text(LIMITS.text),
});
export type ResilienceMapContent = z.infer<typeof ResilienceMapContent>;

export const ShareMode = z.enum(['view', 'edit']);
export type ShareMode = z.infer<typeof ShareMode>;

export const LinkablePerson = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string().optional(), role: z.enum(['coach', 'fellow']) });
export type LinkablePerson = z.infer<typeof LinkablePerson>;

export const SnapshotSummary = z.object({ id: z.uuid(), takenOn: z.iso.date() });

export const ResilienceMapResponse = z.object({
  id: z.uuid(),
  owner: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  content: ResilienceMapContent,
  version: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** What the reader may do: their own map, or shared to view or to edit together. */
  access: z.enum(['owner', 'view', 'edit']),
  /** The people resources may be linked to: the owner's coach(es) and fellow community members. */
  linkable: z.array(LinkablePerson),
  snapshots: z.array(SnapshotSummary),
  /** Only for the owner: with whom it is shared, and who looked. */
  shares: z.array(z.object({ personId: z.uuid(), firstName: z.string(), lastName: z.string(), mode: ShareMode, since: z.iso.datetime({ offset: true }) })).optional(),
  shareable: z.array(z.object({ personId: z.uuid(), firstName: z.string(), lastName: z.string() })).optional(),
  /** One line per reader, what they read and hour: the latest read in that hour and how many there were. */
  reads: z
    .array(z.object({ at: z.iso.datetime({ offset: true }), firstName: z.string(), lastName: z.string(), what: z.enum(['map', 'snapshot', 'pdf', 'group']), count: z.number().int().positive() }))
    .optional(),
});
export type ResilienceMapResponse = z.infer<typeof ResilienceMapResponse>;

/** The coachee's own map. Opening it writes nothing: until the first save it has no id and no save time. */
export const MyResilienceMapResponse = ResilienceMapResponse.extend({
  id: z.uuid().nullable(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type MyResilienceMapResponse = z.infer<typeof MyResilienceMapResponse>;

export const SavedResilienceMapResponse = z.object({ id: z.uuid(), version: z.number().int(), updatedAt: z.iso.datetime({ offset: true }) });
export type SavedResilienceMapResponse = z.infer<typeof SavedResilienceMapResponse>;

export const SaveResilienceMapRequest = z.strictObject({ content: ResilienceMapContent, version: RecordVersion });
export type SaveResilienceMapRequest = z.infer<typeof SaveResilienceMapRequest>;

export const ShareResilienceMapRequest = z.strictObject({ mode: ShareMode });

export const CreateSnapshotRequest = z.strictObject({ takenOn: z.iso.date().optional() });

export const SnapshotResponse = z.object({ id: z.uuid(), takenOn: z.iso.date(), content: ResilienceMapContent });
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

export const SharedMapSummary = z.object({ mapId: z.uuid(), owner: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }), mode: ShareMode });

/** The coach's view: the coachees they coach, whether each shared their map, and the coach's own conversations. */
export const MyCoacheesResponse = z.object({
  coachees: z.array(
    z.object({
      id: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      community: z.string(),
      /** Whether the coachee's consent for coaching data holds; without it no map, no conversations. */
      consented: z.boolean(),
      sharedMap: SharedMapSummary.omit({ owner: true }).nullable(),
      conversations: z.array(z.object({ id: z.uuid(), heldOn: z.iso.date(), done: z.number().int(), total: z.number().int() })),
    }),
  ),
});
export type MyCoacheesResponse = z.infer<typeof MyCoacheesResponse>;

export const ThemeProgress = z.strictObject({
  mainAnswered: z.boolean(),
  /** Indexes of the follow-up questions that came up. */
  followUpsCovered: z.array(z.number().int().min(0).max(20)).max(20),
  note: Text(LIMITS.text),
});
export type ThemeProgress = z.infer<typeof ThemeProgress>;

export const ConversationProgress = z.record(z.string().regex(/^[a-z0-9-]{1,60}$/), ThemeProgress);
export type ConversationProgress = z.infer<typeof ConversationProgress>;

export const ConversationResponse = z.object({
  id: z.uuid(),
  heldOn: z.iso.date(),
  coachee: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  progress: ConversationProgress,
  /** The coachee's map when they shared it with the coach; null otherwise. */
  mapId: z.uuid().nullable(),
  /** The conversation guide (content/questions.json): instruction, five themes, resource prompts. */
  guide: ConversationGuide,
});
export type ConversationResponse = z.infer<typeof ConversationResponse>;

export const SaveConversationRequest = z.strictObject({ progress: ConversationProgress });

export const GroupExerciseResponse = z.object({
  community: z.object({ id: z.uuid(), name: z.string() }),
  isMember: z.boolean(),
  shown: z.array(z.object({ firstName: z.string(), resources: z.array(SupportResource.pick({ label: true, level: true, place: true, kind: true })) })),
  tally: z
    .object({ contributors: z.number().int(), counts: z.record(z.enum(LEVELS), z.record(z.enum(RESOURCE_KINDS), z.number().int())) })
    .nullable(),
  contributors: z.number().int(),
  minContributors: z.number().int(),
  mine: z.object({ resourceIds: z.array(ItemId), inTally: z.boolean(), resources: z.array(SupportResource.pick({ id: true, label: true, level: true, place: true, kind: true })) }).nullable(),
});
export type GroupExerciseResponse = z.infer<typeof GroupExerciseResponse>;

export const SaveGroupShowRequest = z.strictObject({ resourceIds: z.array(ItemId).max(LIMITS.resources), inTally: z.boolean() });
