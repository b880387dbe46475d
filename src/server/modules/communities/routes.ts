import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommunitySummary, PersonName } from '../../../contracts/home';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loadCommunityResources, namesOf } from './repository';

const Params = z.strictObject({ communityId: z.string().uuid() });

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
};
