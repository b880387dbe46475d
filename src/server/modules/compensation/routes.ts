/** HTTP routes of coach compensation (#17): thin — parse, call one use case, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountResponse,
  AddExtraWorkRequest,
  AddFiscalYearRequest,
  ApproveProgrammeMonthResponse,
  ApproveStatementRequest,
  DecideExtraWorkRequest,
  DisputeLineRequest,
  FiscalYearsResponse,
  GenerateResponse,
  Month,
  PendingExtraWorkResponse,
  ProgrammeMonthResponse,
  SetBirthDateRequest,
  StatementResponse,
} from '../../../contracts/compensation';
import { ErrorResponse } from '../../../contracts/identity';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { approveProgrammeMonth, approveStatement } from './approve-statements';
import { coachesOfProgramme } from './coaches-of-programme';
import { hoursCsv, statementPdf } from './exports';
import { addFiscalYear, fiscalYears, removeFiscalYear } from './fiscal-limits';
import { generateStatements } from './generate-statements';
import { extraWorkParam, institutionOf, ownAccount, programmeParam, statementParam } from './loaders';
import { addExtraWork, decideExtraWork } from './manage-extra-work';
import { getAccount, getProgrammeMonth, getStatement, listPendingExtraWork } from './read-statements';
import { statementWithLines } from './repository';
import { confirmStatement, disputeLine } from './review-statement';
import { setBirthDate } from './set-birth-date';

const tags = ['compensation'];
const Uuid = z.string().uuid();
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const Ok = z.object({ ok: z.literal(true) });
const Created = z.object({ id: z.string().uuid() });
const StatementParams = z.strictObject({ statementId: Uuid });
const ProgrammeMonthParams = z.strictObject({ programmeId: Uuid, month: Month });

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

function decided<K extends Resource['kind']>(request: FastifyRequest, kind: K): Extract<Resource, { kind: K }> {
  const resource = request.accessResource;
  if (!resource || resource.kind !== kind) throw new AppError('not_found');
  return resource as Extract<Resource, { kind: K }>;
}

async function loadStatement(services: Services, statementId: string) {
  const found = await statementWithLines(services.db, statementId);
  if (!found) throw new AppError('not_found');
  return found.statement;
}

export const compensationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // --- the coach: "Mijn vergoeding" --------------------------------------------------------
  app.get(
    '/api/me/compensation',
    {
      config: { access: { action: 'compensation:readAccount', resource: ownAccount } },
      schema: { tags, summary: "The coach's own statements, year to date, fiscal-limit forecast and extra work", response: { 200: AccountResponse, ...errors } },
    },
    async (request) => {
      const account = decided(request, 'compensationAccount');
      return getAccount({ services, coachId: account.coachId, institutionId: account.institutionId });
    },
  );

  app.put(
    '/api/me/compensation/birth-date',
    {
      config: { access: { action: 'compensation:setBirthDate', resource: ownAccount } },
      schema: { tags, summary: "The coach's date of birth (the rate band depends on it); open statements are recomputed", body: SetBirthDateRequest, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const account = decided(request, 'compensationAccount');
      await setBirthDate({ services, institutionId: account.institutionId, coachId: account.coachId, birthDate: request.body.birthDate });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/compensation/extra-work',
    {
      config: { access: { action: 'compensation:addExtraWork', resource: ownAccount } },
      schema: { tags, summary: 'Add work the system cannot see, with a reason, for approval', body: AddExtraWorkRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => {
      const account = decided(request, 'compensationAccount');
      const created = await addExtraWork({ services, institutionId: account.institutionId, programmeId: account.programmeId, coachId: account.coachId, ...request.body });
      return reply.code(201).send(created);
    },
  );

  // --- statements ----------------------------------------------------------------------------
  app.get(
    '/api/compensation/statements/:statementId',
    {
      config: { access: { action: 'compensation:readStatement', resource: statementParam } },
      schema: { tags, summary: 'A statement with its lines', params: StatementParams, response: { 200: StatementResponse, ...errors } },
    },
    async (request) => getStatement({ services, actor: actorOf(request), statementId: request.params.statementId }),
  );

  app.post(
    '/api/compensation/statements/:statementId/confirm',
    {
      config: { access: { action: 'compensation:reviewStatement', resource: statementParam } },
      schema: { tags, summary: 'The coach confirms their statement', params: StatementParams, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await confirmStatement({ services, statement: await loadStatement(services, request.params.statementId) });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/compensation/statements/:statementId/lines/:lineId/dispute',
    {
      config: { access: { action: 'compensation:reviewStatement', resource: statementParam } },
      schema: { tags, summary: 'The coach disputes a line, with a comment for the coordinator', params: z.strictObject({ statementId: Uuid, lineId: Uuid }), body: DisputeLineRequest, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await disputeLine({ services, statement: await loadStatement(services, request.params.statementId), lineId: request.params.lineId, comment: request.body.comment });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/compensation/statements/:statementId/approve',
    {
      config: { access: { action: 'compensation:approveStatement', resource: statementParam } },
      schema: { tags, summary: "The coordinator approves one coach's statement (a resolution for each disputed line)", params: StatementParams, body: ApproveStatementRequest, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await approveStatement({ services, actorId: actorOf(request).personId, statement: await loadStatement(services, request.params.statementId), resolutions: request.body.resolutions });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/compensation/statements/:statementId/statement.pdf',
    {
      config: { access: { action: 'compensation:readStatement', resource: statementParam } },
      schema: { tags, summary: 'The statement as a PDF for the examination board (credits scheme: hours only)', params: StatementParams, querystring: z.strictObject({ lang: z.enum(['nl', 'en']).optional() }) },
    },
    async (request, reply) => {
      const pdf = await statementPdf({ services, statementId: request.params.statementId, locale: request.query.lang ?? request.locale });
      return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="urenoverzicht.pdf"').header('cache-control', 'no-store').send(Buffer.from(pdf));
    },
  );

  // --- extra work ----------------------------------------------------------------------------
  app.get(
    '/api/compensation/extra-work/pending',
    {
      // A list: each item is filtered through the policy (compensation:decideExtraWork).
      config: { access: { signedIn: true } },
      schema: { tags, summary: 'Extra work waiting for the signed-in senior coach or coordinator to decide', response: { 200: PendingExtraWorkResponse, ...errors } },
    },
    async (request) => listPendingExtraWork({ services, actor: actorOf(request) }),
  );

  app.post(
    '/api/compensation/extra-work/:extraWorkId/decide',
    {
      config: { access: { action: 'compensation:decideExtraWork', resource: extraWorkParam } },
      schema: { tags, summary: 'Approve or reject extra work', params: z.strictObject({ extraWorkId: Uuid }), body: DecideExtraWorkRequest, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await decideExtraWork({ services, actorId: actorOf(request).personId, extraWorkId: request.params.extraWorkId, decision: request.body.decision, ...(request.body.note ? { note: request.body.note } : {}) });
      return { ok: true as const };
    },
  );

  // --- the coordinator's month -------------------------------------------------------------
  app.get(
    '/api/programmes/:programmeId/compensation/:month',
    {
      config: { access: { action: 'compensation:readProgramme', resource: programmeParam } },
      schema: { tags, summary: "A programme's statements of a month: status per coach, disputes first, forecast warnings", params: ProgrammeMonthParams, response: { 200: ProgrammeMonthResponse, ...errors } },
    },
    async (request) => getProgrammeMonth({ services, institutionId: actorOf(request).institutionId, programmeId: request.params.programmeId, month: request.params.month }),
  );

  app.post(
    '/api/programmes/:programmeId/compensation/:month/approve',
    {
      config: { access: { action: 'compensation:approveProgramme', resource: programmeParam } },
      schema: { tags, summary: 'Approve every confirmed statement of the month; answers per statement', params: ProgrammeMonthParams, response: { 200: ApproveProgrammeMonthResponse, ...errors } },
    },
    async (request) => approveProgrammeMonth({ services, actorId: actorOf(request).personId, programmeId: request.params.programmeId, month: request.params.month }),
  );

  app.post(
    '/api/programmes/:programmeId/compensation/:month/generate',
    {
      config: { access: { action: 'compensation:approveProgramme', resource: programmeParam } },
      schema: { tags, summary: "Make (or recompute the open) statements of the programme's coaches for a month that has ended", params: ProgrammeMonthParams, response: { 200: GenerateResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.params.month >= services.now().toISOString().slice(0, 7)) throw new AppError('validation_failed', 'month not over', {}, [{ path: 'month', message: 'invalid' }]);
      return generateStatements({ services, institutionId: actor.institutionId, month: request.params.month, coachIds: await coachesOfProgramme(services, request.params.programmeId) });
    },
  );

  app.get(
    '/api/programmes/:programmeId/compensation/:month/hours.csv',
    {
      config: { access: { action: 'compensation:readProgramme', resource: programmeParam } },
      schema: { tags, summary: 'The hours of the month per coach, for HR (salary scheme)', params: ProgrammeMonthParams },
    },
    async (request, reply) => {
      const csv = await hoursCsv({ services, programmeId: request.params.programmeId, month: request.params.month, locale: request.locale });
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="uren-${request.params.month}.csv"`).header('cache-control', 'no-store').send(`\uFEFF${csv}`);
    },
  );

  // --- fiscal limits ---------------------------------------------------------------------------
  app.get(
    '/api/compensation/fiscal-years',
    {
      config: { access: { action: 'compensation:readFiscalYears', resource: institutionOf } },
      schema: { tags, summary: 'The fiscal limits of the volunteer allowance per year: shipped and added', response: { 200: FiscalYearsResponse, ...errors } },
    },
    async (request) => ({ years: await fiscalYears(services, actorOf(request).institutionId) }),
  );

  app.post(
    '/api/compensation/fiscal-years',
    {
      config: { access: { action: 'compensation:manageFiscalYears', resource: institutionOf } },
      schema: { tags, summary: 'The beheerder adds a year the Belastingdienst has published', body: AddFiscalYearRequest, response: { 201: Ok, ...errors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await addFiscalYear({ services, institutionId: actor.institutionId, actorId: actor.personId, year: request.body });
      return reply.code(201).send({ ok: true as const });
    },
  );

  app.delete(
    '/api/compensation/fiscal-years/:year',
    {
      config: { access: { action: 'compensation:manageFiscalYears', resource: institutionOf } },
      schema: { tags, summary: 'The beheerder removes a year they added (a mistyped figure); shipped years stay', params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: Ok, ...errors } },
    },
    async (request) => {
      await removeFiscalYear({ services, institutionId: actorOf(request).institutionId, year: request.params.year });
      return { ok: true as const };
    },
  );
};
