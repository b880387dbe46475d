import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommunitySummary, PersonName } from '../../../contracts/home';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import {
  AddMemberRequest,
  CommunityManageResponse,
  CompleteHandoverRequest,
  CreateCommunityRequest,
  HandoverResponse,
  IntakeCommunitiesResponse,
  MyCommunityResponse,
  MyHandoversResponse,
  StartHandoverRequest,
  StopMemberRequest,
  UpdateCommunityRequest,
  WriteHandoverNoteRequest,
} from '../../../contracts/communities';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { intakeResource, loadCommunityResources, namesOf } from '../relations/public';
import { addMember, createCommunity, stopMember, updateCommunity } from './edit-community';
import { getCommunityManage } from './get-community-manage';
import { getHandover, handoverResource, myHandovers } from './get-handover';
import { getMyCommunity } from './get-my-community';
import { completeHandover, startHandover, writeHandoverNote } from './handover';
import { listIntakeCommunities } from './list-intake-communities';

const Params = z.strictObject({ communityId: z.string().uuid() });
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const MemberParams = z.strictObject({ communityId: z.string().uuid(), personId: z.string().uuid() });
const HandoverParams = z.strictObject({ handoverId: z.string().uuid() });
const Created = z.object({ id: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const communityOf = loader(z.object({ communityId: z.string().uuid() }), async (s, inst, p) => {
  const [community] = await loadCommunityResources(s.db, inst, [p.communityId]);
  return community ?? null;
});
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const handoverOf = loader(HandoverParams, (s, inst, p) => handoverResource(s.db, inst, p.handoverId));

function scopeOf(request: FastifyRequest) {
  const r = request.accessResource;
  if (!request.signedIn || !r || (r.kind !== 'community' && r.kind !== 'programme' && r.kind !== 'handover')) throw new AppError('not_found');
  return { actor: request.signedIn.actor, institutionId: r.institutionId, programmeId: r.programmeId };
}

export const communityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/communities/:communityId',
    {
      config: {
        access: {
          action: 'community:read',
          resource: async (request, s) => {
            const parsed = Params.safeParse(request.params);
            if (!parsed.success || !request.signedIn) return null;
            const [community] = await loadCommunityResources(s.db, request.signedIn.actor.institutionId, [parsed.data.communityId]);
            return community ?? null;
          },
        },
      },
      schema: {
        tags: ['communities'],
        summary: 'One community with its coach and members',
        params: Params,
        response: { 200: CommunitySummary.extend({ members: z.array(PersonName) }), 404: ErrorResponse },
      },
    },
    async (request) => {
      const community = request.accessResource;
      if (!community || community.kind !== 'community' || !request.signedIn) throw new AppError('not_found');
      const [loaded] = await loadCommunityResources(services.db, community.institutionId, [request.params.communityId]);
      if (!loaded) throw new AppError('not_found');
      const names = await namesOf(services.db, [...loaded.memberIds, ...(loaded.coachId ? [loaded.coachId] : [])]);
      const isMember = loaded.memberIds.includes(request.signedIn.actor.personId);
      const person = (id: string, full: boolean) => ({
        id,
        firstName: names.get(id)?.firstName ?? '',
        ...(full ? { lastName: names.get(id)?.lastName ?? '' } : {}),
      });
      return {
        id: loaded.id,
        name: loaded.name,
        programmeId: loaded.programmeId,
        coach: loaded.coachId ? person(loaded.coachId, true) : null,
        memberCount: loaded.memberIds.length,
        members: loaded.memberIds.map((id) => person(id, !isMember)),
      };
    },
  );
  app.get(
    '/api/intakes/:intakeId/communities',
    {
      config: { access: { action: 'programme:manageCommunities', resource: intakeOf } },
      schema: { tags: ['communities'], summary: "An intake's communities with size and continuity figures", params: IntakeParams, response: { 200: IntakeCommunitiesResponse, ...errors } },
    },
    async (request) => listIntakeCommunities({ services, institutionId: scopeOf(request).institutionId, intakeId: request.params.intakeId }),
  );

  app.post(
    '/api/intakes/:intakeId/communities',
    {
      config: { access: { action: 'programme:manageCommunities', resource: intakeOf } },
      schema: { tags: ['communities'], summary: 'Create a community by hand', params: IntakeParams, body: CreateCommunityRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createCommunity({ services, ...scopeOf(request), intakeId: request.params.intakeId, ...request.body })),
  );

  app.get(
    '/api/communities/:communityId/manage',
    {
      config: { access: { action: 'community:manage', resource: communityOf } },
      schema: { tags: ['communities'], summary: 'A community for editing: members, history, handovers, continuity', params: Params, response: { 200: CommunityManageResponse, ...errors } },
    },
    async (request) => getCommunityManage({ services, institutionId: scopeOf(request).institutionId, communityId: request.params.communityId }),
  );

  app.put(
    '/api/communities/:communityId',
    {
      config: { access: { action: 'community:manage', resource: communityOf } },
      schema: { tags: ['communities'], summary: 'Rename a community or change its coach (version-checked)', params: Params, body: UpdateCommunityRequest, response: { 200: Created, ...errors } },
    },
    async (request) => updateCommunity({ services, ...scopeOf(request), communityId: request.params.communityId, ...request.body }),
  );

  app.post(
    '/api/communities/:communityId/members',
    {
      config: { access: { action: 'community:manage', resource: communityOf } },
      schema: {
        tags: ['communities'],
        summary: 'Add or move a student into the community (a full community needs overrideFull)',
        params: Params,
        body: AddMemberRequest,
        response: { 200: z.object({ id: z.string().uuid(), moved: z.boolean() }), ...errors },
      },
    },
    async (request) => addMember({ services, communityId: request.params.communityId, ...request.body }),
  );

  app.post(
    '/api/communities/:communityId/members/:personId/stop',
    {
      config: {
        access: { action: 'community:manage', resource: communityOf },
      },
      schema: { tags: ['communities'], summary: 'A member stops, with a reason', params: MemberParams, body: StopMemberRequest, response: { 200: Created, ...errors, 422: ErrorResponse } },
    },
    async (request) => stopMember({ services, ...scopeOf(request), communityId: request.params.communityId, personId: request.params.personId, ...request.body }),
  );

  app.post(
    '/api/communities/:communityId/handovers',
    {
      config: { access: { action: 'community:manage', resource: communityOf } },
      schema: { tags: ['communities'], summary: 'Start a warm handover to a new coach, or redistribute the members', params: Params, body: StartHandoverRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return reply.status(201).send(
        await startHandover({
          services,
          institutionId: scope.institutionId,
          programmeId: scope.programmeId,
          communityId: request.params.communityId,
          actorId: scope.actor.personId,
          request: request.body,
          locale: request.locale,
        }),
      );
    },
  );

  app.get(
    '/api/handovers/:handoverId',
    {
      config: { access: { action: 'handover:read', resource: handoverOf } },
      schema: { tags: ['communities'], summary: 'A handover; the note only for the two coaches', params: HandoverParams, response: { 200: HandoverResponse, ...errors } },
    },
    async (request) => {
      const scope = scopeOf(request);
      return getHandover({ services, actor: scope.actor, handoverId: request.params.handoverId, programmeId: scope.programmeId });
    },
  );

  app.put(
    '/api/handovers/:handoverId/note',
    {
      config: { access: { action: 'handover:writeNote', resource: handoverOf } },
      schema: { tags: ['communities'], summary: 'The leaving coach writes the handover note', params: HandoverParams, body: WriteHandoverNoteRequest, response: { 200: Created, ...errors } },
    },
    async (request) => writeHandoverNote({ services, handoverId: request.params.handoverId, note: request.body.note }),
  );

  app.post(
    '/api/handovers/:handoverId/complete',
    {
      config: { access: { action: 'handover:manage', resource: handoverOf } },
      schema: {
        tags: ['communities'],
        summary: 'Complete the handover: the new coach takes over, or the members move; coachees are told by e-mail. A spread into a community that filled up meanwhile needs overrideFull.',
        params: HandoverParams,
        body: CompleteHandoverRequest.nullish(),
        response: { 200: Created, ...errors },
      },
    },
    async (request) =>
      completeHandover({
        services,
        institutionId: scopeOf(request).institutionId,
        handoverId: request.params.handoverId,
        overrideFull: request.body?.overrideFull ?? false,
        locale: request.locale,
      }),
  );

  app.get(
    '/api/me/handovers',
    {
      // Own data only: handovers where the person is the leaving or the new coach.
      config: { access: { signedIn: true } },
      schema: { tags: ['communities'], summary: 'Handovers I take part in as a coach', response: { 200: MyHandoversResponse } },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return myHandovers({ services, actor: request.signedIn.actor });
    },
  );

  app.get(
    '/api/me/community',
    {
      // Own data only: the community the person is a member of.
      config: { access: { signedIn: true } },
      schema: { tags: ['communities'], summary: 'My community, my coach and how to reach them', response: { 200: MyCommunityResponse } },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return getMyCommunity({ services, personId: request.signedIn.actor.personId });
    },
  );
};
