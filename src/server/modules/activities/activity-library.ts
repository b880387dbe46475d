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
import { activityItemOf, customActivitiesFor, customActivityById, programmeNames, type CustomActivityRow } from './repository';

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
    programme: null,
    canEdit: false,
  }));
}

export function customView(a: CustomActivityRow, authorFirstName: string | null, actor: Actor, names: ReadonlyMap<string, { nl: string; en: string }>, locale: Locale): ActivityView {
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
    programme: a.programmeId ? { id: a.programmeId, name: names.get(a.programmeId)?.[locale] ?? '' } : null,
    canEdit: isAllowed(actor, 'library:manage', activityItemOf(a)),
  };
}

/**
 * Every activity the person may see: built-in ones and own ones the policy allows — shared ones
 * of their own programme(s) and the institution's, never another programme's (issue 21 item 8).
 */
export async function readableActivities(services: Services, actor: Actor, locale: Locale): Promise<ActivityView[]> {
  const [rows, names] = await Promise.all([customActivitiesFor(services.db, actor.institutionId, actor.personId), programmeNames(services.db, actor.institutionId)]);
  const custom = rows.filter(({ a }) => isAllowed(actor, 'library:read', activityItemOf(a))).map(({ a, authorFirstName }) => customView(a, authorFirstName, actor, names, locale));
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
      (!query.q || matchesText(a, query.q)) &&
      (!query.scope || (query.scope === 'programme') === (a.programme !== null)),
  );
  const names = await programmeNames(services.db, actor.institutionId);
  const programmes = [...names]
    .filter(([id]) => isAllowed(actor, 'library:create', { kind: 'programme', institutionId: actor.institutionId, programmeId: id }))
    .map(([id, name]) => ({ id, name: name[locale] }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return { themes: services.content.activities.themes.map((t) => ({ id: t.id, label: t.label[locale] })), activities, programmes };
}

/** One activity: a built-in one by its content id, or an own one the policy let through (the route checked). */
export async function getActivity({ services, actor, locale, activityId }: { services: Services; actor: Actor; locale: Locale; activityId: string }): Promise<ActivityView> {
  const builtIn = builtInActivities(services, locale).find((a) => a.id === activityId);
  if (builtIn) return builtIn;
  const row = await customActivityById(services.db, actor.institutionId, activityId);
  if (!row) throw new AppError('not_found');
  return customView(row.a, row.authorFirstName, actor, await programmeNames(services.db, actor.institutionId), locale);
}
