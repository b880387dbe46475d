import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceHistoryResponse,
  AttendanceSignalsResponse,
  CancelSessionRequest,
  CheckinHistoryResponse,
  ClassAttendanceResponse,
  CommunityCheckinsResponse,
  CommunityInsightResponse,
  CreateSessionRequest,
  GiveSessionFeedbackRequest,
  HolidaysResponse,
  IntakeYearPlanResponse,
  LogbookEntryResponse,
  LogbookListResponse,
  MoveSessionRequest,
  OkResponse,
  PlanYearRequest,
  PostProgrammeUpdateRequest,
  ProgrammeUpdatesResponse,
  RecordAttendanceRequest,
  RecordAttendanceResponse,
  RecordCheckinRequest,
  RespondToSessionRequest,
  RsvpLinkResponse,
  SessionDetailResponse,
  SessionListResponse,
  SetHolidaysRequest,
  SetSessionPlanRequest,
  WriteLogbookRequest,
  WriteOneOnOneNoteRequest,
  YearPlanResponse,
} from '../../../contracts/sessions';
import { QuestionSet, ScaleQuestion } from '../../../contracts/content/questions';
import { AcademicYear } from '../../../domain/programme/intake-settings';
import type { Resource } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { type CommunityResource, intakeResource, loadCommunityResources } from '../relations/public';
import { getClassAttendance, getCommunityInsight, listAttendanceSignals } from './attendance-insight';
import { createSession } from './create-session';
import { getIntakeYearPlan } from './get-intake-year-plan';
import { getSession } from './get-session';
import { listCommunityCheckins } from './list-community-checkins';
import { listAttendanceHistory } from './list-attendance-history';
import { listSessions } from './list-sessions';
import { cancelSession, moveSession } from './move-session';
import { getYearPlan, holidaysOf, planYear, setHolidays } from './plan-year';
import { listProgrammeUpdates, postProgrammeUpdate } from './programme-updates';
import { giveSessionFeedback, listMyCheckins, recordCheckin } from './record-checkin';
import { recordAttendance } from './record-attendance';
import { communitySessionDefaults, loadSession, type LoadedSession } from './repository';
import { respondToSession } from './respond-to-session';
import { setSessionPlan } from './set-session-plan';
import { answerRsvpLink, readRsvpLink } from './rsvp-links';
import { listLogbooks, writeLogbook } from './write-logbook';
import { writeOneOnOneNote } from './write-one-on-one-note';
import { planOneOnOneRound } from './plan-one-on-one-round';
import { PlanRoundRequest, PlanRoundResponse } from '../../../contracts/caseloads';
import { classes, intakes, programmes, roleAssignments } from '../../db/schema';
import { and, eq } from 'drizzle-orm';

const SessionQuestionsResponse = z.object({ logbook: QuestionSet, checkin: ScaleQuestion, sessionClose: QuestionSet });
const SessionParams = z.strictObject({ sessionId: z.string().uuid() });
const CommunityParams = z.strictObject({ communityId: z.string().uuid() });
const ProgrammeParams = z.strictObject({ programmeId: z.string().uuid() });
const ClassParams = z.strictObject({ classId: z.string().uuid() });
const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const HolidayParams = z.strictObject({ programmeId: z.string().uuid(), academicYear: AcademicYear });
const ListQuery = z.strictObject({ from: z.iso.datetime().optional(), to: z.iso.datetime().optional() });
const TokenBody = z.strictObject({ token: z.string().min(20).max(100) });
const AnswerLinkBody = TokenBody.extend({ response: z.enum(['coming', 'notComing']), reason: z.string().trim().max(300).default('') });

// The loaded session travels from the access rule to the handler (no second load).
const loadedSessions = new WeakMap<FastifyRequest, LoadedSession>();
const loadedCommunities = new WeakMap<FastifyRequest, CommunityResource>();

const sessionResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = SessionParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const loaded = await loadSession(s.db, request.signedIn.actor.institutionId, parsed.data.sessionId);
  if (!loaded) return null;
  loadedSessions.set(request, loaded);
  return loaded.resource;
};
const communityResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = CommunityParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const [community] = await loadCommunityResources(s.db, request.signedIn.actor.institutionId, [parsed.data.communityId]);
  if (community) loadedCommunities.set(request, community);
  return community ?? null;
};
const programmeResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = ProgrammeParams.safeParse({ programmeId: (request.params as { programmeId?: unknown }).programmeId });
  if (!parsed.success || !request.signedIn) return null;
  const [p] = await s.db.select().from(programmes).where(and(eq(programmes.id, parsed.data.programmeId), eq(programmes.institutionId, request.signedIn.actor.institutionId)));
  return p ? { kind: 'programme', institutionId: p.institutionId, programmeId: p.id } : null;
};
const classResource = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = ClassParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  const [c] = await s.db
    .select({ leercoachId: classes.leercoachId, programmeId: programmes.id, institutionId: programmes.institutionId })
    .from(classes)
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(classes.id, parsed.data.classId), eq(programmes.institutionId, request.signedIn.actor.institutionId)));
  return c ? { kind: 'class', ...c } : null;
};

const intakeResourceOf = async (request: FastifyRequest, s: Services): Promise<Resource | null> => {
  const parsed = IntakeParams.safeParse(request.params);
  if (!parsed.success || !request.signedIn) return null;
  return intakeResource(s.db, request.signedIn.actor.institutionId, parsed.data.intakeId);
};

/** A class-wide session's class belongs to the programme, and its coach (if chosen) is a student coach of it (#21 item 3). */
async function checkClassWide(s: Services, programmeId: string, classId: string, coachId: string | undefined) {
  const [c] = await s.db.select({ id: classes.id }).from(classes).innerJoin(intakes, eq(intakes.id, classes.intakeId)).where(and(eq(classes.id, classId), eq(intakes.programmeId, programmeId)));
  if (!c) throw new AppError('validation_failed', 'class of another programme', {}, [{ path: 'classId', message: 'invalid' }]);
  if (!coachId) return;
  const [coach] = await s.db
    .select({ id: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, coachId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId)));
  if (!coach) throw new AppError('validation_failed', 'not a coach of the programme', {}, [{ path: 'coachId', message: 'caseload_coach' }]);
}

function session(request: FastifyRequest): LoadedSession {
  const loaded = loadedSessions.get(request);
  if (!loaded) throw new AppError('not_found');
  return loaded;
}
function community(request: FastifyRequest): CommunityResource {
  const loaded = loadedCommunities.get(request);
  if (!loaded) throw new AppError('not_found');
  return loaded;
}
function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

const ok = { ok: true as const };
const tags = ['sessions'];

