/** HTTP routes of research: the catalogue, studies, decisions, exports and their download links. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateExportResponse, DecideStudyRequest, ProposeStudyRequest, ResearchCatalogueResponse, StudiesResponse, StudyResponse } from '../../../contracts/research';
import { ErrorResponse } from '../../../contracts/identity';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { digest } from '../identity/public';
import { getCatalogue } from './catalogue';
import { createExport, downloadExport } from './create-export';
import { decideStudy } from './decide-study';
import { getStudy } from './get-study';
import { listStudies } from './list-studies';
import { proposeStudy } from './propose-study';
import { researchRepository } from './repository';
import { studyResource } from './study-view';

const StudyParams = z.strictObject({ studyId: z.uuid() });
const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const researchDesk = async (request: FastifyRequest): Promise<Resource | null> => (request.signedIn ? { kind: 'researchDesk', institutionId: request.signedIn.actor.institutionId } : null);
const studyOf = loader(StudyParams, async (s, inst, p) => {
  const repo = researchRepository(s.db);
  const study = await repo.study(inst, p.studyId);
  if (!study) return null;
  return studyResource(study, (await repo.programmesOfStudies([study.id])).map((r) => r.programmeId));
});
/** A download link decides on the study it belongs to: only its onderzoekers, and only signed in. */
const studyOfLink = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = TokenParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const repo = researchRepository(s.db);
  const row = await repo.exportByDigest(digest(parsed.data.token));
  if (!row || row.institutionId !== request.signedIn.actor.institutionId) return null;
  const study = await repo.study(row.institutionId, row.studyId);
  return study ? studyResource(study, (await repo.programmesOfStudies([study.id])).map((r) => r.programmeId)) : null;
};
const actorOf = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
};

export const researchRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/research/catalogue',
    {
      config: { access: { action: 'research:list', resource: researchDesk } },
      schema: { tags: ['research'], summary: 'The variables a study may ask for (type, quasi-identifier, why one is unavailable), k, and the programmes', response: { 200: ResearchCatalogueResponse, 404: ErrorResponse } },
    },
    async (request) => getCatalogue({ services, institutionId: actorOf(request).institutionId }),
  );

  app.get(
    '/api/research/studies',
    {
      config: { access: { action: 'research:list', resource: researchDesk } },
      schema: { tags: ['research'], summary: "The studies I may read: an onderzoeker's institution's, a coordinator's programmes'", response: { 200: StudiesResponse, 404: ErrorResponse } },
    },
    async (request) => listStudies({ services, actor: actorOf(request) }),
  );

  app.post(
    '/api/research/studies',
    {
      config: { access: { action: 'research:propose', resource: researchDesk } },
      schema: { tags: ['research'], summary: 'Propose a study: question, period, programmes and variables from the catalogue (an unknown or unavailable variable is refused by name)', body: ProposeStudyRequest, response: { 201: z.object({ id: z.uuid() }), ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(await proposeStudy({ services, institutionId: actor.institutionId, proposerId: actor.personId, request: request.body, locale: request.locale }));
    },
  );

  app.get(
    '/api/research/studies/:studyId',
    {
      config: { access: { action: 'researchStudy:read', resource: studyOf } },
      schema: { tags: ['research'], summary: 'A study: question, variables, decisions, export log, and how many withdrew the research consent since the last export', params: StudyParams, response: { 200: StudyResponse, 404: ErrorResponse } },
    },
    async (request) => getStudy({ services, actor: actorOf(request), studyId: request.params.studyId }),
  );

  app.post(
    '/api/research/studies/:studyId/decision',
    {
      config: { access: { action: 'researchStudy:decide', resource: studyOf } },
      schema: { tags: ['research'], summary: 'Approve or reject (with a reason) a study for my programmes; never my own proposal; a second decision gets 409', params: StudyParams, body: DecideStudyRequest, response: { 200: z.object({ id: z.uuid(), status: z.string() }), ...errors } },
    },
    async (request) => decideStudy({ services, actor: actorOf(request), studyId: request.params.studyId, request: request.body, locale: request.locale }),
  );

  app.post(
    '/api/research/studies/:studyId/exports',
    {
      config: { access: { action: 'researchStudy:export', resource: studyOf } },
      schema: { tags: ['research'], summary: 'Export an approved study now (only people holding the research consent now; pseudonymised, k-anonymous); answers a download link that works 7 days', params: StudyParams, response: { 201: CreateExportResponse, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createExport({ services, actor: actorOf(request), studyId: request.params.studyId })),
  );

  app.get(
    '/api/research/downloads/:token',
    {
      config: { access: { action: 'researchStudy:export', resource: studyOfLink } },
      schema: { tags: ['research'], summary: "An export's zip (data.csv, codebook.json, README.md) through its secret link; 410 once expired", params: TokenParams, produces: ['application/zip'] },
    },
    async (request, reply) => {
      const file = await downloadExport({ services, token: request.params.token });
      void reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').header('content-disposition', `attachment; filename="${file.fileName}"`);
      return reply.type('application/zip').send(file.bytes);
    },
  );
};
