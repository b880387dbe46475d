/** HTTP routes of the Roadmap to studentsucces (issue 22). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  AddPlanItemRequest,
  AdoptShippedRequest,
  GiveViewRequest,
  InviteStakeholderRequest,
  KeepOwnContentRequest,
  RecordAssessmentRequest,
  RoadmapContentResponse,
  RoadmapListResponse,
  RoadmapProgressResponse,
  RoadmapResponse,
  SaveRoadmapContentRequest,
  StartRoadmapRequest,
  UpdatePlanItemRequest,
} from '../../../contracts/roadmap';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { giveView, inviteStakeholder, recordAssessment, removeStakeholder } from './assess';
import { getRoadmap } from './get-roadmap';
import { listRoadmaps } from './list-roadmaps';
import { addPlanItem, removePlanItem, updatePlanItem } from './plan-items';
import { planPdf } from './plan-pdf';
import { getProgress } from './progress';
import { roadmapRepository } from './repository';
import { roadmapResourceOf } from './resource';
import { adoptShippedContent, ContentVersionResponse, getRoadmapContent, keepOwnContent, saveRoadmapContent } from './roadmap-content';
import { startRoadmap } from './start-roadmap';

const Created = z.object({ id: z.string().uuid() });
const RoadmapParams = z.strictObject({ roadmapId: z.string().uuid() });
const FactorParams = z.strictObject({ roadmapId: z.string().uuid(), factorId: z.string().min(1).max(100) });
const StakeholderParams = z.strictObject({ roadmapId: z.string().uuid(), personId: z.string().uuid() });
const ItemParams = z.strictObject({ roadmapId: z.string().uuid(), itemId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

async function roadmapResource(s: Services, institutionId: string, roadmapId: string, factorId?: string): Promise<Resource | null> {
  const repo = roadmapRepository(s.db);
  const row = await repo.roadmap(institutionId, roadmapId);
  if (!row) return null;
  return roadmapResourceOf(row, await repo.stakeholders([row.id]), factorId);
}
const roadmapOf = loader(RoadmapParams, (s, inst, p) => roadmapResource(s, inst, p.roadmapId));
const roadmapFactorOf = loader(FactorParams, (s, inst, p) => roadmapResource(s, inst, p.roadmapId, p.factorId));
const roadmapOfStakeholder = loader(StakeholderParams, (s, inst, p) => roadmapResource(s, inst, p.roadmapId));
const roadmapOfItem = loader(ItemParams, (s, inst, p) => roadmapResource(s, inst, p.roadmapId));
/** The scope a new roadmap is for (from the body): a programme of the institution, or the institution. */
const scopeOf = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const body = StartRoadmapRequest.safeParse(request.body);
  if (!body.success || !request.signedIn) return null;
  const inst = request.signedIn.actor.institutionId;
  if (body.data.programmeId !== null && (await roadmapRepository(s.db).programmesOf(inst, [body.data.programmeId])).length === 0) return null;
  return { kind: 'roadmap', institutionId: inst, programmeId: body.data.programmeId, stakeholders: [] };
};
const contentOf = async (request: FastifyRequest): Promise<Resource | null> => (request.signedIn ? { kind: 'roadmapContent', institutionId: request.signedIn.actor.institutionId } : null);

const actorOf = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
};
const resourceOf = (request: FastifyRequest) => {
  if (!request.accessResource) throw new AppError('not_found');
  return request.accessResource;
};

