/**
 * The activity library: the built-in werkvormen from content/activities.json (in both languages)
 * plus the ones coaches add themselves (private, or shared with the other coaches). Each own
 * activity passes the access policy before anyone sees it.
 */
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { ActivityListQuery, ActivityListResponse, ActivityView } from '../../../contracts/activities';
import type { ActivityTheme, YearPhase } from '../../../contracts/content/activities';
import type { Locale } from '../../../i18n/translate';
import type { z } from 'zod';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { customActivitiesFor, customActivityById, libraryItemOf, type CustomActivityRow } from './repository';

export function builtInActivities(services: Services, locale: Locale): ActivityView[] {
  return services.content.activities.activities.map((a) => ({
    id: a.id,
    builtIn: true,
    mine: false,
    shared: true,
    theme: a.theme,
    phases: a.phase,
    durationMinutes: a.durationMinutes,
    groupSize: a.groupSize,
    title: a.title[locale],
    goal: a.goal[locale],
    materials: a.materials.map((m) => m[locale]),
    steps: a.steps.map((s) => s[locale]),
    tips: (a.tips ?? []).map((t) => t[locale]),
    authorName: null,
  }));
}

export function customView(a: CustomActivityRow, authorFirstName: string | null, actor: Actor): ActivityView {
  return {
    id: a.id,
    builtIn: false,
    mine: a.authorId === actor.personId,
    shared: a.shared,
    theme: a.theme as ActivityTheme,
    phases: a.phases as YearPhase[],
    durationMinutes: a.durationMinutes,
    groupSize: { min: a.groupMin, max: a.groupMax },
    title: a.title,
    goal: a.goal,
    materials: a.materials as string[],
    steps: a.steps as string[],
    tips: [],
    authorName: authorFirstName,
  };
}

/** Every activity the person may see: built-in ones and own ones the policy allows. */
export async function readableActivities(services: Services, actor: Actor, locale: Locale): Promise<ActivityView[]> {
  const rows = await customActivitiesFor(services.db, actor.institutionId, actor.personId);
  const custom = rows.filter(({ a }) => isAllowed(actor, 'library:read', libraryItemOf(a))).map(({ a, authorFirstName }) => customView(a, authorFirstName, actor));
  return [...builtInActivities(services, locale), ...custom];
}

const matchesText = (a: ActivityView, q: string) => {
  const needle = q.toLocaleLowerCase();
  return [a.title, a.goal, ...a.steps, ...a.materials].some((text) => text.toLocaleLowerCase().includes(needle));
};

export type ListActivitiesOptions = { services: Services; actor: Actor; locale: Locale; query: z.output<typeof ActivityListQuery> };

/** The library filtered by theme, phase, duration, group size and free text. */
export async function listActivities({ services, actor, locale, query }: ListActivitiesOptions): Promise<ActivityListResponse> {
  const all = await readableActivities(services, actor, locale);
  const activities = all.filter(
    (a) =>
      (!query.theme || a.theme === query.theme) &&
      (!query.phase || a.phases.includes(query.phase)) &&
      (query.maxMinutes === undefined || a.durationMinutes <= query.maxMinutes) &&
      (query.groupSize === undefined || (a.groupSize.min <= query.groupSize && query.groupSize <= a.groupSize.max)) &&
      (!query.q || matchesText(a, query.q)),
  );
  return { themes: services.content.activities.themes.map((t) => ({ id: t.id, label: t.label[locale] })), activities };
}

/** One activity: a built-in one by its content id, or an own one the policy let through (the route checked). */
export async function getActivity({ services, actor, locale, activityId }: { services: Services; actor: Actor; locale: Locale; activityId: string }): Promise<ActivityView> {
  const builtIn = builtInActivities(services, locale).find((a) => a.id === activityId);
  if (builtIn) return builtIn;
  const row = await customActivityById(services.db, actor.institutionId, activityId);
  if (!row) throw new AppError('not_found');
  return customView(row.a, row.authorFirstName, actor);
}
