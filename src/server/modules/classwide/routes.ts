/** HTTP routes of class-wide coaching (#21 item 3, ADR 0027): the coordinator links coaches to the classes of a class-wide intake. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AcceptClassSessionsRequest,
  AcceptClassSessionsResponse,
  ClassSessionProposalsResponse,
  IntakeClassCoachesResponse,
  LinkClassCoachRequest,
  LinkClassCoachResponse,
  MyClassesResponse,
  ProposeClassSessionsQuery,
} from '../../../contracts/classwide';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { loader } from '../../http/resource-loader';
import { intakeResource, loadCommunityResources, type CommunityResource } from '../relations/public';
import { AppError } from '../../errors/app-error';
import { acceptClassSessions, proposeClassSessionsFor } from './class-session-proposals';
import { linkClassCoach } from './link-class-coach';
import { myClasses } from './my-classes';
import { readClassCoaches } from './read-class-coaches';

const tags = ['classwide'];
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const ClassParams = z.strictObject({ intakeId: z.string().uuid(), classId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const CommunityParams = z.strictObject({ communityId: z.string().uuid() });
const loadedClasses = new WeakMap<object, CommunityResource>();
/** The class community as the policy's resource (its coach, the programme's coordinators): others get the same 404 as a missing one. */
const classCommunityOf = async (request: FastifyRequest, s: Services) => {
  const parsed = CommunityParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const [community] = await loadCommunityResources(s.db, request.signedIn.actor.institutionId, [parsed.data.communityId]);
  if (community) loadedClasses.set(request, community);
  return community ?? null;
};

export const classwideRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/intakes/:intakeId/class-coaches',
    { config: { access: { action: 'programme:manageCommunities', resource: loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId)) } }, schema: { tags, summary: "The classes of an intake with their size and coach, and the programme's available coaches", params: IntakeParams, response: { 200: IntakeClassCoachesResponse, 404: ErrorResponse } } },
    async (request) => readClassCoaches({ services, intakeId: request.params.intakeId }),
  );
  app.put(
    '/api/intakes/:intakeId/classes/:classId/coach',
    { config: { access: { action: 'programme:manageCommunities', resource: loader(ClassParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId)) } }, schema: { tags, summary: "Link a coach to a class of a class-wide intake, or change the class's coach (a handover)", params: ClassParams, body: LinkClassCoachRequest, response: { 200: LinkClassCoachResponse, ...errors } } },
    async (request) => linkClassCoach({ services, intakeId: request.params.intakeId, classId: request.params.classId, request: request.body }),
  );
  app.get(
    '/api/classes/mine',
    // The signed-in coach's own classes only: the use case reads by the actor's id.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My classes: each with its size and its coming and past class-wide sessions', response: { 200: MyClassesResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return myClasses({ services, coachId: request.signedIn.actor.personId, locale: request.locale });
    },
  );
  app.get(
    '/api/communities/:communityId/class-sessions/proposal',
    // Proposing stores nothing; accepting (POST …/class-sessions) needs the same right: the class's coach or the coordinator.
    { config: { access: { action: 'community:planSessions', resource: classCommunityOf } }, schema: { tags, summary: "Proposed class-wide sessions: one per teaching period, next to the class's lessons, with the reason (#21 item 3); stores nothing", params: CommunityParams, querystring: ProposeClassSessionsQuery, response: { 200: ClassSessionProposalsResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } } },
    async (request) => proposeClassSessionsFor({ services, community: loadedClasses.get(request)!, durationMinutes: request.query.durationMinutes }),
  );
  app.post(
    '/api/communities/:communityId/class-sessions',
    { config: { access: { action: 'community:planSessions', resource: classCommunityOf } }, schema: { tags, summary: 'Plan the accepted (possibly changed) class-wide sessions: the class is invited; a double accept answers 409', params: CommunityParams, body: AcceptClassSessionsRequest, response: { 201: AcceptClassSessionsResponse, ...errors, 422: ErrorResponse } } },
    async (request, reply) => reply.status(201).send(await acceptClassSessions({ services, community: loadedClasses.get(request)!, request: request.body })),
  );
};
