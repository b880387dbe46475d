import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityListResponse, CreateActivityRequest, CreateSessionPlanRequest, SessionPlanListResponse } from '../../../contracts/activities';
import { ActivityTheme, YearPhase } from '../../../contracts/content';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { createActivity, createSessionPlan, listActivities, listSessionPlans } from './activity-library';

const Query = z.strictObject({ theme: ActivityTheme.optional(), phase: YearPhase.optional() });
const Created = z.object({ id: z.string().uuid() });
const tags = ['activities'];

export const activityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const actorOf = (signedIn: { actor: Actor } | null) => {
    if (!signedIn) throw new AppError('unauthenticated');
    return signedIn.actor;
  };
  // Creating is for people who run sessions; everyone signed in may browse the library.
  const assertCoachLike = (roles: readonly { role: string }[]) => {
    if (!roles.some((g) => g.role === 'studentcoach' || g.role === 'seniorcoach' || g.role === 'coordinator')) throw new AppError('not_found');
  };
  app.get(
    '/api/activities',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The activity library, filtered by theme and phase', querystring: Query, response: { 200: ActivityListResponse } } },
    async (request) => listActivities({ services, actor: actorOf(request.signedIn), locale: request.locale, ...request.query }),
  );
  app.post(
    '/api/activities',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Add an own activity (shared or private)', body: CreateActivityRequest, response: { 201: Created } } },
    async (request, reply) => {
      const actor = actorOf(request.signedIn);
      assertCoachLike(actor.grants);
      return reply.status(201).send(await createActivity({ services, actor, locale: request.locale, request: request.body }));
    },
  );
  app.get(
    '/api/session-plans',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My and shared session plans', response: { 200: SessionPlanListResponse } } },
    async (request) => ({ plans: await listSessionPlans({ services, actor: actorOf(request.signedIn) }) }),
  );
  app.post(
    '/api/session-plans',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Save a session plan built from activities', body: CreateSessionPlanRequest, response: { 201: Created } } },
    async (request, reply) => {
      const actor = actorOf(request.signedIn);
      assertCoachLike(actor.grants);
      return reply.status(201).send(await createSessionPlan({ services, actor, request: request.body }));
    },
  );
};
