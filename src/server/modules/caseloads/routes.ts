/** HTTP routes of individual coaching (#21 item 3): the coordinator's caseload screen and the coach's own caseloads. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssignCaseloadsResponse, IntakeCaseloadsResponse, MoveCoacheeRequest, MyCaseloadsResponse, ProposeRoundQuery, RoundProposalResponse } from '../../../contracts/caseloads';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { intakeResource, loadCommunityResources, type CommunityResource } from '../relations/public';
import { assignIntakeCaseloads } from './assign-caseloads';
import { moveCoachee } from './move-coachee';
import { myCaseloads } from './my-caseloads';
import { proposeRound } from './propose-round';
import { readCaseloads } from './read-caseloads';

const tags = ['caseloads'];
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const CommunityParams = z.strictObject({ communityId: z.string().uuid() });
const loadedCaseloads = new WeakMap<object, CommunityResource>();
const caseloadOf = async (request: FastifyRequest, s: Services) => {
  const parsed = CommunityParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const [community] = await loadCommunityResources(s.db, request.signedIn.actor.institutionId, [parsed.data.communityId]);
  if (community) loadedCaseloads.set(request, community);
  return community ?? null;
};

export const caseloadRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/intakes/:intakeId/caseloads',
    { config: { access: { action: 'programme:manageCommunities', resource: intakeOf } }, schema: { tags, summary: 'The coaches of an individual-coaching intake with their caseloads, and the students without one', params: IntakeParams, response: { 200: IntakeCaseloadsResponse, 404: ErrorResponse } } },
    async (request) => readCaseloads({ services, intakeId: request.params.intakeId }),
  );
  app.post(
    '/api/intakes/:intakeId/caseloads/assign',
    { config: { access: { action: 'programme:manageCommunities', resource: intakeOf } }, schema: { tags, summary: 'Assign every student without a caseload, evenly over the available coaches', params: IntakeParams, response: { 200: AssignCaseloadsResponse, ...errors } } },
    async (request) => assignIntakeCaseloads({ services, intakeId: request.params.intakeId }),
  );
  app.post(
    '/api/intakes/:intakeId/caseloads/moves',
    { config: { access: { action: 'programme:manageCommunities', resource: intakeOf } }, schema: { tags, summary: "Move a student to a coach's caseload (a coach change for the student)", params: IntakeParams, body: MoveCoacheeRequest, response: { 200: Ok, ...errors } } },
    async (request) => moveCoachee({ services, intakeId: request.params.intakeId, request: request.body }),
  );
  app.get(
    '/api/communities/:communityId/one-on-one-round/proposal',
    // Proposing stores nothing; planning the round (POST …/one-on-one-round) needs the same right.
    {
      config: {
        access: {
          action: 'community:planSessions',
          resource: caseloadOf,
        },
      },
      schema: { tags, summary: 'Proposed times for a round of one-on-ones in a week, from the timetables (#21 item 3); stores nothing', params: CommunityParams, querystring: ProposeRoundQuery, response: { 200: RoundProposalResponse, 400: ErrorResponse, 404: ErrorResponse } },
    },
    async (request) => proposeRound({ services, community: loadedCaseloads.get(request)!, query: request.query }),
  );
  app.get(
    '/api/caseloads/mine',
    // The signed-in coach's own caseloads only: the use case reads by the actor's id.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My caseloads: each coachee with their last and next one-on-one', response: { 200: MyCaseloadsResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return myCaseloads({ services, coachId: request.signedIn.actor.personId, locale: request.locale });
    },
  );
};
