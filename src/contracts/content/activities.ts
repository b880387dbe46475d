/** Contract of `content/activities.json`: the activity library (werkvormen), by theme and year phase. */
import { z } from 'zod';
import { YEAR_PHASES } from '../../domain/sessions/year-phase';
import { checkDescribed, checkUniqueIds, ContentId, ContentVersion, LocalizedList, LocalizedText } from './building-blocks';

export const ACTIVITY_THEMES = [
  'kennismaken',
  'groepsband',
  'studievaardigheden',
  'veerkracht',
  'motivatie',
  'tentamens',
  'hulp-vinden',
  'diversiteit',
  'uitje',
  'evaluatie',
  'afsluiting',
] as const;
export const ActivityTheme = z.enum(ACTIVITY_THEMES);
export type ActivityTheme = z.infer<typeof ActivityTheme>;

/** Phases of the programme year: first weeks, autumn, winter, spring, end of year (domain/sessions/year-phase.ts). */
export const YearPhase = z.enum(YEAR_PHASES);
export type YearPhase = z.infer<typeof YearPhase>;

export const GroupSize = z
  .strictObject({
    min: z.number().int().min(1),
    max: z.number().int().min(1),
  })
  .refine((g) => g.min <= g.max, { message: 'min must not be greater than max' });
export type GroupSize = z.infer<typeof GroupSize>;

export const Activity = z
  .strictObject({
    id: ContentId,
    title: LocalizedText,
    goal: LocalizedText,
    theme: ActivityTheme,
    phase: z.array(YearPhase).min(1),
    durationMinutes: z.number().int().min(5).max(480),
    groupSize: GroupSize,
    materials: LocalizedList,
    steps: LocalizedList.min(3).max(7),
    tips: LocalizedList.optional(),
  })
  .superRefine((a, ctx) => {
    if (new Set(a.phase).size !== a.phase.length) {
      ctx.addIssue({ code: 'custom', message: 'phase lists a phase more than once', path: ['phase'] });
    }
  });
export type Activity = z.infer<typeof Activity>;

export const ActivityThemeInfo = z.strictObject({
  id: ActivityTheme,
  label: LocalizedText,
  description: LocalizedText.optional(),
});
export type ActivityThemeInfo = z.infer<typeof ActivityThemeInfo>;

export const ActivitiesFile = z
  .strictObject({
    version: ContentVersion,
    themes: z.array(ActivityThemeInfo).min(1),
    activities: z.array(Activity).min(1),
  })
  .superRefine((file, ctx) => {
    checkUniqueIds(file.themes, ['themes'], ctx, 'theme');
    checkUniqueIds(file.activities, ['activities'], ctx, 'activity');
    checkDescribed(file.activities, 'theme', 'activities', file.themes, 'themes', ctx);
  });
export type ActivitiesFile = z.infer<typeof ActivitiesFile>;
