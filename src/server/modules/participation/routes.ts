/** HTTP routes of the participation context: sign-ups (the student), figures and the mode-change preview (the coordinator). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import { AnswerSignUpLinkRequest, IntakeParticipationResponse, ModeChangeConsequences, ModeChangePreviewRequest, MySignUpsResponse, SignUpInvitationResponse, SignUpTokenRequest } from '../../../contracts/participation';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { intakeResource } from '../relations/public';
import { previewModeChange } from './mode-change';
import { answerSignUpLink, readSignUpLink } from './sign-up-link';
import { intakeParticipation, mySignUps, signUp, withdrawSignUp } from './sign-ups';

const tags = ['participation'];
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));

export const participationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const personOf = (request: { signedIn?: { actor: { personId: string } } | null }) => {
    if (!request.signedIn) throw new AppError('unauthenticated');
    return request.signedIn.actor.personId;
  };
  app.get(
    '/api/participation/sign-ups',
    // The student's own sign-ups only: the use case reads the signed-in person's classes.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The opt-in intakes I can sign up for, and whether I did', response: { 200: MySignUpsResponse } } },
    async (request) => mySignUps({ services, personId: personOf(request), locale: request.locale }),
  );
  app.put(
    '/api/participation/sign-ups/:intakeId',
    // The person signs up themselves; a student of another intake gets the same 404 as a missing one.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Sign up for an opt-in intake ("Ik doe mee")', params: IntakeParams, response: { 200: Ok, ...errors } } },
    async (request) => signUp({ services, personId: personOf(request), intakeId: request.params.intakeId }),
  );
  app.delete(
    '/api/participation/sign-ups/:intakeId',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Withdraw my sign-up before the communities are formed', params: IntakeParams, response: { 200: Ok, ...errors } } },
    async (request) => withdrawSignUp({ services, personId: personOf(request), intakeId: request.params.intakeId }),
  );
  app.get(
    '/api/intakes/:intakeId/participation',
    { config: { access: { action: 'programme:manage', resource: intakeOf } }, schema: { tags, summary: 'The participation mode of an intake with its sign-up figures', params: IntakeParams, response: { 200: IntakeParticipationResponse, 404: ErrorResponse } } },
    async (request) => intakeParticipation({ services, intakeId: request.params.intakeId }),
  );
  app.post(
    '/api/intakes/:intakeId/participation/preview',
    // Reading only: what a mode change would do to the intake's communities.
    { config: { access: { action: 'programme:manage', resource: intakeOf } }, schema: { tags, summary: 'What changing the participation mode would do, before anything changes', params: IntakeParams, body: ModeChangePreviewRequest, response: { 200: ModeChangeConsequences, ...errors } } },
    async (request) => previewModeChange({ services, intakeId: request.params.intakeId, to: request.body.to }),
  );
  app.post(
    '/api/sign-up-link',
    // The token from the invitation mail is the credential; reading it changes nothing.
    { config: { access: { public: true } }, schema: { tags, summary: 'What a sign-up invitation link offers ("Doe je mee?")', body: SignUpTokenRequest, response: { 200: SignUpInvitationResponse, 400: ErrorResponse, 404: ErrorResponse } } },
    async (request) => readSignUpLink({ services, token: request.body.token, locale: request.locale }),
  );
  app.post(
    '/api/sign-up-link/answer',
    { config: { access: { public: true } }, schema: { tags, summary: 'Answer a sign-up invitation from its link: yes ("Ik doe mee") or no', body: AnswerSignUpLinkRequest, response: { 200: Ok, ...errors } } },
    async (request) => answerSignUpLink({ services, token: request.body.token, answer: request.body.answer }),
  );
};
