/** HTTP routes of the resilience map. Thin: parse, call one use case, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { holds, isAllowed, type Resource } from '../../../domain/access/policy';
import { ErrorResponse } from '../../../contracts/identity';
import {
  ConversationResponse,
  CreateSnapshotRequest,
  GroupExerciseResponse,
  MyCoacheesResponse,
  MyResilienceMapResponse,
  ResilienceMapResponse,
  SaveConversationRequest,
  SaveGroupShowRequest,
  SaveResilienceMapRequest,
  SavedResilienceMapResponse,
  ShareResilienceMapRequest,
  SnapshotResponse,
  SnapshotSummary,
} from '../../../contracts/resilience';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { isLocale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError, notFound } from '../../errors/app-error';
import { loadCommunityResources } from '../relations/public';
import { requireConsent } from '../consent/public';
import { createSnapshot } from './create-snapshot';
import { describeMap, describeMyMap } from './describe-map';
import { getConversation } from './get-conversation';
import { getGroupExercise } from './get-group-exercise';
import { getSnapshot } from './get-snapshot';
import { listMyCoachees } from './list-my-coachees';
import { renderMapPdf } from './render-map-pdf';
import { findConversation, findMapById, loadMapResource, relationsOf } from './repository';
import { revokeMapShare } from './revoke-map-share';
import { saveConversation } from './save-conversation';
import { saveGroupShow } from './save-group-show';
import { saveMap } from './save-map';
import { saveMyMap } from './save-my-map';
import { shareMap } from './share-map';
import { startConversation } from './start-conversation';

const MapParams = z.strictObject({ mapId: z.uuid() });
const ShareParams = z.strictObject({ mapId: z.uuid(), personId: z.uuid() });
const SnapshotParams = z.strictObject({ mapId: z.uuid(), snapshotId: z.uuid() });
const ConversationParams = z.strictObject({ conversationId: z.uuid() });
const CoacheeParams = z.strictObject({ coacheeId: z.uuid() });
const CommunityParams = z.strictObject({ communityId: z.uuid() });
const tags = ['resilience'];

/** Resource loader for routes on one map. */
const mapResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = z.object({ mapId: z.uuid() }).safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  return loadMapResource(s.db, request.signedIn.actor.institutionId, parsed.data.mapId);
};

/**
 * The signed-in person's own map, whether or not it was saved yet: only a coachee has one. For
 * anyone else (a coach, a researcher, a beheerder) there is nothing, and the hook answers 404.
 */
const ownMapResource = async (request: FastifyRequest): Promise<Resource | null> => {
  const actor = request.signedIn?.actor;
  if (!actor || !holds(actor, 'coachee', actor.institutionId)) return null;
  return {
    kind: 'coachingContent',
    contentType: 'resilienceMap',
    institutionId: actor.institutionId,
    programmeId: '',
    subjectId: actor.personId,
    authorId: null,
    supervisorIds: [],
    sharedWithIds: [],
  };
};

const conversationResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = ConversationParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const conversation = await findConversation(s.db, parsed.data.conversationId);
  if (!conversation) return null;
  return oneOnOne(request.signedIn.actor.institutionId, conversation.coacheeId, conversation.coachId);
};

const oneOnOne = (institutionId: string, subjectId: string, authorId: string): Resource => ({
  kind: 'coachingContent',
  contentType: 'oneOnOneNote',
  institutionId,
  programmeId: '',
  subjectId,
  authorId,
  supervisorIds: [],
  sharedWithIds: [],
});

const communityResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = CommunityParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const [community] = await loadCommunityResources(s.db, request.signedIn.actor.institutionId, [parsed.data.communityId]);
  return community ?? null;
};

