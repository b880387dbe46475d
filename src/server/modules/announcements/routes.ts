import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommunityBoardResponse, SendAnnouncementRequest, SetCommunityLinksRequest } from '../../../contracts/announcements';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { loadCommunityResources, type CommunityResource } from '../relations/public';
import { getBoard } from './get-board';
import { sendAnnouncement } from './send-announcement';
import { setCommunityLinks } from './set-community-links';

const Params = z.strictObject({ communityId: z.string().uuid() });
const tags = ['announcements'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const communityOf = loader(Params, async (s, inst, p) => {
  const [community] = await loadCommunityResources(s.db, inst, [p.communityId]);
  return community ?? null;
});

function scope(request: FastifyRequest) {
  const r = request.accessResource;
  if (!request.signedIn || !r || r.kind !== 'community') throw new AppError('not_found');
  return { actor: request.signedIn.actor, community: r as CommunityResource };
}

/** A community's board: announcements from the coach and the group's own links (issue 21). */
export const announcementRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/communities/:communityId/board',
    { config: { access: { action: 'community:readAnnouncements', resource: communityOf } }, schema: { tags, summary: "The community's announcements and its meeting and chat links (coach and members)", params: Params, response: { 200: CommunityBoardResponse, 404: ErrorResponse } } },
    async (request) => getBoard({ services, ...scope(request) }),
  );
  app.post(
    '/api/communities/:communityId/announcements',
    { config: { access: { action: 'community:announce', resource: communityOf } }, schema: { tags, summary: 'Send the community a short message (in the app and by mail)', params: Params, body: SendAnnouncementRequest, response: { 201: z.object({ id: z.string().uuid(), mailed: z.number().int() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await sendAnnouncement({ services, ...scope(request), body: request.body.body })),
  );
  app.put(
    '/api/communities/:communityId/links',
    { config: { access: { action: 'community:setLinks', resource: communityOf } }, schema: { tags, summary: "Set the community's default session mode, meeting link and chat link", params: Params, body: SetCommunityLinksRequest, response: { 200: z.object({ ok: z.literal(true) }), ...errors } } },
    async (request) => {
      await setCommunityLinks({ services, community: scope(request).community, request: request.body });
      return { ok: true as const };
    },
  );
};
