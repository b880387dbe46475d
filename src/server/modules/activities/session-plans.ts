/**
 * Session plans: activities in order, with their minutes added up, saved to reuse when preparing
 * a session, private or shared with the other coaches.
 */
import { eq } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { CreateSessionPlanRequest, PlanActivity, SessionPlanView } from '../../../contracts/activities';
import type { Locale } from '../../../i18n/translate';
import type { z } from 'zod';
import type { Services } from '../../context';
import { sessionPlans } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { readableActivities } from './activity-library';
import { customActivityBriefs, libraryItemOf, sessionPlanById, sessionPlansFor, type SessionPlanRow } from './repository';

/** The activities of plans, in order; an activity removed from the library shows as a gap (title null). */
export async function resolvePlanActivities(services: Services, institutionId: string, locale: Locale, plans: { activityIds: unknown }[]) {
  const ids = [...new Set(plans.flatMap((p) => p.activityIds as string[]))];
  const custom = await customActivityBriefs(services.db, institutionId, ids);
  const byId = new Map<string, { title: string; durationMinutes: number }>();
  for (const a of services.content.activities.activities) byId.set(a.id, { title: a.title[locale], durationMinutes: a.durationMinutes });
  for (const a of custom) byId.set(a.id, a);
  return (plan: { activityIds: unknown }): PlanActivity[] =>
    (plan.activityIds as string[]).map((id) => ({ id, title: byId.get(id)?.title ?? null, durationMinutes: byId.get(id)?.durationMinutes ?? 0 }));
}

export function planView(p: SessionPlanRow, authorFirstName: string | null, actor: Actor, activities: PlanActivity[]): SessionPlanView {
  return {
    id: p.id,
    title: p.title,
    activityIds: p.activityIds as string[],
    activities,
    notes: p.notes,
    shared: p.shared,
    mine: p.authorId === actor.personId,
    authorName: authorFirstName,
    durationMinutes: activities.reduce((n, a) => n + a.durationMinutes, 0),
  };
}

export async function listSessionPlans({ services, actor, locale }: { services: Services; actor: Actor; locale: Locale }): Promise<SessionPlanView[]> {
  const rows = (await sessionPlansFor(services.db, actor.institutionId, actor.personId)).filter(({ p }) => isAllowed(actor, 'library:read', libraryItemOf(p)));
  const resolve = await resolvePlanActivities(services, actor.institutionId, locale, rows.map((r) => r.p));
  return rows.map(({ p, authorFirstName }) => planView(p, authorFirstName, actor, resolve(p)));
}

/** One plan (the route's access rule let the person read it). */
export async function getSessionPlan({ services, actor, locale, planId }: { services: Services; actor: Actor; locale: Locale; planId: string }): Promise<SessionPlanView> {
  const row = await sessionPlanById(services.db, actor.institutionId, planId);
  if (!row) throw new AppError('not_found');
  const resolve = await resolvePlanActivities(services, actor.institutionId, locale, [row.p]);
  return planView(row.p, row.authorFirstName, actor, resolve(row.p));
}

type PlanFields = z.output<typeof CreateSessionPlanRequest>;

/** A plan may hold only activities the person can see in the library. */
async function checkActivities(services: Services, actor: Actor, locale: Locale, activityIds: string[]) {
  const known = new Set((await readableActivities(services, actor, locale)).map((a) => a.id));
  const fields = activityIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `activityIds.${i}`, message: 'invalid' }]));
  if (fields.length) throw new AppError('validation_failed', 'unknown activity in plan', {}, fields);
}

export async function createSessionPlan({ services, actor, locale, request }: { services: Services; actor: Actor; locale: Locale; request: PlanFields }) {
  await checkActivities(services, actor, locale, request.activityIds);
  const programmeId = actor.grants.find((g) => g.programmeId && g.role !== 'coachee')?.programmeId ?? null;
  const [row] = await services.db
    .insert(sessionPlans)
    .values({ institutionId: actor.institutionId, programmeId, authorId: actor.personId, title: request.title, activityIds: request.activityIds, notes: request.notes, shared: request.shared })
    .returning({ id: sessionPlans.id });
  if (!row) throw new AppError('internal', 'plan insert returned nothing');
  return { id: row.id };
}

/** The route's access rule (library:manage) made sure the person wrote it. */
export async function updateSessionPlan({ services, actor, locale, planId, request }: { services: Services; actor: Actor; locale: Locale; planId: string; request: PlanFields }) {
  await checkActivities(services, actor, locale, request.activityIds);
  await services.db.update(sessionPlans).set({ title: request.title, activityIds: request.activityIds, notes: request.notes, shared: request.shared }).where(eq(sessionPlans.id, planId));
}

export async function deleteSessionPlan({ services, planId }: { services: Services; planId: string }) {
  await services.db.delete(sessionPlans).where(eq(sessionPlans.id, planId));
}