export const sessionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/session-questions',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'The logbook, check-in and closing questions (content, both languages)', response: { 200: SessionQuestionsResponse } } },
    () => ({ logbook: services.content.questions.logbook, checkin: services.content.questions.checkin, sessionClose: services.content.questions.sessionClose }),
  );
  app.get(
    '/api/sessions',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My sessions in a window (default: 6 weeks back, 10 weeks ahead)', querystring: ListQuery, response: { 200: SessionListResponse } } },
    async (request) => {
      const now = services.now();
      const from = request.query.from ? new Date(request.query.from) : new Date(now.getTime() - 42 * 86_400_000);
      const to = request.query.to ? new Date(request.query.to) : new Date(now.getTime() + 70 * 86_400_000);
      return { sessions: await listSessions({ services, actor: actorOf(request), from, to }) };
    },
  );
  app.get(
    '/api/sessions/:sessionId',
    { config: { access: { action: 'session:read', resource: sessionResource } }, schema: { tags, summary: 'One session', params: SessionParams, response: { 200: SessionDetailResponse } } },
    async (request) => getSession({ services, actor: actorOf(request), session: session(request), locale: request.locale }),
  );
  app.post(
    '/api/communities/:communityId/sessions',
    { config: { access: { action: 'community:planSessions', resource: communityResource } }, schema: { tags, summary: 'Plan a community session, outing or one-on-one', params: CommunityParams, body: CreateSessionRequest, response: { 201: z.object({ id: z.string().uuid() }) } } },
    async (request, reply) => {
      const c = community(request);
      // A class (class-wide coaching, #21, ADR 0027) meets as the whole class: class-wide sessions only, and only there.
      if (c.communityKind === 'class' && request.body.type !== 'classWide') throw new AppError('class_sessions_only');
      if (!['community', 'outing', 'oneOnOne'].includes(request.body.type) && c.communityKind !== 'class') throw new AppError('validation_failed', 'type', {}, [{ path: 'type', message: 'invalid' }]);
      // A caseload (individual coaching, #21) never meets as a group: one-on-ones only.
      if (c.communityKind === 'caseload' && request.body.type !== 'oneOnOne') throw new AppError('caseload_no_group_sessions');
      const defaults = (await communitySessionDefaults(services.db, [c.id])).get(c.id);
      const created = await createSession({ services, actor: actorOf(request), request: request.body, context: { institutionId: c.institutionId, programmeId: c.programmeId, communityId: c.id, coachId: c.coachId, memberIds: c.memberIds, classId: c.classId, ...(defaults ? { defaults } : {}) } });
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/api/communities/:communityId/one-on-one-round',
    { config: { access: { action: 'community:planSessions', resource: communityResource } }, schema: { tags, summary: 'Plan a round of one-on-ones: one per coachee of a caseload on one day (#21)', params: CommunityParams, body: PlanRoundRequest, response: { 201: PlanRoundResponse } } },
    async (request, reply) => reply.status(201).send(await planOneOnOneRound({ services, community: community(request), request: request.body })),
  );
  app.post(
    '/api/programmes/:programmeId/sessions',
    { config: { access: { action: 'programme:manageCoaches', resource: programmeResource } }, schema: { tags, summary: 'Plan a coach training, intervision or class-wide session', params: ProgrammeParams, body: CreateSessionRequest, response: { 201: z.object({ id: z.string().uuid() }) } } },
    async (request, reply) => {
      if (!['coachTraining', 'intervision', 'classWide'].includes(request.body.type) || (request.body.type === 'classWide' && !request.body.classId))
        throw new AppError('validation_failed', 'type', {}, [{ path: 'type', message: 'invalid' }]);
      const actor = actorOf(request);
      if (request.body.type === 'classWide') await checkClassWide(services, request.params.programmeId, request.body.classId ?? '', request.body.coachId);
      const created = await createSession({ services, actor, request: request.body, context: { institutionId: actor.institutionId, programmeId: request.params.programmeId } });
      return reply.status(201).send(created);
    },
  );
  app.put(
    '/api/sessions/:sessionId',
    { config: { access: { action: 'session:manage', resource: sessionResource } }, schema: { tags, summary: 'Move a session (members are told)', params: SessionParams, body: MoveSessionRequest, response: { 200: OkResponse } } },
    async (request) => {
      await moveSession({ services, session: session(request), request: request.body });
      return ok;
    },
  );
  app.post(
    '/api/sessions/:sessionId/cancel',
    { config: { access: { action: 'session:manage', resource: sessionResource } }, schema: { tags, summary: 'Cancel a session (members are told)', params: SessionParams, body: CancelSessionRequest, response: { 200: OkResponse } } },
    async (request) => {
      await cancelSession({ services, session: session(request), version: request.body.version });
      return ok;
    },
  );
  app.put(
    '/api/sessions/:sessionId/plan',
    { config: { access: { action: 'session:manage', resource: sessionResource } }, schema: { tags, summary: 'Choose the session plan (own or shared) for a session, or none', params: SessionParams, body: SetSessionPlanRequest, response: { 200: OkResponse } } },
    async (request) => {
      await setSessionPlan({ services, actor: actorOf(request), session: session(request), planId: request.body.planId });
      return ok;
    },
  );
  app.put(
    '/api/sessions/:sessionId/rsvp',
    { config: { access: { action: 'session:respond', resource: sessionResource } }, schema: { tags, summary: 'Coming, or absence notice with a reason', params: SessionParams, body: RespondToSessionRequest, response: { 200: OkResponse } } },
    async (request) => {
      await respondToSession({ services, personId: actorOf(request).personId, session: session(request), answer: request.body });
      return ok;
    },
  );
  app.post(
    '/api/sessions/:sessionId/attendance',
    { config: { access: { action: 'session:markAttendance', resource: sessionResource } }, schema: { tags, summary: 'Mark attendance; answers per person', params: SessionParams, body: RecordAttendanceRequest, response: { 200: RecordAttendanceResponse } } },
    async (request) => recordAttendance({ services, actor: actorOf(request), session: session(request), marks: request.body.marks, locale: request.locale }),
  );
  app.get(
    '/api/sessions/:sessionId/attendance/history',
    { config: { access: { action: 'session:readAttendance', resource: sessionResource } }, schema: { tags, summary: 'Every change to the attendance marks', params: SessionParams, response: { 200: AttendanceHistoryResponse } } },
    async (request) => listAttendanceHistory({ services, sessionId: session(request).row.id }),
  );
  app.put(
    '/api/sessions/:sessionId/logbook',
    { config: { access: { action: 'session:writeLogbook', resource: sessionResource } }, schema: { tags, summary: 'Write the logbook entry of the session', params: SessionParams, body: WriteLogbookRequest, response: { 200: OkResponse } } },
    async (request) => {
      await writeLogbook({ services, actor: actorOf(request), session: session(request), request: request.body, locale: request.locale });
      return ok;
    },
  );
  app.get(
    '/api/sessions/:sessionId/logbook',
    { config: { access: { action: 'session:read', resource: sessionResource } }, schema: { tags, summary: 'The logbook entry of the session, if the person may read it', params: SessionParams, response: { 200: LogbookEntryResponse } } },
    async (request) => {
      const [entry] = await listLogbooks({ services, actor: actorOf(request), locale: request.locale, sessionId: session(request).row.id });
      return { entry: entry ?? null };
    },
  );
  app.get(
    '/api/logbooks',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Logbook entries I may read (mine, my coaches’)', response: { 200: LogbookListResponse } } },
    async (request) => ({ entries: await listLogbooks({ services, actor: actorOf(request), locale: request.locale }) }),
  );
  app.put(
    '/api/sessions/:sessionId/one-on-one-note',
    { config: { access: { action: 'session:writeLogbook', resource: sessionResource } }, schema: { tags, summary: 'The coach’s private notes of a one-on-one', params: SessionParams, body: WriteOneOnOneNoteRequest, response: { 200: OkResponse } } },
    async (request) => {
      await writeOneOnOneNote({ services, actor: actorOf(request), session: session(request), body: request.body.body });
      return ok;
    },
  );
  app.put(
    '/api/sessions/:sessionId/checkin',
    { config: { access: { action: 'session:respond', resource: sessionResource } }, schema: { tags, summary: '“Hoe zit je in je vel?” (0–10)', params: SessionParams, body: RecordCheckinRequest, response: { 200: OkResponse } } },
    async (request) => {
      await recordCheckin({ services, personId: actorOf(request).personId, session: session(request), score: request.body.score });
      return ok;
    },
  );
  app.put(
    '/api/sessions/:sessionId/feedback',
    { config: { access: { action: 'session:respond', resource: sessionResource } }, schema: { tags, summary: 'The closing questions: what did you think, what next time', params: SessionParams, body: GiveSessionFeedbackRequest, response: { 200: OkResponse } } },
    async (request) => {
      await giveSessionFeedback({ services, personId: actorOf(request).personId, session: session(request), answers: request.body.answers });
      return ok;
    },
  );
  app.get(
    '/api/me/checkins',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My check-in history and whether I share it', response: { 200: CheckinHistoryResponse } } },
    async (request) => listMyCheckins({ services, personId: actorOf(request).personId, locale: request.locale }),
  );
  app.get(
    '/api/communities/:communityId/year-plan',
    { config: { access: { action: 'community:read', resource: communityResource } }, schema: { tags, summary: 'The year plan with its gaps', params: CommunityParams, response: { 200: YearPlanResponse } } },
    async (request) => getYearPlan({ services, community: community(request) }),
  );
  app.post(
    '/api/communities/:communityId/year-plan',
    { config: { access: { action: 'community:planSessions', resource: communityResource } }, schema: { tags, summary: 'Generate the year plan from the intake settings', params: CommunityParams, body: PlanYearRequest, response: { 200: YearPlanResponse } } },
    async (request) => planYear({ services, actor: actorOf(request), community: community(request), request: request.body }),
  );
  app.get(
    '/api/programmes/:programmeId/holidays/:academicYear',
    { config: { access: { action: 'programme:read', resource: programmeResource } }, schema: { tags, summary: 'The holiday calendar of an academic year', params: HolidayParams, response: { 200: HolidaysResponse } } },
    async (request) => ({ academicYear: request.params.academicYear, holidays: await holidaysOf(services.db, actorOf(request).institutionId, request.params.academicYear) }),
  );
  app.put(
    '/api/programmes/:programmeId/holidays/:academicYear',
    { config: { access: { action: 'programme:manage', resource: programmeResource } }, schema: { tags, summary: 'Set the holiday calendar of an academic year', params: HolidayParams, body: SetHolidaysRequest, response: { 200: HolidaysResponse } } },
    async (request) => {
      await setHolidays({ services, institutionId: actorOf(request).institutionId, academicYear: request.params.academicYear, holidays: request.body.holidays });
      return { academicYear: request.params.academicYear, holidays: request.body.holidays };
    },
  );
  app.get(
    '/api/communities/:communityId/attendance',
    { config: { access: { action: 'community:readAttendance', resource: communityResource } }, schema: { tags, summary: 'Attendance trend per community and coachee', params: CommunityParams, response: { 200: CommunityInsightResponse } } },
    async (request) => getCommunityInsight({ services, actor: actorOf(request), community: community(request) }),
  );
  app.get(
    '/api/communities/:communityId/checkins',
    { config: { access: { action: 'community:read', resource: communityResource } }, schema: { tags, summary: 'Check-in histories of the members who share them with their coach', params: CommunityParams, response: { 200: CommunityCheckinsResponse } } },
    async (request) => listCommunityCheckins({ services, actor: actorOf(request), community: community(request) }),
  );
  app.get(
    '/api/intakes/:intakeId/year-plan',
    { config: { access: { action: 'programme:manageCommunities', resource: intakeResourceOf } }, schema: { tags, summary: "Every community's year plan of an intake, with holidays and gaps", params: IntakeParams, response: { 200: IntakeYearPlanResponse } } },
    async (request) => {
      const r = request.accessResource;
      if (!r || r.kind !== 'programme') throw new AppError('not_found');
      return getIntakeYearPlan({ services, institutionId: r.institutionId, programmeId: r.programmeId, intakeId: request.params.intakeId });
    },
  );
  app.get(
    '/api/attendance-signals',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Coachees who missed three sessions in a row (my communities)', response: { 200: AttendanceSignalsResponse } } },
    async (request) => listAttendanceSignals({ services, actor: actorOf(request) }),
  );
  app.get(
    '/api/classes/:classId/attendance',
    { config: { access: { action: 'class:read', resource: classResource } }, schema: { tags, summary: 'Attendance figures of a class (leercoach)', params: ClassParams, response: { 200: ClassAttendanceResponse } } },
    async (request) => getClassAttendance({ services, classId: request.params.classId }),
  );
  app.post(
    '/api/programmes/:programmeId/updates',
    { config: { access: { action: 'programme:postUpdate', resource: programmeResource } }, schema: { tags, summary: 'Post a programme update to the coaches', params: ProgrammeParams, body: PostProgrammeUpdateRequest, response: { 201: z.object({ id: z.string().uuid() }) } } },
    async (request, reply) => reply.status(201).send(await postProgrammeUpdate({ services, actor: actorOf(request), programmeId: request.params.programmeId, ...request.body })),
  );
  app.get(
    '/api/programme-updates',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'Programme updates for the coaches of my programmes', response: { 200: ProgrammeUpdatesResponse } } },
    async (request) => listProgrammeUpdates({ services, actor: actorOf(request) }),
  );
  app.post(
    '/api/rsvp-link',
    // The token from the e-mail is the credential; reading it changes nothing.
    { config: { access: { public: true } }, schema: { tags, summary: 'What an RSVP link from an e-mail is about', body: TokenBody, response: { 200: RsvpLinkResponse } } },
    async (request) => readRsvpLink({ services, token: request.body.token }),
  );
  app.post(
    '/api/rsvp-link/answer',
    { config: { access: { public: true } }, schema: { tags, summary: 'Answer an RSVP link from an e-mail', body: AnswerLinkBody, response: { 200: OkResponse } } },
    async (request) => {
      await answerRsvpLink({ services, token: request.body.token, response: request.body.response, reason: request.body.reason });
      return ok;
    },
  );
};
