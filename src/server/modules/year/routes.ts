import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  AnswerHundredDayLinkRequest,
  AnswerHundredDayRequest,
  CommunityHundredDayResponse,
  HundredDayQuestion,
  HundredDayTokenRequest,
  IntakeHundredDayResponse,
  MyHundredDayResponse,
  SwitchNoticesResponse,
  SwitchTargetsResponse,
  WelcomeNoticeRequest,
} from '../../../contracts/year';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { intakeResource, loadCommunityResources, programmeResource } from '../relations/public';
import { answerHundredDayLink, answerMyHundredDay, myHundredDay, readHundredDayLink } from './answer-hundred-day';
import { communityHundredDay, intakeHundredDay } from './outcomes';
import { listSwitchNotices, markWelcomed, switchTargets } from './switch-notices';
import { AcceptRegroupRequest, MoveRegroupRequest, MyRegroupingResponse, RegroupingResponse } from '../../../contracts/regroup';
import { acceptRegrouping, latestRegrouping, moveRegroupStudent, myRegrouping, presentRegrouping, regroupingResource, startRegrouping } from './regroup';

const tags = ['year'];
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const CommunityParams = z.strictObject({ communityId: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const NoticeParams = z.strictObject({ programmeId: z.string().uuid(), noticeId: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const ok = { ok: true as const };

const communityOf = loader(z.object({ communityId: z.string().uuid() }), async (s, inst, p) => {
  const [community] = await loadCommunityResources(s.db, inst, [p.communityId]);
  return community ?? null;
});
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const RegroupParams = z.strictObject({ regroupingId: z.string().uuid() });
const regroupingOf = loader(RegroupParams, (s, inst, p) => regroupingResource(s.db, inst, p.regroupingId));
const programmeOf = loader(z.object({ programmeId: z.string().uuid() }), (s, inst, p) => programmeResource(s.db, inst, p.programmeId));

export const yearRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/hundred-day/mine',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My 100-day question, if I was asked', response: { 200: MyHundredDayResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return myHundredDay({ services, personId: request.signedIn.actor.personId, locale: request.locale });
    },
  );
  app.post(
    '/api/hundred-day/mine/:intakeId',
    // One's own question only: the use case looks it up by the signed-in person.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Answer my 100-day question', params: IntakeParams, body: AnswerHundredDayRequest, response: { 200: Ok, ...errors } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      await answerMyHundredDay({ services, personId: request.signedIn.actor.personId, intakeId: request.params.intakeId, body: request.body });
      return ok;
    },
  );
  app.post(
    '/api/hundred-day-link',
    // The token from the e-mail is the credential; reading it changes nothing.
    { config: { access: { public: true } }, schema: { tags, summary: 'What a 100-day link from an e-mail asks', body: HundredDayTokenRequest, response: { 200: HundredDayQuestion, 400: ErrorResponse } } },
    async (request) => readHundredDayLink({ services, token: request.body.token, locale: request.locale }),
  );
  app.post(
    '/api/hundred-day-link/answer',
    { config: { access: { public: true } }, schema: { tags, summary: 'Answer the 100-day question from an e-mail link', body: AnswerHundredDayLinkRequest, response: { 200: Ok, ...errors } } },
    async (request) => {
      const { token, ...body } = request.body;
      await answerHundredDayLink({ services, token, body });
      return ok;
    },
  );
  app.get(
    '/api/communities/:communityId/hundred-day',
    { config: { access: { action: 'community:readHundredDay', resource: communityOf } }, schema: { tags, summary: 'The 100-day outcome of a community', params: CommunityParams, response: { 200: CommunityHundredDayResponse, 404: ErrorResponse } } },
    async (request) => communityHundredDay({ services, communityId: request.params.communityId }),
  );
  app.get(
    '/api/intakes/:intakeId/hundred-day',
    { config: { access: { action: 'programme:readHundredDay', resource: intakeOf } }, schema: { tags, summary: 'The 100-day outcome of an intake: totals, per community, each answer', params: IntakeParams, response: { 200: IntakeHundredDayResponse, 404: ErrorResponse } } },
    async (request) => intakeHundredDay({ services, intakeId: request.params.intakeId }),
  );
  app.get(
    '/api/programmes/:programmeId/switch-targets',
    // The programmes a student of this programme can switch to (names only), for the stop form.
    { config: { access: { action: 'programme:manageCommunities', resource: programmeOf } }, schema: { tags, summary: 'Other programmes of the institution, to switch a student to', params: ProgrammeParams, response: { 200: SwitchTargetsResponse, 404: ErrorResponse } } },
    async (request) => switchTargets({ services, programmeId: request.params.programmeId, locale: request.locale }),
  );
  app.get(
    '/api/programmes/:programmeId/switch-notices',
    { config: { access: { action: 'programme:welcomeSwitches', resource: programmeOf } }, schema: { tags, summary: 'Students who switched to this programme and would like a welcome', params: ProgrammeParams, response: { 200: SwitchNoticesResponse, 404: ErrorResponse } } },
    async (request) => listSwitchNotices({ services, programmeId: request.params.programmeId, locale: request.locale }),
  );
  app.post(
    '/api/programmes/:programmeId/switch-notices/:noticeId/welcomed',
    { config: { access: { action: 'programme:welcomeSwitches', resource: programmeOf } }, schema: { tags, summary: 'Mark a student who switched in as welcomed', params: NoticeParams, body: WelcomeNoticeRequest, response: { 200: Ok, ...errors } } },
    async (request) => {
      await markWelcomed({ services, programmeId: request.params.programmeId, noticeId: request.params.noticeId });
      return ok;
    },
  );
  app.get(
    '/api/intakes/:intakeId/regrouping',
    { config: { access: { action: 'programme:formCommunities', resource: intakeOf } }, schema: { tags, summary: 'The latest regrouping after the 100-day moment (draft or accepted), if any', params: IntakeParams, response: { 200: z.object({ regrouping: RegroupingResponse.nullable() }), 404: ErrorResponse } } },
    async (request) => {
      const id = await latestRegrouping(services.db, request.params.intakeId);
      return { regrouping: id ? await presentRegrouping(services.db, id) : null };
    },
  );
  app.post(
    '/api/intakes/:intakeId/regroupings',
    { config: { access: { action: 'programme:formCommunities', resource: intakeOf } }, schema: { tags, summary: 'Make a regrouping draft after the 100-day moment closed (warm start from the memberships)', params: IntakeParams, body: z.strictObject({}), response: { 201: RegroupingResponse, ...errors } } },
    async (request, reply) => {
      const id = await startRegrouping({ services, intakeId: request.params.intakeId, createdById: request.signedIn?.actor.personId ?? null });
      return reply.status(201).send(await presentRegrouping(services.db, id));
    },
  );
  app.get(
    '/api/regroupings/:regroupingId',
    { config: { access: { action: 'programme:formCommunities', resource: regroupingOf } }, schema: { tags, summary: 'A regrouping: who moves where, counts, which coaches keep or lose a community', params: RegroupParams, response: { 200: RegroupingResponse, 404: ErrorResponse } } },
    async (request) => presentRegrouping(services.db, request.params.regroupingId),
  );
  app.post(
    '/api/regroupings/:regroupingId/moves',
    { config: { access: { action: 'programme:formCommunities', resource: regroupingOf } }, schema: { tags, summary: 'Move a continuing student to another community of the draft', params: RegroupParams, body: MoveRegroupRequest, response: { 200: RegroupingResponse, ...errors } } },
    async (request) => moveRegroupStudent({ services, regroupingId: request.params.regroupingId, request: request.body }),
  );
  app.post(
    '/api/regroupings/:regroupingId/accept',
    { config: { access: { action: 'programme:formCommunities', resource: regroupingOf } }, schema: { tags, summary: 'Accept the regrouping: the moves happen as handovers; coaches and moved coachees are told', params: RegroupParams, body: AcceptRegroupRequest, response: { 200: RegroupingResponse, ...errors } } },
    async (request) => acceptRegrouping({ services, regroupingId: request.params.regroupingId, request: request.body }),
  );
  app.get(
    '/api/regrouping/mine',
    // Only what changed for the signed-in person.
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'What a recent regrouping changed for me', response: { 200: MyRegroupingResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return myRegrouping({ services, personId: request.signedIn.actor.personId });
    },
  );
};
