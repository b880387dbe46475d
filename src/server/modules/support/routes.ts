/** HTTP routes of the support context: help directory, referrals, signals. Thin: parse, call, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  AddProgrammeContactRequest,
  AnswerFollowUpRequest,
  HelpDirectoryResponse,
  HelpResource,
  ProgrammeContactsResponse,
  RaiseSignalRequest,
  RecordReferralRequest,
  ReferrableCoacheesResponse,
  Referral,
  ReferralListResponse,
  SaveHelpResourceRequest,
  SignalDetail,
  SignalsOverviewResponse,
  SignalSummary,
  UpdateSignalRequest,
} from '../../../contracts/support';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { answerReferralFollowUp } from './answer-referral-follow-up';
import { getSignal } from './get-signal';
import { listHelpDirectory } from './list-help-directory';
import { listReferrableCoachees } from './list-referrable-coachees';
import { listReferrals } from './list-referrals';
import { listSignals } from './list-signals';
import {
  coacheeInBody,
  coacheeParam,
  helpDirectoryOf,
  helpScopeInBody,
  helpResourceParam,
  programmeInBody,
  programmeParam,
  referralParam,
  signalParam,
} from './loaders';
import { addProgrammeContact, listProgrammeContacts, removeProgrammeContact } from './programme-contacts';
import { raiseSignal } from './raise-signal';
import { recordReferral } from './record-referral';
import type { ReferralResource, SignalResource } from './repository';
import { saveHelpResource } from './save-help-resource';
import { setHelpResourceArchived } from './set-help-resource-archived';
import { updateSignal } from './update-signal';

const Uuid = z.string().uuid();
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

/** The resource the access rule decided on, narrowed to the kind the route expects. */
function decided<K extends Resource['kind']>(request: FastifyRequest, kind: K): Extract<Resource, { kind: K }> {
  const resource = request.accessResource;
  if (!resource || resource.kind !== kind) throw new AppError('not_found');
  return resource as Extract<Resource, { kind: K }>;
}