export const roadmapRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/roadmaps',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['roadmap'], summary: 'The roadmaps I may open (as owner or invited stakeholder) and where I may start one', response: { 200: RoadmapListResponse } },
    },
    async (request) => listRoadmaps({ services, actor: actorOf(request) }),
  );

  app.post(
    '/api/roadmaps',
    {
      config: { access: { action: 'roadmap:manage', resource: scopeOf } },
      schema: { tags: ['roadmap'], summary: 'Start the roadmap of a programme (or the institution) for a coaching year; a second one for the same year answers 409', body: StartRoadmapRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await startRoadmap({ services, institutionId: actorOf(request).institutionId, programmeId: request.body.programmeId, year: request.body.year })),
  );

  app.get(
    '/api/roadmaps/:roadmapId',
    {
      config: { access: { action: 'roadmap:read', resource: roadmapOf } },
      schema: { tags: ['roadmap'], summary: 'A roadmap: principles and factors with their interventions, views, agreed statuses, figures and the plan (an invited stakeholder: their factors only)', params: RoadmapParams, response: { 200: RoadmapResponse, 404: ErrorResponse } },
    },
    async (request) => getRoadmap({ services, actor: actorOf(request), resource: resourceOf(request), roadmapId: request.params.roadmapId }),
  );

  app.get(
    '/api/roadmaps/:roadmapId/progress',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOf } },
      schema: { tags: ['roadmap'], summary: "This year's agreed statuses next to earlier years' (table and SVG chart)", params: RoadmapParams, response: { 200: RoadmapProgressResponse, 404: ErrorResponse } },
    },
    async (request) => getProgress({ services, institutionId: actorOf(request).institutionId, roadmapId: request.params.roadmapId, locale: request.locale }),
  );

  app.put(
    '/api/roadmaps/:roadmapId/stakeholders',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOf } },
      schema: { tags: ['roadmap'], summary: 'Invite a person of the institution (by e-mail address) to give their view on some factors, as one of the stakeholders', params: RoadmapParams, body: InviteStakeholderRequest, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await inviteStakeholder({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, request: request.body, locale: request.locale });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/roadmaps/:roadmapId/stakeholders/:personId',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOfStakeholder } },
      schema: { tags: ['roadmap'], summary: 'Take back an invitation (the person’s views go with it)', params: StakeholderParams, response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (request, reply) => {
      await removeStakeholder({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, personId: request.params.personId });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/roadmaps/:roadmapId/factors/:factorId/view',
    {
      config: { access: { action: 'roadmap:giveView', resource: roadmapFactorOf } },
      schema: { tags: ['roadmap'], summary: 'Give my view on a factor: a status and a note', params: FactorParams, body: GiveViewRequest, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await giveView({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, factorId: request.params.factorId, request: request.body, locale: request.locale });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/roadmaps/:roadmapId/factors/:factorId/assessment',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapFactorOf } },
      schema: { tags: ['roadmap'], summary: 'Record the agreed status of a factor with the evidence note and its owner; a stale version answers 409', params: FactorParams, body: RecordAssessmentRequest, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await recordAssessment({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, factorId: request.params.factorId, request: request.body, locale: request.locale });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/roadmaps/:roadmapId/plan',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOf } },
      schema: { tags: ['roadmap'], summary: 'Add an intervention to the improvement plan with owner, horizon and due date; the owner is reminded a week before', params: RoadmapParams, body: AddPlanItemRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await addPlanItem({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, request: request.body, locale: request.locale })),
  );

  app.put(
    '/api/roadmaps/:roadmapId/plan/:itemId',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOfItem } },
      schema: { tags: ['roadmap'], summary: 'Change a plan item: owner, horizon, due date, status', params: ItemParams, body: UpdatePlanItemRequest, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await updatePlanItem({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, itemId: request.params.itemId, request: request.body, locale: request.locale });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/roadmaps/:roadmapId/plan/:itemId',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOfItem } },
      schema: { tags: ['roadmap'], summary: 'Take an intervention out of the plan', params: ItemParams, response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (request, reply) => {
      await removePlanItem({ services, actor: actorOf(request), roadmapId: request.params.roadmapId, itemId: request.params.itemId });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/roadmaps/:roadmapId/plan.pdf',
    {
      config: { access: { action: 'roadmap:manage', resource: roadmapOf } },
      schema: { tags: ['roadmap'], summary: 'The improvement plan as a one-page PDF overview', params: RoadmapParams, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const pdf = await planPdf({ services, actor: actorOf(request), resource: resourceOf(request), roadmapId: request.params.roadmapId, locale: request.locale });
      void reply.header('content-disposition', 'inline; filename="verbeterplan.pdf"').header('x-content-type-options', 'nosniff');
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/roadmap-content',
    {
      config: { access: { action: 'roadmapContent:manage', resource: contentOf } },
      schema: { tags: ['roadmap'], summary: "The institution's roadmap content in force, and a newer shipped version on offer with its changes", response: { 200: RoadmapContentResponse, 404: ErrorResponse } },
    },
    async (request) => getRoadmapContent({ services, institutionId: actorOf(request).institutionId }),
  );

  app.put(
    '/api/roadmap-content',
    {
      config: { access: { action: 'roadmapContent:manage', resource: contentOf } },
      schema: { tags: ['roadmap'], summary: "Save a new version of the institution's roadmap content (checked like content/roadmap.json); a stale base version answers 409", body: SaveRoadmapContentRequest, response: { 200: ContentVersionResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return saveRoadmapContent({ services, institutionId: actor.institutionId, personId: actor.personId, baseVersion: request.body.baseVersion, content: request.body.content, locale: request.locale });
    },
  );

  app.post(
    '/api/roadmap-content/adopt-shipped',
    {
      config: { access: { action: 'roadmapContent:manage', resource: contentOf } },
      schema: { tags: ['roadmap'], summary: 'Take over the shipped roadmap content as a new version (the offered update)', body: AdoptShippedRequest, response: { 200: ContentVersionResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return adoptShippedContent({ services, institutionId: actor.institutionId, personId: actor.personId, baseVersion: request.body.baseVersion });
    },
  );

  app.post(
    '/api/roadmap-content/keep-own',
    {
      config: { access: { action: 'roadmapContent:manage', resource: contentOf } },
      schema: { tags: ['roadmap'], summary: "Keep the institution's own content and stop offering the shipped version on offer (a newer one is offered again); a stale base version answers 409", body: KeepOwnContentRequest, response: { 200: ContentVersionResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      return keepOwnContent({ services, institutionId: actor.institutionId, personId: actor.personId, baseVersion: request.body.baseVersion });
    },
  );
};
