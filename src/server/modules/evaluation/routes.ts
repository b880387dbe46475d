/** HTTP routes of the evaluation context (#18). Thin: parse, call, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  MyEvaluationsResponse,
  QuestionnaireResponse,
  ResponseRates,
  SaveAnswerByTokenRequest,
  SaveAnswerRequest,
  TokenRequest,
} from '../../../contracts/evaluation';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { intakeResource, loadCommunityResources, programmeResource } from '../relations/public';
import { finishQuestionnaire, listMyEvaluations, loadInvitation, loadInvitationByToken, readQuestionnaire, saveAnswer, type LoadedInvitation } from './answer-questionnaire';
import { responseRates } from './results';

const tags = ['evaluation'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const ok = { ok: true as const };
const OkResponse = z.object({ ok: z.literal(true) });
const AnsweredResponse = z.object({ answeredKeys: z.array(z.string()) });
const InvitationParams = z.object({ invitationId: z.string().uuid() });
const AnswerParams = z.object({ invitationId: z.string().uuid(), questionKey: z.string().min(1).max(100) });
const ProgrammeParams = z.object({ programmeId: z.string().uuid() });
const CommunityParams = z.object({ communityId: z.string().uuid() });
const RatesQuery = z.object({ intakeId: z.string().uuid().optional() });

const uuidParam = (request: FastifyRequest, key: string): string | null => {
  const parsed = z.string().uuid().safeParse((request.params as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : null;
};

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

/** The loaded invitation is kept on the request, so the handler does not load it twice. */
const loaded = new WeakMap<FastifyRequest, LoadedInvitation>();

export const evaluationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const invitationOf = async (request: FastifyRequest): Promise<Resource | null> => {
    const invitationId = uuidParam(request, 'invitationId');
    if (!invitationId || !request.signedIn) return null;
    const inv = await loadInvitation(services.db, request.signedIn.actor.institutionId, invitationId);
    if (!inv) return null;
    loaded.set(request, inv);
    return { kind: 'evaluationInvitation', institutionId: inv.institutionId, programmeId: inv.programmeId, personId: inv.personId };
  };
  const invitation = (request: FastifyRequest): LoadedInvitation => {
    const inv = loaded.get(request);
    if (!inv) throw new AppError('not_found');
    return inv;
  };
  const programmeRatesOf = async (request: FastifyRequest): Promise<Resource | null> => {
    const programmeId = uuidParam(request, 'programmeId');
    if (!programmeId || !request.signedIn) return null;
    const programme = await programmeResource(services.db, request.signedIn.actor.institutionId, programmeId);
    return programme ? { kind: 'evaluationRates', institutionId: programme.institutionId, programmeId, coachId: null } : null;
  };
  const communityRatesOf = async (request: FastifyRequest): Promise<Resource | null> => {
    const communityId = uuidParam(request, 'communityId');
    if (!communityId || !request.signedIn) return null;
    const [community] = await loadCommunityResources(services.db, request.signedIn.actor.institutionId, [communityId]);
    return community ? { kind: 'evaluationRates', institutionId: community.institutionId, programmeId: community.programmeId, coachId: community.coachId } : null;
  };

  app.get(
    '/api/me/evaluations',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My open evaluation questionnaires (the home card)', response: { 200: MyEvaluationsResponse } } },
    async (request) => listMyEvaluations(services, actorOf(request)),
  );
  app.get(
    '/api/evaluation-invitations/:invitationId',
    { config: { access: { action: 'evaluation:answer', resource: invitationOf } }, schema: { tags, summary: 'One of my questionnaires, with my progress', params: InvitationParams, response: { 200: QuestionnaireResponse, ...errors } } },
    async (request) => readQuestionnaire(services, invitation(request)),
  );
  app.put(
    '/api/evaluation-invitations/:invitationId/answers/:questionKey',
    { config: { access: { action: 'evaluation:answer', resource: invitationOf } }, schema: { tags, summary: 'Save one answer at once', params: AnswerParams, body: SaveAnswerRequest, response: { 200: AnsweredResponse, ...errors } } },
    async (request) => saveAnswer(services, invitation(request), request.params.questionKey, request.body.value, 'app'),
  );
  app.post(
    '/api/evaluation-invitations/:invitationId/finish',
    { config: { access: { action: 'evaluation:answer', resource: invitationOf } }, schema: { tags, summary: 'Finish a questionnaire (stops the reminders)', params: InvitationParams, response: { 200: OkResponse, ...errors } } },
    async (request) => {
      await finishQuestionnaire(services, invitation(request), 'app');
      return ok;
    },
  );

  // The one-tap link from the mail: the token is the credential (as the RSVP link); reading changes nothing.
  app.post(
    '/api/evaluation-link',
    { config: { access: { public: true } }, schema: { tags, summary: 'The questionnaire a link from an e-mail opens', body: TokenRequest, response: { 200: QuestionnaireResponse, ...errors } } },
    async (request) => readQuestionnaire(services, await loadInvitationByToken(services.db, request.body.token)),
  );
  app.post(
    '/api/evaluation-link/answer',
    { config: { access: { public: true } }, schema: { tags, summary: 'Save one answer through a link from an e-mail', body: SaveAnswerByTokenRequest, response: { 200: AnsweredResponse, ...errors } } },
    async (request) => saveAnswer(services, await loadInvitationByToken(services.db, request.body.token), request.body.questionKey, request.body.value, 'link'),
  );
  app.post(
    '/api/evaluation-link/finish',
    { config: { access: { public: true } }, schema: { tags, summary: 'Finish a questionnaire through a link from an e-mail', body: TokenRequest, response: { 200: OkResponse, ...errors } } },
    async (request) => {
      await finishQuestionnaire(services, await loadInvitationByToken(services.db, request.body.token), 'link');
      return ok;
    },
  );

  app.get(
    '/api/programmes/:programmeId/evaluation/response-rates',
    {
      config: { access: { action: 'evaluation:readResponseRates', resource: programmeRatesOf } },
      schema: { tags, summary: "Response rates per community of a programme (counts only, under 5 suppressed)", params: ProgrammeParams, querystring: RatesQuery, response: { 200: ResponseRates, ...errors } },
    },
    async (request) => {
      const { intakeId } = request.query;
      if (intakeId) {
        const intake = await intakeResource(services.db, actorOf(request).institutionId, intakeId);
        if (!intake || intake.programmeId !== request.params.programmeId) throw new AppError('not_found');
      }
      return responseRates(services.db, { programmeId: request.params.programmeId, ...(intakeId ? { intakeId } : {}) });
    },
  );
  app.get(
    '/api/communities/:communityId/evaluation/response-rates',
    {
      config: { access: { action: 'evaluation:readResponseRates', resource: communityRatesOf } },
      schema: { tags, summary: "A community's response rates (counts only, under 5 suppressed)", params: CommunityParams, response: { 200: ResponseRates, ...errors } },
    },
    async (request) => {
      const resource = request.accessResource;
      if (!resource || resource.kind !== 'evaluationRates') throw new AppError('not_found');
      return responseRates(services.db, { programmeId: resource.programmeId, communityIds: [request.params.communityId] });
    },
  );
};
