/** HTTP routes of the coach lifecycle: the public application form, the coordinator's screen, profiles. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  CoachesResponse,
  CoachPhotoResponse,
  CoachPoolResponse,
  CoachProfileResponse,
  DecideApplicationRequest,
  MyCoachProfileResponse,
  PublicProgrammesResponse,
  SetCoachStatusRequest,
  SetOnboardingRequest,
  SetSupervisorRequest,
  SubmitCoachApplicationRequest,
  UpdateMyCoachProfileRequest,
} from '../../../contracts/programme';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../../domain/programme/coach-photo';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { programmeResource } from '../relations/public';
import { applyAsCoach, listPublicProgrammes } from './apply-as-coach';
import { deleteMyCoachPhoto, getCoachPhoto, saveMyCoachPhoto } from './coach-photo';
import { getCoachProfile, getMyCoachProfile, updateMyCoachProfile } from './coach-profile';
import { decideApplication } from './decide-application';
import { getCoachPool } from './get-coach-pool';
import { getCoaches } from './get-coaches';
import { setCoachStatus, setOnboarding, setSupervisor } from './manage-coach';
import { applicationProgramme, coachResource } from './repository';

const Created = z.object({ id: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const CoachParams = z.strictObject({ coachId: z.string().uuid() });
const ApplicationParams = z.strictObject({ applicationId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Against spam and abuse of a form anyone can reach: a few applications per address per hour. */
const APPLY_RATE = { max: 5, timeWindow: '1 hour', hook: 'preHandler' as const, keyGenerator: (request: FastifyRequest) => `apply|${request.ip}` };

const coachOf = loader(CoachParams, (s, inst, p) => coachResource(s.db, inst, p.coachId));
const coachTarget = (request: FastifyRequest) => {
  const r = request.accessResource;
  if (!r || r.kind !== 'coach') throw new AppError('not_found');
  return { coachId: r.coachId, programmeId: r.programmeId };
};
const signedIn = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn;
};

