/** The activity library (werkvormen) and session plans. */
import { z } from 'zod';
import { ActivityTheme, YearPhase } from './content/activities';

const Text = z.string().trim().min(1);
export const ActivityView = z.object({
  id: z.string(),
  builtIn: z.boolean(),
  mine: z.boolean(),
  shared: z.boolean(),
  theme: ActivityTheme,
  phases: z.array(YearPhase),
  durationMinutes: z.number().int(),
  groupSize: z.object({ min: z.number().int(), max: z.number().int() }),
  title: z.string(),
  goal: z.string(),
  materials: z.array(z.string()),
  steps: z.array(z.string()),
  tips: z.array(z.string()),
  authorName: z.string().nullable(),
  /** Shared only with this programme's coaches; null: with the whole institution (issue 21 item 8). */
  programme: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  /** The reader may change and remove it (its author; for a programme's shared activity also its coordinators). */
  canEdit: z.boolean(),
});
export type ActivityView = z.infer<typeof ActivityView>;

/** Filters of the library: theme, phase of the year, at most so many minutes, fits a group of n, free text. */
export const ActivityListQuery = z.strictObject({
  theme: ActivityTheme.optional(),
  phase: YearPhase.optional(),
  maxMinutes: z.coerce.number().int().min(1).max(600).optional(),
  groupSize: z.coerce.number().int().min(1).max(60).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only the whole institution's activities, or only those for one programme. */
  scope: z.enum(['institution', 'programme']).optional(),
});
export type ActivityListQuery = z.input<typeof ActivityListQuery>;

export const ActivityResponse = ActivityView;

export const ActivityListResponse = z.object({
  themes: z.array(z.object({ id: ActivityTheme, label: z.string() })),
  activities: z.array(ActivityView),
  /** The programmes the reader may add an activity for only (they run sessions there). */
  programmes: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type ActivityListResponse = z.infer<typeof ActivityListResponse>;

export const CreateActivityRequest = z
  .strictObject({
    title: Text.max(120),
    goal: Text.max(500),
    theme: ActivityTheme,
    phases: z.array(YearPhase).min(1).max(5),
    durationMinutes: z.number().int().min(5).max(480),
    groupSize: z.strictObject({ min: z.number().int().min(1).max(60), max: z.number().int().min(1).max(60) }),
    materials: z.array(Text.max(200)).max(15).default([]),
    steps: z.array(Text.max(500)).min(1).max(10),
    shared: z.boolean().default(false),
    /** Shared only with this programme's coaches (one the author runs sessions in); null or absent: the whole institution. */
    programmeId: z.string().uuid().nullable().optional(),
  })
  .refine((a) => a.groupSize.min <= a.groupSize.max, { message: 'size_min_above_max', path: ['groupSize', 'min'] });
export type CreateActivityRequest = z.input<typeof CreateActivityRequest>;

/** One step of a plan: an activity in order, or a gap where an activity was removed from the library. */
export const PlanActivity = z.object({ id: z.string(), title: z.string().nullable(), durationMinutes: z.number().int() });
export type PlanActivity = z.infer<typeof PlanActivity>;

export const SessionPlanView = z.object({
  id: z.string().uuid(),
  title: z.string(),
  activityIds: z.array(z.string()),
  activities: z.array(PlanActivity),
  notes: z.string(),
  shared: z.boolean(),
  mine: z.boolean(),
  authorName: z.string().nullable(),
  /** The activities' minutes added up. */
  durationMinutes: z.number().int(),
});
export type SessionPlanView = z.infer<typeof SessionPlanView>;
export const SessionPlanListResponse = z.object({ plans: z.array(SessionPlanView) });
export const CreateSessionPlanRequest = z.strictObject({
  title: Text.max(120),
  activityIds: z.array(z.string().max(80)).min(1).max(12),
  notes: z.string().trim().max(2000).default(''),
  shared: z.boolean().default(false),
});
export type CreateSessionPlanRequest = z.input<typeof CreateSessionPlanRequest>;
export type SessionPlanListResponse = z.infer<typeof SessionPlanListResponse>;
