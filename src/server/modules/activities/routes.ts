import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ActivityListQuery,
  ActivityListResponse,
  ActivityResponse,
  CreateActivityRequest,
  CreateSessionPlanRequest,
  SessionPlanListResponse,
  SessionPlanView,
} from '../../../contracts/activities';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { getActivity, listActivities } from './activity-library';
import { createActivity, deleteActivity, updateActivity } from './manage-activity';
import { activityItemOf, customActivityById, libraryItemOf, programmeNames, sessionPlanById } from './repository';
import { createSessionPlan, deleteSessionPlan, getSessionPlan, listSessionPlans, updateSessionPlan } from './session-plans';

const ActivityParams = z.strictObject({ activityId: z.string().min(1).max(80) });
const PlanParams = z.strictObject({ planId: z.string().uuid() });
const Created = z.object({ id: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const tags = ['activities'];

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

/** The institution: adding to the library is for people who run sessions (policy: library:create). */
const institutionResource = async (request: FastifyRequest): Promise<Resource | null> =>
  request.signedIn ? { kind: 'institution', institutionId: request.signedIn.actor.institutionId } : null;

/** A new activity: for one programme's coaches only (a programme of the institution; another: not found) or the institution's. */
const activityScopeInBody = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  if (!request.signedIn) return null;
  const institutionId = request.signedIn.actor.institutionId;
  const parsed = z.object({ programmeId: z.string().uuid() }).safeParse(request.body);
  if (!parsed.success) return { kind: 'institution', institutionId };
  const programmeId = parsed.data.programmeId;
  return (await programmeNames(s.db, institutionId)).has(programmeId) ? { kind: 'programme', institutionId, programmeId } : null;
};

/** A built-in activity (content id) or an own one (uuid) as a library item. */
const activityResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = ActivityParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const institutionId = request.signedIn.actor.institutionId;
  if (s.content.activities.activities.some((a) => a.id === parsed.data.activityId)) return { kind: 'libraryItem', institutionId, builtIn: true, authorId: null, shared: true, programmeId: null };
  const row = await customActivityById(s.db, institutionId, parsed.data.activityId);
  return row ? activityItemOf(row.a) : null;
};

const planResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = PlanParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const row = await sessionPlanById(s.db, request.signedIn.actor.institutionId, parsed.data.planId);
  return row ? libraryItemOf(row.p) : null;
};

export const activityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/activities',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The activity library, filtered by theme, phase, duration, group size and text', querystring: ActivityListQuery, response: { 200: ActivityListResponse } } },
    async (request) => listActivities({ services, actor: actorOf(request), locale: request.locale, query: request.query }),
  );
  app.get(
    '/api/activities/:activityId',
    { config: { access: { action: 'library:read', resource: activityResource } }, schema: { tags, summary: 'One activity: goal, phases, duration, group size, materials, steps', params: ActivityParams, response: { 200: ActivityResponse } } },
    async (request) => getActivity({ services, actor: actorOf(request), locale: request.locale, activityId: request.params.activityId }),
  );
  app.post(
    '/api/activities',
    { config: { access: { action: 'library:create', resource: activityScopeInBody } }, schema: { tags, summary: 'Add an own activity (private, shared with the coaches, or with one programme\'s coaches only)', body: CreateActivityRequest, response: { 201: Created } } },
    async (request, reply) => reply.status(201).send(await createActivity({ services, actor: actorOf(request), locale: request.locale, request: request.body })),
  );
  app.put(
    '/api/activities/:activityId',
    { config: { access: { action: 'library:manage', resource: activityResource } }, schema: { tags, summary: 'Change an own activity', params: ActivityParams, body: CreateActivityRequest, response: { 200: Ok } } },
    async (request) => {
      await updateActivity({ services, actor: actorOf(request), activityId: request.params.activityId, request: request.body });
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/activities/:activityId',
    { config: { access: { action: 'library:manage', resource: activityResource } }, schema: { tags, summary: 'Remove an own activity (also from the plans that used it)', params: ActivityParams, response: { 200: Ok } } },
    async (request) => {
      await deleteActivity({ services, activityId: request.params.activityId });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/session-plans',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My session plans and the ones other coaches share', response: { 200: SessionPlanListResponse } } },
    async (request) => ({ plans: await listSessionPlans({ services, actor: actorOf(request), locale: request.locale }) }),
  );
  app.get(
    '/api/session-plans/:planId',
    { config: { access: { action: 'library:read', resource: planResource } }, schema: { tags, summary: 'One session plan with its activities in order', params: PlanParams, response: { 200: SessionPlanView } } },
    async (request) => getSessionPlan({ services, actor: actorOf(request), locale: request.locale, planId: request.params.planId }),
  );
  app.post(
    '/api/session-plans',
    { config: { access: { action: 'library:create', resource: institutionResource } }, schema: { tags, summary: 'Save a session plan built from activities', body: CreateSessionPlanRequest, response: { 201: Created } } },
    async (request, reply) => reply.status(201).send(await createSessionPlan({ services, actor: actorOf(request), locale: request.locale, request: request.body })),
  );
  app.put(
    '/api/session-plans/:planId',
    { config: { access: { action: 'library:manage', resource: planResource } }, schema: { tags, summary: 'Change an own session plan', params: PlanParams, body: CreateSessionPlanRequest, response: { 200: Ok } } },
    async (request) => {
      await updateSessionPlan({ services, actor: actorOf(request), locale: request.locale, planId: request.params.planId, request: request.body });
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/session-plans/:planId',
    { config: { access: { action: 'library:manage', resource: planResource } }, schema: { tags, summary: 'Remove an own session plan (sessions that used it keep their date)', params: PlanParams, response: { 200: Ok } } },
    async (request) => {
      await deleteSessionPlan({ services, planId: request.params.planId });
      return { ok: true as const };
    },
  );
};