export const resilienceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const signedIn = (request: FastifyRequest) => {
    if (!request.signedIn) throw new AppError('unauthenticated');
    return request.signedIn.actor;
  };
  const loadedMap = async (mapId: string) => (await findMapById(services.db, mapId)) ?? Promise.reject(notFound());
  /**
   * A map someone other than its owner may open (after the access policy allowed it): only while
   * the owner's consent for coaching data holds, checked on every request, so a withdrawal stops
   * the coach's very next read or edit (403 consent_required), even while the share stands.
   */
  const consentedMap = async (request: FastifyRequest, mapId: string) => {
    const map = await loadedMap(mapId);
    if (signedIn(request).personId !== map.ownerId) await requireConsent(services.db, map.ownerId, CONSENT_FOR.coachingData);
    return map;
  };
  /** A guided conversation holds the coach's notes about the coachee: coaching data, so the coachee's consent must hold. */
  const consentedConversation = async (coacheeId: string) => requireConsent(services.db, coacheeId, CONSENT_FOR.coachingData);
  /** A stored conversation (the access resource) needs its coachee's consent still. */
  const conversationConsented = async (request: FastifyRequest) => {
    const resource = request.accessResource;
    if (resource?.kind === 'coachingContent') await consentedConversation(resource.subjectId);
  };
  const accessOf = (request: FastifyRequest, ownerId: string) => {
    const actor = signedIn(request);
    if (actor.personId === ownerId) return 'owner' as const;
    return request.accessResource && isAllowed(actor, 'coachingContent:write', request.accessResource) ? ('edit' as const) : ('view' as const);
  };

  app.get(
    '/api/resilience/my-map',
    {
      config: { access: { action: 'coachingContent:read', resource: ownMapResource } },
      schema: {
        tags,
        summary: 'My own resilience map (coachees only); before the first save a new, empty map without an id, and nothing is written',
        response: { 200: MyResilienceMapResponse, 404: ErrorResponse },
      },
    },
    async (request) => describeMyMap({ services, actor: signedIn(request) }),
  );

  app.put(
    '/api/resilience/my-map',
    {
      config: { access: { action: 'coachingContent:write', resource: ownMapResource } },
      schema: {
        tags,
        summary: 'Save my own map (coachees only); the first save creates it. Refused when based on an old version',
        body: SaveResilienceMapRequest,
        response: { 200: SavedResilienceMapResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => saveMyMap({ services, actor: signedIn(request), request: request.body, locale: request.locale }),
  );

  app.get(
    '/api/resilience/maps/:mapId',
    {
      config: { access: { action: 'coachingContent:read', resource: mapResource } },
      schema: { tags, summary: 'A map: the owner, or someone it was shared with (read is audited)', params: MapParams, response: { 200: ResilienceMapResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const map = await consentedMap(request, request.params.mapId);
      return describeMap({ services, actor: signedIn(request), map, access: accessOf(request, map.ownerId) });
    },
  );

  app.put(
    '/api/resilience/maps/:mapId',
    {
      config: { access: { action: 'coachingContent:write', resource: mapResource } },
      schema: {
        tags,
        summary: 'Save the map (owner, or shared for editing together); refused when based on an old version',
        params: MapParams,
        body: SaveResilienceMapRequest,
        response: { 200: z.object({ version: z.number().int(), updatedAt: z.string() }), 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => saveMap({ services, actor: signedIn(request), map: await consentedMap(request, request.params.mapId), request: request.body, locale: request.locale }),
  );

  app.put(
    '/api/resilience/maps/:mapId/shares/:personId',
    {
      config: { access: { action: 'coachingContent:share', resource: mapResource } },
      schema: { tags, summary: 'Share my map with my coach, to view or to edit together (needs my consent for coaching data)', params: ShareParams, body: ShareResilienceMapRequest, response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse } },
    },
    async (request, reply) => {
      const map = await loadedMap(request.params.mapId);
      // Sharing lets someone else read coaching data: it needs the owner's consent for it.
      await requireConsent(services.db, map.ownerId, CONSENT_FOR.coachingData);
      await shareMap({ services, actor: signedIn(request), map, personId: request.params.personId, mode: request.body.mode });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/resilience/maps/:mapId/shares/:personId',
    {
      config: { access: { action: 'coachingContent:share', resource: mapResource } },
      schema: { tags, summary: 'Stop sharing my map with someone', params: ShareParams, response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (request, reply) => {
      await revokeMapShare({ services, map: await loadedMap(request.params.mapId), personId: request.params.personId });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/resilience/maps/:mapId/snapshots',
    {
      config: { access: { action: 'coachingContent:write', resource: mapResource } },
      schema: { tags, summary: 'Keep a dated version of the map', params: MapParams, body: CreateSnapshotRequest, response: { 201: SnapshotSummary, 400: ErrorResponse, 404: ErrorResponse } },
    },
    async (request, reply) => {
      const snapshot = await createSnapshot({ services, actor: signedIn(request), map: await consentedMap(request, request.params.mapId), takenOn: request.body.takenOn, locale: request.locale });
      return reply.status(201).send(snapshot);
    },
  );

  app.get(
    '/api/resilience/maps/:mapId/snapshots/:snapshotId',
    {
      config: { access: { action: 'coachingContent:read', resource: mapResource } },
      schema: { tags, summary: 'One dated version of a map (read is audited)', params: SnapshotParams, response: { 200: SnapshotResponse, 404: ErrorResponse } },
    },
    async (request) => getSnapshot({ services, actor: signedIn(request), map: await consentedMap(request, request.params.mapId), snapshotId: request.params.snapshotId }),
  );

  app.get(
    '/api/resilience/maps/:mapId/map.pdf',
    {
      config: { access: { action: 'coachingContent:read', resource: mapResource } },
      schema: { tags, summary: 'The map as a printable PDF (read is audited)', params: MapParams, querystring: z.strictObject({ lang: z.enum(['nl', 'en']).optional() }) },
    },
    async (request, reply) => {
      const locale = isLocale(request.query.lang) ? request.query.lang : request.locale;
      const pdf = await renderMapPdf({ services, actor: signedIn(request), map: await consentedMap(request, request.params.mapId), locale });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="veerkrachtpraatplaat.pdf"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/resilience/my-coachees',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The coachees I coach, whether they shared their map, my conversations', response: { 200: MyCoacheesResponse } } },
    async (request) => listMyCoachees({ services, actor: signedIn(request) }),
  );

  app.post(
    '/api/resilience/coachees/:coacheeId/conversations',
    {
      config: {
        access: {
          action: 'coachingContent:write',
          // A one-on-one note the actor would author — only about a coachee in a community they coach.
          resource: async (request, s) => {
            const parsed = CoacheeParams.safeParse(request.params);
            if (!parsed.success || !request.signedIn) return null;
            const actor = request.signedIn.actor;
            const relations = await relationsOf(s.db, actor.institutionId, parsed.data.coacheeId);
            return relations.coachIds.includes(actor.personId) ? oneOnOne(actor.institutionId, parsed.data.coacheeId, actor.personId) : null;
          },
        },
      },
      schema: { tags, summary: 'Start a guided resilience conversation with a coachee I coach', params: CoacheeParams, response: { 201: z.object({ id: z.uuid() }), 404: ErrorResponse } },
    },
    async (request, reply) => {
      await consentedConversation(request.params.coacheeId);
      return reply.status(201).send(await startConversation({ services, actor: signedIn(request), coacheeId: request.params.coacheeId }));
    },
  );

  app.get(
    '/api/resilience/conversations/:conversationId',
    {
      config: { access: { action: 'coachingContent:read', resource: conversationResource } },
      schema: { tags, summary: 'A guided conversation (the coach who holds it only)', params: ConversationParams, response: { 200: ConversationResponse, 404: ErrorResponse } },
    },
    async (request) => {
      await conversationConsented(request);
      return getConversation({ services, actor: signedIn(request), conversationId: request.params.conversationId });
    },
  );

  app.put(
    '/api/resilience/conversations/:conversationId',
    {
      config: { access: { action: 'coachingContent:write', resource: conversationResource } },
      schema: { tags, summary: 'Save the checks and private notes of a guided conversation', params: ConversationParams, body: SaveConversationRequest, response: { 204: z.null(), 400: ErrorResponse, 404: ErrorResponse } },
    },
    async (request, reply) => {
      await conversationConsented(request);
      await saveConversation({ services, conversationId: request.params.conversationId, progress: request.body.progress });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/resilience/communities/:communityId/group',
    {
      config: { access: { action: 'community:groupExercise', resource: communityResource } },
      schema: { tags, summary: 'The group exercise: what members chose to show, and an anonymous tally', params: CommunityParams, response: { 200: GroupExerciseResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const community = request.accessResource;
      if (community?.kind !== 'community') throw notFound();
      const [loaded] = await loadCommunityResources(services.db, community.institutionId, [request.params.communityId]);
      if (!loaded) throw notFound();
      return getGroupExercise({ services, actor: signedIn(request), community: loaded });
    },
  );

  app.put(
    '/api/resilience/communities/:communityId/group/mine',
    {
      config: { access: { action: 'community:groupExercise', resource: communityResource } },
      schema: { tags, summary: 'Choose what of my map the group sees', params: CommunityParams, body: SaveGroupShowRequest, response: { 204: z.null(), 404: ErrorResponse } },
    },
    async (request, reply) => {
      const [loaded] = await loadCommunityResources(services.db, signedIn(request).institutionId, [request.params.communityId]);
      if (!loaded) throw notFound();
      await saveGroupShow({ services, actor: signedIn(request), community: loaded, ...request.body });
      return reply.status(204).send(null);
    },
  );
};