export const coachRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // A photo arrives as the raw file. Only within this plugin; the type is decided by the file's
  // magic bytes, whatever the request declares.
  app.addContentTypeParser(['application/octet-stream', ...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES + 1024 }, (_request, body, done) => done(null, body));

  app.get(
    '/api/public/programmes',
    {
      config: { access: { public: true } },
      schema: { tags: ['coaches'], summary: 'Programmes that take coach applications (for the public form)', response: { 200: PublicProgrammesResponse } },
    },
    async (request) => listPublicProgrammes({ services, locale: request.locale }),
  );

  app.post(
    '/api/public/programmes/:programmeId/coach-applications',
    {
      // Public, but CSRF-checked (double-submit cookie from /api/auth/session) and rate limited.
      config: { access: { public: true }, rateLimit: APPLY_RATE },
      schema: {
        tags: ['coaches'],
        summary: 'Apply to become a student coach',
        params: ProgrammeParams,
        body: SubmitCoachApplicationRequest,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyAsCoach({ services, programmeId: request.params.programmeId, application: request.body, locale: request.locale, personId: request.signedIn?.actor.personId })),
  );

  app.get(
    '/api/programmes/:programmeId/coaches',
    {
      config: { access: { action: 'programme:manageCoaches', resource: loader(ProgrammeParams, (s, inst, p) => programmeResource(s.db, inst, p.programmeId)) } },
      schema: { tags: ['coaches'], summary: 'Applications, coaches with their state, and senior coaches', params: ProgrammeParams, response: { 200: CoachesResponse, ...errors } },
    },
    async (request) => getCoaches({ services, institutionId: signedIn(request).actor.institutionId, programmeId: request.params.programmeId }),
  );

  app.get(
    '/api/programmes/:programmeId/coach-pool',
    {
      config: { access: { action: 'programme:manageCoaches', resource: loader(ProgrammeParams, (s, inst, p) => programmeResource(s.db, inst, p.programmeId)) } },
      schema: {
        tags: ['coaches'],
        summary: "The coach pool's make-up (year, languages, status, role models who chose to disclose): counts only, cells under 5 suppressed",
        params: ProgrammeParams,
        response: { 200: CoachPoolResponse, ...errors },
      },
    },
    async (request) => getCoachPool({ services, institutionId: signedIn(request).actor.institutionId, programmeId: request.params.programmeId }),
  );

  app.put(
    '/api/coach-applications/:applicationId',
    {
      config: {
        access: {
          action: 'programme:manageCoaches',
          resource: loader(ApplicationParams, async (s, inst, p) => {
            const programmeId = await applicationProgramme(s.db, inst, p.applicationId);
            return programmeId ? { kind: 'programme', institutionId: inst, programmeId } : null;
          }),
        },
      },
      schema: {
        tags: ['coaches'],
        summary: 'Plan the intake conversation, select or reject an application',
        params: ApplicationParams,
        body: DecideApplicationRequest,
        response: { 200: Created, ...errors },
      },
    },
    async (request) =>
      decideApplication({ services, institutionId: signedIn(request).actor.institutionId, applicationId: request.params.applicationId, ...request.body }),
  );

  app.get(
    '/api/coaches/:coachId',
    {
      config: { access: { action: 'coach:read', resource: coachOf } },
      schema: { tags: ['coaches'], summary: "A coach's profile (phone only with the coach's consent)", params: CoachParams, response: { 200: CoachProfileResponse, ...errors } },
    },
    async (request) => getCoachProfile({ services, ...coachTarget(request) }),
  );

  app.put(
    '/api/coaches/:coachId/status',
    {
      config: { access: { action: 'coach:manage', resource: coachOf } },
      schema: { tags: ['coaches'], summary: 'Activate, pause, or let a coach leave', params: CoachParams, body: SetCoachStatusRequest, response: { 200: Created, ...errors } },
    },
    async (request) => setCoachStatus({ services, ...coachTarget(request), status: request.body.status }),
  );

  app.put(
    '/api/coaches/:coachId/onboarding',
    {
      config: { access: { action: 'coach:manage', resource: coachOf } },
      schema: { tags: ['coaches'], summary: 'The onboarding checklist: agreement signed, first training', params: CoachParams, body: SetOnboardingRequest, response: { 200: Created, ...errors } },
    },
    async (request) => setOnboarding({ services, ...coachTarget(request), ...request.body }),
  );

  app.put(
    '/api/coaches/:coachId/supervisor',
    {
      config: { access: { action: 'coach:manage', resource: coachOf } },
      schema: { tags: ['coaches'], summary: 'Assign the supervising senior coach', params: CoachParams, body: SetSupervisorRequest, response: { 200: Created, ...errors } },
    },
    async (request) => setSupervisor({ services, ...coachTarget(request), seniorId: request.body.seniorId }),
  );

  app.get(
    '/api/coaches/:coachId/photo',
    {
      // The photo is part of the coach profile: the same people may see it, nobody else.
      config: { access: { action: 'coach:read', resource: coachOf } },
      schema: {
        tags: ['coaches'],
        summary: "A coach's photo (JPEG, PNG or WebP); `v` is the photo's version from the profile, so caches refresh when it changes",
        params: CoachParams,
        querystring: z.strictObject({ v: z.string().max(64).optional() }),
        produces: [...PHOTO_TYPES],
      },
    },
    async (request, reply) => {
      const photo = await getCoachPhoto({ services, coachId: coachTarget(request).coachId });
      const etag = `"${photo.sha256}"`;
      void reply
        .header('cache-control', 'private, max-age=86400')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', 'inline');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(photo.contentType).send(photo.bytes);
    },
  );

  app.put(
    '/api/me/coach-profile/photo',
    {
      // Own data only. The body is the image file itself (application/octet-stream).
      config: { access: { signedIn: true } },
      bodyLimit: PHOTO_MAX_BYTES + 1024,
      schema: {
        tags: ['coaches'],
        summary: 'Upload or replace my photo: the raw JPEG, PNG or WebP file, at most 3 MB; metadata such as location is removed',
        consumes: ['application/octet-stream', ...PHOTO_TYPES],
        response: { 200: CoachPhotoResponse, 400: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (request) => {
      const s = signedIn(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError('validation_failed', 'photo body missing');
      return saveMyCoachPhoto({ services, personId: s.actor.personId, institutionId: s.actor.institutionId, bytes: request.body, locale: request.locale });
    },
  );

  app.delete(
    '/api/me/coach-profile/photo',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['coaches'], summary: 'Delete my photo', response: { 200: CoachPhotoResponse } },
    },
    async (request) => deleteMyCoachPhoto({ services, personId: signedIn(request).actor.personId }),
  );

  app.get(
    '/api/me/coach-profile',
    {
      // Own data only: the use case reads the signed-in person's profile.
      config: { access: { signedIn: true } },
      schema: { tags: ['coaches'], summary: 'My coach profile', response: { 200: MyCoachProfileResponse, 404: ErrorResponse } },
    },
    async (request) => {
      const s = signedIn(request);
      return getMyCoachProfile({ services, personId: s.actor.personId, institutionId: s.actor.institutionId, locale: request.locale });
    },
  );

  app.put(
    '/api/me/coach-profile',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['coaches'], summary: 'Edit my coach profile', body: UpdateMyCoachProfileRequest, response: { 200: Created, ...errors } },
    },
    async (request) => {
      const s = signedIn(request);
      return updateMyCoachProfile({ services, personId: s.actor.personId, institutionId: s.actor.institutionId, ...request.body });
    },
  );
};
