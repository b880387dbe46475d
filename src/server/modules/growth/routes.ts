/** HTTP routes of coaches' growth and input (#21 item 6): nominations, training feedback, the handbook. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GiveTrainingFeedbackRequest,
  HandbookResponse,
  MyNominationsResponse,
  MyTrainingsResponse,
  NominateRequest,
  NominationCandidatesResponse,
  NominationLinkResponse,
  NominationTokenRequest,
  ProgrammeNominationsResponse,
  ProgrammeTrainingFeedbackResponse,
} from '../../../contracts/growth';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { programmeResource } from '../relations/public';
import { getHandbook } from './handbook';
import { declineMyNomination, declineNominationLink, myNominations, nominate, nominationCandidates, programmeNominations, readNominationLink } from './nominations';
import { nomineeResource, trainingResource } from './repository';
import { giveTrainingFeedback, myTrainings, programmeTrainingFeedback } from './training-feedback';

const tags = ['growth'];
const StudentParams = z.strictObject({ personId: z.string().uuid() });
const NominationParams = z.strictObject({ nominationId: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const TrainingParams = z.strictObject({ sessionId: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const Created = z.object({ id: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const ok = { ok: true as const };

const signedIn = (request: FastifyRequest) => {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn;
};
const nomineeOf = loader(StudentParams, (s, inst, p) => nomineeResource(s.db, inst, p.personId));
const trainingOf = loader(TrainingParams, (s, inst, p) => trainingResource(s.db, inst, p.sessionId));
const programmeOf = loader(ProgrammeParams, (s, inst, p) => programmeResource(s.db, inst, p.programmeId));
const handbookOf = loader(z.object({}), (_s, inst) => Promise.resolve({ kind: 'handbook' as const, institutionId: inst }));

export const growthRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/nominations/candidates',
    // Signed in; the list holds only the students the policy lets this person nominate (none for most roles).
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Students I may nominate as a future coach (my class, my programme)', response: { 200: NominationCandidatesResponse } } },
    async (request) => nominationCandidates({ services, actor: signedIn(request).actor }),
  );
  app.post(
    '/api/students/:personId/nominations',
    { config: { access: { action: 'coach:nominate', resource: nomineeOf } }, schema: { tags, summary: 'Nominate a student as a future coach; they get an invitation in the app and by mail', params: StudentParams, body: NominateRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => {
      const nominee = request.accessResource;
      if (!nominee || nominee.kind !== 'nominee') throw new AppError('not_found');
      return reply.status(201).send(await nominate({ services, actor: signedIn(request).actor, nominee, note: request.body.note }));
    },
  );
  app.get(
    '/api/me/nominations',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My nominations as a future coach', response: { 200: MyNominationsResponse } } },
    async (request) => myNominations({ services, personId: signedIn(request).actor.personId, locale: request.locale }),
  );
  app.post(
    '/api/me/nominations/:nominationId/decline',
    // One's own nomination only: the use case looks it up by the signed-in person.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Decline my nomination (no further mails)', params: NominationParams, body: z.strictObject({}), response: { 200: Ok, ...errors } } },
    async (request) => {
      await declineMyNomination({ services, personId: signedIn(request).actor.personId, nominationId: request.params.nominationId });
      return ok;
    },
  );
  app.post(
    '/api/nomination-link',
    // The token from the e-mail is the credential; reading it changes nothing.
    { config: { access: { public: true } }, schema: { tags, summary: 'What a nomination link from an e-mail opens (to prefill the application)', body: NominationTokenRequest, response: { 200: NominationLinkResponse, 400: ErrorResponse } } },
    async (request) => readNominationLink({ services, token: request.body.token, locale: request.locale }),
  );
  app.post(
    '/api/nomination-link/decline',
    { config: { access: { public: true } }, schema: { tags, summary: 'Decline a nomination from its e-mail link', body: NominationTokenRequest, response: { 200: Ok, ...errors } } },
    async (request) => {
      await declineNominationLink({ services, token: request.body.token });
      return ok;
    },
  );
  app.get(
    '/api/programmes/:programmeId/nominations',
    { config: { access: { action: 'programme:manageCoaches', resource: programmeOf } }, schema: { tags, summary: "The programme's nominations: who, by whom, the note, what came of it", params: ProgrammeParams, response: { 200: ProgrammeNominationsResponse, 404: ErrorResponse } } },
    async (request) => programmeNominations({ services, actor: signedIn(request).actor, programmeId: request.params.programmeId }),
  );
  app.get(
    '/api/me/trainings',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Coach trainings I attended recently, with my feedback', response: { 200: MyTrainingsResponse } } },
    async (request) => myTrainings({ services, personId: signedIn(request).actor.personId, locale: request.locale }),
  );
  app.post(
    '/api/trainings/:sessionId/feedback',
    { config: { access: { action: 'training:giveFeedback', resource: trainingOf } }, schema: { tags, summary: 'Give feedback on a coach training I attended (once, after it ended)', params: TrainingParams, body: GiveTrainingFeedbackRequest, response: { 201: Ok, ...errors } } },
    async (request, reply) => {
      await giveTrainingFeedback({ services, personId: signedIn(request).actor.personId, sessionId: request.params.sessionId, body: request.body });
      return reply.status(201).send(ok);
    },
  );
  app.get(
    '/api/programmes/:programmeId/training-feedback',
    { config: { access: { action: 'programme:manageCoaches', resource: programmeOf } }, schema: { tags, summary: 'Feedback per coach training (no names; averages of fewer than 5 hidden) and the most asked-for topics', params: ProgrammeParams, response: { 200: ProgrammeTrainingFeedbackResponse, 404: ErrorResponse } } },
    async (request) => programmeTrainingFeedback({ services, programmeId: request.params.programmeId, locale: request.locale }),
  );
  app.get(
    '/api/handbook',
    { config: { access: { action: 'handbook:read', resource: handbookOf } }, schema: { tags, summary: 'The coach handbook in my language', response: { 200: HandbookResponse, 404: ErrorResponse } } },
    async (request) => getHandbook({ services, locale: request.locale }),
  );
};