export const supportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // --- help directory ----------------------------------------------------------------------
  app.get(
    '/api/help',
    {
      config: { access: { action: 'helpResource:read', resource: helpDirectoryOf } },
      schema: { tags: ['support'], summary: "The help directory (sociale kaart): the institution's entries and those of the reader's programme", response: { 200: HelpDirectoryResponse } },
    },
    async (request) => listHelpDirectory({ services, actor: actorOf(request) }),
  );

  app.post(
    '/api/help',
    {
      config: { access: { action: 'helpResource:manage', resource: helpScopeInBody } },
      schema: { tags: ['support'], summary: 'Add an entry to the help directory, for the whole institution or one programme', body: SaveHelpResourceRequest, response: { 201: HelpResource, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await saveHelpResource({ services, actor: actorOf(request), input: request.body })),
  );

  app.put(
    '/api/help/:resourceId',
    {
      config: { access: { action: 'helpResource:manage', resource: helpResourceParam } },
      schema: {
        tags: ['support'],
        summary: 'Edit an entry of the help directory',
        params: z.strictObject({ resourceId: Uuid }),
        body: SaveHelpResourceRequest,
        response: { 200: HelpResource, ...errors },
      },
    },
    async (request) => saveHelpResource({ services, actor: actorOf(request), resourceId: request.params.resourceId, input: request.body }),
  );

  app.put(
    '/api/help/:resourceId/archived',
    {
      config: { access: { action: 'helpResource:manage', resource: helpResourceParam } },
      schema: {
        tags: ['support'],
        summary: 'Archive or restore an entry of the help directory',
        params: z.strictObject({ resourceId: Uuid }),
        body: z.strictObject({ archived: z.boolean() }),
        response: { 200: HelpResource, ...errors },
      },
    },
    async (request) => setHelpResourceArchived({ services, actor: actorOf(request), resourceId: request.params.resourceId, archived: request.body.archived }),
  );

  // --- referrals ---------------------------------------------------------------------------
  app.get(
    '/api/me/referrals',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['support'], summary: 'Referrals about me (as a coachee)', response: { 200: ReferralListResponse } },
    },
    async (request) => ({ referrals: await listReferrals({ services, actor: actorOf(request), scope: { kind: 'mine' } }) }),
  );

  app.get(
    '/api/referrals',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['support'], summary: 'Referrals I recorded as a coach (while the coachee consents)', response: { 200: ReferralListResponse } },
    },
    async (request) => ({ referrals: await listReferrals({ services, actor: actorOf(request), scope: { kind: 'recorded' } }) }),
  );

  app.get(
    '/api/referrals/coachees',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['support'], summary: 'My coachees, and whether a referral may be recorded', response: { 200: ReferrableCoacheesResponse } },
    },
    async (request) => listReferrableCoachees({ services, actor: actorOf(request) }),
  );

  app.get(
    '/api/coachees/:coacheeId/referrals',
    {
      config: { access: { action: 'coachee:refer', resource: coacheeParam } },
      schema: {
        tags: ['support'],
        summary: "One coachee's referrals, for their coach (refused without the coachee's consent)",
        params: z.strictObject({ coacheeId: Uuid }),
        response: { 200: ReferralListResponse, ...errors },
      },
    },
    async (request) => ({
      referrals: await listReferrals({ services, actor: actorOf(request), scope: { kind: 'coachee', coacheeId: request.params.coacheeId } }),
    }),
  );

  app.post(
    '/api/referrals',
    {
      config: { access: { action: 'coachee:refer', resource: coacheeInBody } },
      schema: { tags: ['support'], summary: 'Record a referral (with the coachee’s agreement)', body: RecordReferralRequest, response: { 201: Referral, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordReferral({ services, actor: actorOf(request), coachee: decided(request, 'coachee'), input: request.body })),
  );

  app.put(
    '/api/referrals/:referralId/follow-up',
    {
      config: { access: { action: 'referral:followUp', resource: referralParam } },
      schema: {
        tags: ['support'],
        summary: 'Answer "did the referral help?"',
        params: z.strictObject({ referralId: Uuid }),
        body: AnswerFollowUpRequest,
        response: { 200: Referral, ...errors },
      },
    },
    async (request) =>
      answerReferralFollowUp({
        services,
        actor: actorOf(request),
        referral: decided(request, 'referral') as ReferralResource,
        outcome: request.body.outcome,
      }),
  );

  // --- signals -----------------------------------------------------------------------------
  app.get(
    '/api/signals',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['support'], summary: 'Signals I raised, and the inbox of the programmes I coordinate', response: { 200: SignalsOverviewResponse } },
    },
    async (request) => listSignals({ services, actor: actorOf(request), locale: request.locale }),
  );

  app.post(
    '/api/signals',
    {
      config: { access: { action: 'signal:raise', resource: programmeInBody } },
      schema: { tags: ['support'], summary: 'Raise a need, theme or incident with the programme', body: RaiseSignalRequest, response: { 201: SignalSummary, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await raiseSignal({ services, actor: actorOf(request), locale: request.locale, input: request.body })),
  );

  app.get(
    '/api/signals/:signalId',
    {
      config: { access: { action: 'signal:read', resource: signalParam } },
      schema: { tags: ['support'], summary: 'One signal with its history', params: z.strictObject({ signalId: Uuid }), response: { 200: SignalDetail, ...errors } },
    },
    async (request) => getSignal({ services, actor: actorOf(request), locale: request.locale, signal: decided(request, 'signal') as SignalResource }),
  );

  app.post(
    '/api/signals/:signalId/updates',
    {
      config: { access: { action: 'signal:handle', resource: signalParam } },
      schema: {
        tags: ['support'],
        summary: 'Take up, pass on or close a signal, with a note for the coach',
        params: z.strictObject({ signalId: Uuid }),
        body: UpdateSignalRequest,
        response: { 200: SignalDetail, ...errors },
      },
    },
    async (request) =>
      updateSignal({ services, actor: actorOf(request), locale: request.locale, signal: decided(request, 'signal') as SignalResource, input: request.body }),
  );

  const ProgrammeParams = z.strictObject({ programmeId: Uuid });
  app.get(
    '/api/programmes/:programmeId/signal-contacts',
    {
      config: { access: { action: 'programme:handleSignals', resource: programmeParam } },
      schema: { tags: ['support'], summary: "The degree programme's contacts for signals", params: ProgrammeParams, response: { 200: ProgrammeContactsResponse, ...errors } },
    },
    async (request) => listProgrammeContacts(services, request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/signal-contacts',
    {
      config: { access: { action: 'programme:handleSignals', resource: programmeParam } },
      schema: {
        tags: ['support'],
        summary: 'Add a contact (function mailbox) of the degree programme',
        params: ProgrammeParams,
        body: AddProgrammeContactRequest,
        response: { 200: ProgrammeContactsResponse, ...errors },
      },
    },
    async (request) => addProgrammeContact(services, request.params.programmeId, request.body),
  );

  app.delete(
    '/api/programmes/:programmeId/signal-contacts/:contactId',
    {
      config: { access: { action: 'programme:handleSignals', resource: programmeParam } },
      schema: {
        tags: ['support'],
        summary: 'Remove a contact of the degree programme',
        params: z.strictObject({ programmeId: Uuid, contactId: Uuid }),
        response: { 200: ProgrammeContactsResponse, ...errors },
      },
    },
    async (request) => removeProgrammeContact(services, request.params.programmeId, request.params.contactId),
  );
};
