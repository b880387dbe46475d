/** HTTP routes of the invitations context: parse, call one use case, map. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, SessionResponse } from '../../../contracts/identity';
import {
  ActivateAccountRequest,
  IntakeInvitationsResponse,
  InvitationListQuery,
  InvitationPreviewResponse,
  InvitationTokenRequest,
  InviteIntakeRequest,
  InviteIntakeResponse,
  PersonInvitationResponse,
} from '../../../contracts/invitations';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CookiePolicy } from '../../http/cookies';
import { loader } from '../../http/resource-loader';
import { describeSession, newToken, resolveSession, setSignInCookies } from '../identity/public';
import { intakeResource } from '../relations/public';
import { activateAccount, previewInvitation } from './activate-account';
import { inviteIntake } from './invite-intake';
import { inviteeResource } from './invitee-resource';
import { getPersonInvitation, listIntakeInvitations } from './list-invitations';
import { sendInvitation } from './send-invitation';

const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const PersonParams = z.strictObject({ personId: z.string().uuid() });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const inviteeOf = loader(PersonParams, (s, inst, p) => inviteeResource(s.db, inst, p.personId));

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

export const invitationRoutes: FastifyPluginAsyncZod<{ services: Services; cookies: CookiePolicy }> = async (app, { services, cookies }) => {
  app.get(
    '/api/intakes/:intakeId/invitations',
    {
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: { tags: ['invitations'], summary: "The intake's students with their invitation status and the counts", params: IntakeParams, querystring: InvitationListQuery, response: { 200: IntakeInvitationsResponse, ...errors } },
    },
    async (request) => listIntakeInvitations({ services, intakeId: request.params.intakeId, status: request.query.status }),
  );

  app.post(
    '/api/intakes/:intakeId/invitations',
    {
      config: { access: { action: 'programme:manageStudents', resource: intakeOf } },
      schema: {
        tags: ['invitations'],
        summary: 'Invite the students not yet invited (or the listed ones: invite or send again), now or on the start date; answers per student',
        params: IntakeParams,
        body: InviteIntakeRequest,
        response: { 200: InviteIntakeResponse, ...errors },
      },
    },
    async (request) => {
      const results = await inviteIntake({ services, intakeId: request.params.intakeId, actorId: actorOf(request).personId, ...request.body });
      const { counts } = await listIntakeInvitations({ services, intakeId: request.params.intakeId });
      return { results, counts };
    },
  );

  app.get(
    '/api/people/:personId/invitation',
    {
      config: { access: { action: 'invitation:read', resource: inviteeOf } },
      schema: { tags: ['invitations'], summary: "A person's invitation status (for the staff page)", params: PersonParams, response: { 200: PersonInvitationResponse, ...errors } },
    },
    async (request) => getPersonInvitation({ services, personId: request.params.personId }),
  );

  app.post(
    '/api/people/:personId/invitation',
    {
      config: { access: { action: 'invitation:send', resource: inviteeOf } },
      schema: { tags: ['invitations'], summary: 'Send a person their invitation, or send it again (the earlier link stops working)', params: PersonParams, response: { 200: PersonInvitationResponse, ...errors } },
    },
    async (request) => {
      const { personId } = request.params;
      await services.db.transaction((tx) => sendInvitation({ services, tx, personId, invitedById: actorOf(request).personId }));
      return getPersonInvitation({ services, personId });
    },
  );

  app.post(
    '/api/invitations/preview',
    {
      config: { access: { public: true } },
      schema: { tags: ['invitations'], summary: "Whose account an activation link is for (changes nothing)", body: InvitationTokenRequest, response: { 200: InvitationPreviewResponse, 400: ErrorResponse, 429: ErrorResponse } },
    },
    async (request) => previewInvitation({ services, token: request.body.token, address: request.ip }),
  );

  app.post(
    '/api/invitations/activate',
    {
      config: { access: { public: true } },
      schema: { tags: ['invitations'], summary: 'Activate the account with a password (uses the link up) and sign in', body: ActivateAccountRequest, response: { 200: SessionResponse, 400: ErrorResponse, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const opened = await activateAccount({ services, ...request.body, address: request.ip });
      setSignInCookies(reply, cookies, opened);
      if (opened.kind === 'mfa') return describeSession(services, null, request.cookies[cookies.csrf] ?? newToken(), true);
      return describeSession(services, await resolveSession(services, opened.sessionToken), opened.csrfToken);
    },
  );
};
