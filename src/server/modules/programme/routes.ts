/** HTTP routes of the programme context: structure, intake settings, student import and export. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  CreateClassRequest,
  CreateIntakeRequest,
  CreateProgrammeRequest,
  ImportListResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportResponse,
  IntakeSettingsHistoryResponse,
  StaffResponse,
  StartImportRequest,
  StructureResponse,
  StudentsResponse,
  UpdateClassRequest,
  UpdateIntakeSettingsRequest,
  UpdateProgrammeRequest,
} from '../../../contracts/programme';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { exportStudents } from './export-students';
import { getSettingsHistory } from './get-settings-history';
import { getStructure } from './get-structure';
import { createIntake, createProgramme, saveClass, updateIntakeSettings, updateProgramme } from './manage-structure';
import { previewImport } from './preview-import';
import { intakeResource, programmeResource } from '../relations/public';
import { classResource, importResource, peopleWithRole, studentsOfIntake } from './repository';
import { getImport, listImports, startImport } from './start-import';
import { loader } from '../../http/resource-loader';

const Created = z.object({ id: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const ClassParams = z.strictObject({ classId: z.string().uuid() });
const ImportParams = z.strictObject({ importId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** A 40,000-row export is a few MB; everything else keeps the global 1 MB limit. */
const IMPORT_BODY_LIMIT = 26_214_400;

const programmeOf = loader(ProgrammeParams, (s, inst, p) => programmeResource(s.db, inst, p.programmeId));
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}
function resourceOf(request: FastifyRequest) {
  const r = request.accessResource;
  if (!r || r.kind !== 'programme') throw new AppError('not_found');
  return r;
}

