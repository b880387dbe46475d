/**
 * The activity library: the built-in werkvormen from content/activities.json (in both languages)
 * plus the ones coaches add themselves (private, or shared with the institution), and session
 * plans built from them.
 */
import { and, eq, or } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import type { ActivityListResponse, ActivityView, CreateActivityRequest, CreateSessionPlanRequest, SessionPlanView } from '../../../contracts/activities';
import type { ActivityTheme, YearPhase } from '../../../contracts/content';
import type { Locale } from '../../../i18n/translate';
import type { z } from 'zod';
import type { Services } from '../../context';
import { customActivities, people, sessionPlans } from '../../db/schema';
import { AppError } from '../../errors/app-error';

export async function listActivities(options: { services: Services; actor: Actor; locale: Locale; theme?: ActivityTheme; phase?: YearPhase }): Promise<ActivityListResponse> {
  const { services, actor, locale } = options;
  const file = services.content.activities;
  const builtIn: ActivityView[] = file.activities.map((a) => ({
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
  const rows = await services.db
    .select({ a: customActivities, firstName: people.firstName })
    .from(customActivities)
    .leftJoin(people, eq(people.id, customActivities.authorId))
    .where(and(eq(customActivities.institutionId, actor.institutionId), or(eq(customActivities.shared, true), eq(customActivities.authorId, actor.personId))));
  const custom: ActivityView[] = rows.map(({ a, firstName }) => ({
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
    authorName: firstName,
  }));
  const activities = [...builtIn, ...custom].filter((a) => (!options.theme || a.theme === options.theme) && (!options.phase || a.phases.includes(options.phase)));
  return { themes: file.themes.map((t) => ({ id: t.id, label: t.label[locale] })), activities };
}

export async function createActivity({ services, actor, locale, request }: { services: Services; actor: Actor; locale: Locale; request: z.output<typeof CreateActivityRequest> }) {
  const [row] = await services.db
    .insert(customActivities)
    .values({
      institutionId: actor.institutionId,
      authorId: actor.personId,
      shared: request.shared,
      locale,
      theme: request.theme,
      phases: request.phases,
      durationMinutes: request.durationMinutes,
      groupMin: request.groupSize.min,
      groupMax: request.groupSize.max,
      title: request.title,
      goal: request.goal,
      materials: request.materials,
      steps: request.steps,
    })
    .returning({ id: customActivities.id });
  return { id: row!.id };
}

export async function listSessionPlans({ services, actor }: { services: Services; actor: Actor }): Promise<SessionPlanView[]> {
  const rows = await services.db
    .select()
    .from(sessionPlans)
    .where(and(eq(sessionPlans.institutionId, actor.institutionId), or(eq(sessionPlans.shared, true), eq(sessionPlans.authorId, actor.personId))));
  const custom = await services.db.select({ id: customActivities.id, minutes: customActivities.durationMinutes }).from(customActivities).where(eq(customActivities.institutionId, actor.institutionId));
  const minutes = (id: string) => services.content.activities.activities.find((a) => a.id === id)?.durationMinutes ?? custom.find((c) => c.id === id)?.minutes ?? 0;
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    activityIds: p.activityIds as string[],
    notes: p.notes,
    shared: p.shared,
    mine: p.authorId === actor.personId,
    durationMinutes: (p.activityIds as string[]).reduce((n, id) => n + minutes(id), 0),
  }));
}

export async function createSessionPlan({ services, actor, request }: { services: Services; actor: Actor; request: z.output<typeof CreateSessionPlanRequest> }) {
  const known = new Set(services.content.activities.activities.map((a) => a.id));
  const custom = await services.db.select({ id: customActivities.id }).from(customActivities).where(and(eq(customActivities.institutionId, actor.institutionId), or(eq(customActivities.shared, true), eq(customActivities.authorId, actor.personId))));
  for (const c of custom) known.add(c.id);
  const unknown = request.activityIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw new AppError('validation_failed', 'unknown activity', {}, [{ path: `activityIds.${unknown}`, message: 'invalid' }]);
  const programmeId = actor.grants.find((g) => g.programmeId)?.programmeId ?? null;
  const [row] = await services.db
    .insert(sessionPlans)
    .values({ institutionId: actor.institutionId, programmeId, authorId: actor.personId, title: request.title, activityIds: request.activityIds, notes: request.notes, shared: request.shared })
    .returning({ id: sessionPlans.id });
  return { id: row!.id };
}
