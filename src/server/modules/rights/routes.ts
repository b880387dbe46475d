import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  CarryOutErasureResponse,
  ErasureRequestsResponse,
  MyDataResponse,
  MyErasureRequestResponse,
  RequestErasureRequest,
} from '../../../contracts/rights';
import { holds } from '../../../domain/access/policy';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { collectMyData } from './collect-my-data';
import { carryOutErasure, getMyErasureRequest, listErasureRequests, loadErasureRequest, requestErasure } from './erasure';
import { renderMyDataHtml } from './render-my-data-html';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

export const rightsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const myData = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const data = await collectMyData({ db: services.db, personId: actor.personId, now: services.now(), hiddenToken: translate(request.locale, 'outbox.hiddenToken') });
    if (!data) throw new AppError('not_found');
    return data;
  };

  app.get(
    '/api/me/data',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['rights'],
        summary: 'Everything peerkracht holds about me (AVG art. 15 and 20), table by table from the personal-data registry, as a JSON download',
        response: { 200: MyDataResponse },
      },
    },
    async (request, reply) => {
      const data = await myData(request);
      void reply.header('content-disposition', `attachment; filename="${translate(request.locale, 'rights.fileName')}-${data.generatedAt.slice(0, 10)}.json"`);
      return data;
    },
  );

  app.get(
    '/api/me/data/page',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['rights'], summary: 'The same as a readable, printable HTML page (a download)', produces: ['text/html'] },
    },
    async (request, reply) => {
      const data = await myData(request);
      void reply
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('content-disposition', `attachment; filename="${translate(request.locale, 'rights.fileName')}-${data.generatedAt.slice(0, 10)}.html"`);
      return reply.type('text/html; charset=utf-8').send(renderMyDataHtml(data, request.locale));
    },
  );

  app.get(
    '/api/me/erasure-request',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['rights'], summary: 'My open erasure request, if any', response: { 200: MyErasureRequestResponse } },
    },
    async (request) => ({ request: await getMyErasureRequest(services.db, actorOf(request).personId) }),
  );

  app.post(
    '/api/me/erasure-request',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['rights'],
        summary: 'Ask for my data to be erased (AVG art. 17), with an optional reason; only for myself. The coordinator or beheerder carries it out within a month.',
        body: RequestErasureRequest,
        response: { 201: z.object({ id: z.string().uuid(), dueOn: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await requestErasure({
        services,
        personId: actor.personId,
        institutionId: actor.institutionId,
        ...(request.body.personId !== undefined ? { forPersonId: request.body.personId } : {}),
        ...(request.body.reason ? { reason: request.body.reason } : {}),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/erasure-requests',
    {
      config: {
        access: { action: 'erasure:list', resource: async (request) => (request.signedIn ? { kind: 'erasureDesk', institutionId: request.signedIn.actor.institutionId } : null) },
      },
      schema: {
        tags: ['rights'],
        summary: 'Open erasure requests with their due date (beheerder: all; coordinator: their programmes’), and the record of those carried out (no personal data of the erased)',
        response: { 200: ErasureRequestsResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const all = holds(actor, 'beheerder', actor.institutionId) || actor.grants.some((g) => g.role === 'coordinator' && g.programmeId === null);
      const programmeIds = all ? 'all' : actor.grants.filter((g) => g.role === 'coordinator' && g.programmeId).map((g) => g.programmeId!);
      return listErasureRequests({ db: services.db, institutionId: actor.institutionId, programmeIds, now: services.now() });
    },
  );

  app.post(
    '/api/erasure-requests/:requestId/carry-out',
    {
      config: {
        access: {
          action: 'erasure:carryOut',
          resource: async (request) => {
            const { requestId } = request.params as { requestId: string };
            const found = z.string().uuid().safeParse(requestId).success ? await loadErasureRequest(services.db, requestId) : null;
            return found ? { kind: 'erasureRequest', institutionId: found.institutionId, programmeIds: found.programmeIds } : null;
          },
        },
      },
      schema: {
        tags: ['rights'],
        summary: 'Carry out an erasure request: the person’s rows are deleted or unlinked as the personal-data registry says, legal holds kept; the person gets a confirmation. A second time answers 409.',
        params: z.strictObject({ requestId: z.string().uuid() }),
        response: { 200: CarryOutErasureResponse, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return carryOutErasure({
        services,
        requestId: request.params.requestId,
        actorId: actor.personId,
        actingAs: holds(actor, 'beheerder', actor.institutionId) ? 'beheerder' : 'coordinator',
      });
    },
  );
};