export const programmeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/programme/structure',
    {
      // Signed in is enough: the use case lists only programmes the policy lets the person manage.
      config: { access: { signedIn: true } },
      schema: { tags: ['programme'], summary: 'Programmes, intakes with settings, and classes the person manages', response: { 200: StructureResponse } },
    },
    async (request) => getStructure({ services, actor: actorOf(request) }),
  );

  app.post(
    '/api/programmes',
    {
      config: {
        access: { action: 'institution:manage', resource: async (request) => (request.signedIn ? { kind: 'institution', institutionId: request.signedIn.actor.institutionId } : null) },
      },
      schema: { tags: ['programme'], summary: 'Add a degree programme at a location', body: CreateProgrammeRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createProgramme({ services, institutionId: actorOf(request).institutionId, ...request.body })),
  );

  app.put(
    '/api/programmes/:programmeId',
    {
      config: { access: { action: 'programme:manage', resource: programmeOf } },
      schema: { tags: ['programme'], summary: 'Rename or move a programme', params: ProgrammeParams, body: UpdateProgrammeRequest, response: { 200: Created, ...errors } },
    },
    async (request) => updateProgramme({ services, programmeId: request.params.programmeId, ...request.body }),
  );

  app.post(
    '/api/programmes/:programmeId/intakes',
    {
      config: { access: { action: 'programme:manage', resource: programmeOf } },
      schema: {
        tags: ['programme'],
        summary: "Add an intake; its settings start from last year's intake of the same month",
        params: ProgrammeParams,
        body: CreateIntakeRequest,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createIntake({ services, actorId: actorOf(request).personId, programmeId: request.params.programmeId, ...request.body })),
  );

  app.get(
    '/api/programmes/:programmeId/staff',
    {
      config: { access: { action: 'programme:manage', resource: programmeOf } },
      schema: {
        tags: ['programme'],
        summary: 'People who can be a class leercoach',
        params: ProgrammeParams,
        response: { 200: StaffResponse, ...errors },
      },
    },
    async (request) => ({ people: await peopleWithRole(services.db, actorOf(request).institutionId, request.params.programmeId, 'leercoach') }),
  );

  app.put(
    '/api/intakes/:intakeId/settings',
    {
      config: { access: { action: 'programme:manage', resource: intakeOf } },
      schema: { tags: ['programme'], summary: "Change an intake's settings", params: IntakeParams, body: UpdateIntakeSettingsRequest, response: { 200: Created, ...errors } },
    },
    async (request) => updateIntakeSettings({ services, actorId: actorOf(request).personId, intakeId: request.params.intakeId, settings: request.body.settings, modeChange: request.body.modeChange, formatChange: request.body.formatChange }),
  );

  app.get(
    '/api/intakes/:intakeId/settings/history',
    {
      config: { access: { action: 'programme:manage', resource: intakeOf } },
      schema: { tags: ['programme'], summary: "The change log of an intake's settings: who changed what when", params: IntakeParams, response: { 200: IntakeSettingsHistoryResponse, ...errors } },
    },
    async (request) => getSettingsHistory({ services, intakeId: request.params.intakeId }),
  );

  app.post(
    '/api/intakes/:intakeId/classes',
    {
      config: { access: { action: 'programme:manage', resource: intakeOf } },
      schema: { tags: ['programme'], summary: 'Add a class with its leercoach', params: IntakeParams, body: CreateClassRequest, response: { 201: Created, ...errors } },
    },
    async (request, reply) => {
      const r = resourceOf(request);
      const saved = await saveClass({ services, institutionId: r.institutionId, programmeId: r.programmeId, intakeId: request.params.intakeId, classId: null, ...request.body });
      return reply.status(201).send(saved);
    },
  );

  app.put(
    '/api/classes/:classId',
    {
      config: {
        access: {
          action: 'programme:manage',
          resource: loader(ClassParams, async (s, inst, p) => {
            const c = await classResource(s.db, inst, p.classId);
            return c ? { kind: 'programme', institutionId: inst, programmeId: c.programmeId } : null;
          }),
        },
      },
      schema: { tags: ['programme'], summary: "Change a class's code or leercoach", params: ClassParams, body: UpdateClassRequest, response: { 200: Created, ...errors } },
    },
    async (request) => {
      const c = await classResource(services.db, actorOf(request).institutionId, request.params.classId);
      if (!c) throw new AppError('not_found');
      return saveClass({ services, institutionId: c.institutionId, programmeId: c.programmeId, intakeId: c.intakeId, classId: request.params.classId, ...request.body });
    },
  );

  app.post(
    '/api/intakes/:intakeId/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: {
        tags: ['programme'],
        summary: 'Read a CSV export, propose a column mapping and check every row (writes nothing)',
        params: IntakeParams,
        body: ImportPreviewRequest,
        response: { 200: ImportPreviewResponse, ...errors },
      },
    },
    async (request) => previewImport({ services, institutionId: resourceOf(request).institutionId, csv: request.body.csv, mapping: request.body.mapping }),
  );

  app.post(
    '/api/intakes/:intakeId/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: {
        tags: ['programme'],
        summary: 'Import the good rows (idempotent on student number); poll the import for progress and the bad rows',
        params: IntakeParams,
        body: StartImportRequest,
        response: { 202: ImportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const r = resourceOf(request);
      const { id } = await startImport({
        services,
        actorId: actorOf(request).personId,
        target: { institutionId: r.institutionId, programmeId: r.programmeId, intakeId: request.params.intakeId },
        ...request.body,
        log: request.log,
      });
      return reply.status(202).send(await getImport({ services, importId: id }));
    },
  );

  app.get(
    '/api/intakes/:intakeId/imports',
    {
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: { tags: ['programme'], summary: 'Recent imports of an intake', params: IntakeParams, response: { 200: ImportListResponse, ...errors } },
    },
    async (request) => listImports({ services, intakeId: request.params.intakeId }),
  );

  app.get(
    '/api/imports/:importId',
    {
      config: { access: { action: 'programme:manageStudents', resource: loader(ImportParams, (s, inst, p) => importResource(s.db, inst, p.importId)) } },
      schema: { tags: ['programme'], summary: 'Progress and row errors of an import', params: ImportParams, response: { 200: ImportResponse, ...errors } },
    },
    async (request) => getImport({ services, importId: request.params.importId }),
  );

  app.get(
    '/api/intakes/:intakeId/students',
    {
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: { tags: ['programme'], summary: "The intake's students with class and community", params: IntakeParams, response: { 200: StudentsResponse, ...errors } },
    },
    async (request) => ({
      students: (await studentsOfIntake(services.db, request.params.intakeId)).map((s) => ({
        id: s.id,
        studentNumber: s.studentNumber,
        firstName: s.firstName,
        lastName: s.lastName,
        classCode: s.classCode,
        communityId: s.communityId,
      })),
    }),
  );

  app.get(
    '/api/intakes/:intakeId/students.csv',
    {
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: { tags: ['programme'], summary: "Export the intake's students as CSV (the import's columns)", params: IntakeParams, produces: ['text/csv'] },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="studenten.csv"')
        .send(await exportStudents({ services, intakeId: request.params.intakeId })),
  );
};
