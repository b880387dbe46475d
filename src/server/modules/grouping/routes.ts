/** HTTP routes of group formation: attribute settings, students' disclosures, grouping runs. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptGroupingRequest,
  AttributeSettingsResponse,
  GroupingOptionsResponse,
  GroupingRunResponse,
  MoveStudentRequest,
  MyAttributesResponse,
  SaveMyAttributesRequest,
  StartGroupingRequest,
  UpdateAttributeSettingsRequest,
} from '../../../contracts/grouping';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { intakeResource } from '../relations/public';
import { loader } from '../../http/resource-loader';
import { acceptGroupingRun } from './accept-grouping-run';
import { getAttributeSettings, updateAttributeSettings } from './attribute-settings';
import { getGroupingOptions } from './get-grouping-options';
import { moveDraftStudent } from './move-draft-student';
import { getMyAttributes, saveMyAttributes } from './my-attributes';
import { presentRun } from './present-run';
import { runById, runResource } from './repository';
import { startGroupingRun } from './start-grouping-run';

const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const RunParams = z.strictObject({ runId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const runOf = loader(RunParams, (s, inst, p) => runResource(s.db, inst, p.runId));
const institution = async (request: FastifyRequest) => (request.signedIn ? { kind: 'institution' as const, institutionId: request.signedIn.actor.institutionId } : null);

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

export const groupingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/grouping/attribute-settings',
    {
      config: { access: { action: 'institution:manage', resource: institution } },
      schema: { tags: ['grouping'], summary: 'Which attributes the institution allows for forming communities', response: { 200: AttributeSettingsResponse } },
    },
    async (request) => getAttributeSettings({ services, actor: actorOf(request) }),
  );

  app.put(
    '/api/grouping/attribute-settings',
    {
      config: { access: { action: 'institution:manage', resource: institution } },
      schema: { tags: ['grouping'], summary: 'Enable or disable grouping attributes and their import', body: UpdateAttributeSettingsRequest, response: { 200: AttributeSettingsResponse, ...errors } },
    },
    async (request) => updateAttributeSettings({ services, actor: actorOf(request), request: request.body }),
  );

  app.get(
    '/api/me/grouping-attributes',
    {
      // Only ever the signed-in person's own values: there is no route that reads someone else's.
      config: { access: { signedIn: true } },
      schema: { tags: ['grouping'], summary: 'My disclosed attributes for forming communities, and whether they count', response: { 200: MyAttributesResponse } },
    },
    async (request) => getMyAttributes({ services, actor: actorOf(request) }),
  );

  app.put(
    '/api/me/grouping-attributes',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['grouping'], summary: 'Disclose, confirm or withdraw my attributes', body: SaveMyAttributesRequest, response: { 200: MyAttributesResponse, ...errors } },
    },
    async (request) => saveMyAttributes({ services, actor: actorOf(request), request: request.body }),
  );

  app.get(
    '/api/intakes/:intakeId/grouping',
    {
      config: { access: { action: 'programme:formCommunities', resource: intakeOf } },
      schema: { tags: ['grouping'], summary: 'Scope, attributes (aggregate counts) and size bounds for group formation', params: IntakeParams, response: { 200: GroupingOptionsResponse, ...errors } },
    },
    async (request) => getGroupingOptions({ services, actor: actorOf(request), intakeId: request.params.intakeId }),
  );

  app.post(
    '/api/intakes/:intakeId/grouping-runs',
    {
      config: { access: { action: 'programme:formCommunities', resource: intakeOf } },
      schema: { tags: ['grouping'], summary: 'Start group formation in the background; poll the run for progress', params: IntakeParams, body: StartGroupingRequest, response: { 202: GroupingRunResponse, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await startGroupingRun({ services, actor, intakeId: request.params.intakeId, request: request.body });
      const run = await runById(services.db, id);
      return reply.status(202).send(await presentRun(services, actor.institutionId, run!, request.locale));
    },
  );

  app.get(
    '/api/grouping-runs/:runId',
    {
      config: { access: { action: 'programme:formCommunities', resource: runOf } },
      schema: { tags: ['grouping'], summary: 'A grouping run: progress, or the draft with its balance figures', params: RunParams, response: { 200: GroupingRunResponse, ...errors } },
    },
    async (request) => {
      const run = await runById(services.db, request.params.runId);
      if (!run) throw new AppError('not_found');
      return presentRun(services, actorOf(request).institutionId, run, request.locale);
    },
  );

  app.post(
    '/api/grouping-runs/:runId/moves',
    {
      config: { access: { action: 'programme:formCommunities', resource: runOf } },
      schema: { tags: ['grouping'], summary: 'Move a student to another community of the draft; answers the new figures', params: RunParams, body: MoveStudentRequest, response: { 200: GroupingRunResponse, ...errors } },
    },
    async (request) => moveDraftStudent({ services, actor: actorOf(request), runId: request.params.runId, move: request.body, locale: request.locale }),
  );

  app.post(
    '/api/grouping-runs/:runId/accept',
    {
      config: { access: { action: 'programme:formCommunities', resource: runOf } },
      schema: { tags: ['grouping'], summary: 'Accept the draft: create the communities and assign coaches', params: RunParams, body: AcceptGroupingRequest, response: { 200: GroupingRunResponse, ...errors } },
    },
    async (request) => acceptGroupingRun({ services, actor: actorOf(request), runId: request.params.runId, request: request.body, locale: request.locale }),
  );
};
