/** HTTP routes of scheduling (#7): setup, timetables, availability, runs, overrides, publishing. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/identity';
import {
  FetchTimetableRequest,
  MyAvailabilityResponse,
  OverrideSlotRequest,
  PeriodTimetablesResponse,
  PublishRunResponse,
  RunResponse,
  SaveLocationRequest,
  SaveRoomRequest,
  SaveTeachingPeriodRequest,
  SchedulingSetupResponse,
  SetAvailabilityRequest,
  SlotOptionsResponse,
  StartRunRequest,
  TimetableUploadResponse,
  UploadTimetableRequest,
} from '../../../contracts/scheduling';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { loader } from '../../http/resource-loader';
import { fetchTimetableUrl, urlFileName } from './fetch-timetable-url';
import { getSchedulingRun } from './get-run';
import { deleteTimetable, getSchedulingSetup, listPeriodTimetables, setCoachAvailability } from './get-setup';
import { createLocation, createRoom, createTeachingPeriod, deleteLocation, deleteRoom, deleteTeachingPeriod, updateLocation, updateTeachingPeriod } from './manage-setup';
import { listSlotOptions, overrideSlot } from './override-slot';
import { publishSchedulingRun } from './publish-run';
import { assertMayChangeAvailability, listMyAvailability } from './my-availability';
import { intakeResource } from '../relations/public';
import { locationResource, periodCoachResource, periodResource, periodRow, roomResource, runResource, timetableResource } from './repository';
import { cancelSchedulingRun, startSchedulingRun } from './start-run';
import { uploadTimetable } from './upload-timetable';

const IntakeParams = z.strictObject({ intakeId: z.string().uuid() });
const PeriodParams = z.strictObject({ periodId: z.string().uuid() });
const PeriodPersonParams = z.strictObject({ periodId: z.string().uuid(), personId: z.string().uuid() });
const LocationParams = z.strictObject({ locationId: z.string().uuid() });
const RoomParams = z.strictObject({ roomId: z.string().uuid() });
const TimetableParams = z.strictObject({ timetableId: z.string().uuid() });
const RunParams = z.strictObject({ runId: z.string().uuid() });
const RunCommunityParams = z.strictObject({ runId: z.string().uuid(), communityId: z.string().uuid() });
const Created = z.object({ id: z.string().uuid() });
const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['scheduling'];
/** Timetable exports are small; a JSON-wrapped file of up to 5 MB. */
const UPLOAD_BODY_LIMIT = 8 * 1_048_576;

const manage = 'programme:manageScheduling' as const;
const intakeOf = loader(IntakeParams, (s, inst, p) => intakeResource(s.db, inst, p.intakeId));
const periodOf = loader(PeriodParams, (s, inst, p) => periodResource(s.db, inst, p.periodId));
const periodCoachOf = loader(PeriodPersonParams, (s, inst, p) => periodCoachResource(s.db, inst, p.periodId, p.personId));
const locationOf = loader(LocationParams, (s, inst, p) => locationResource(s.db, inst, p.locationId));
const roomOf = loader(RoomParams, (s, inst, p) => roomResource(s.db, inst, p.roomId));
const timetableOf = loader(TimetableParams, (s, inst, p) => timetableResource(s.db, inst, p.timetableId));
const runOf = loader(RunParams, (s, inst, p) => runResource(s.db, inst, p.runId));
const runCommunityOf = loader(RunCommunityParams, (s, inst, p) => runResource(s.db, inst, p.runId));

function actorOf(request: FastifyRequest) {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn.actor;
}

export const schedulingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const period = async (id: string) => {
    const row = await periodRow(services.db, id);
    if (!row) throw new AppError('not_found');
    return row;
  };

  app.get(
    '/api/intakes/:intakeId/scheduling',
    { config: { access: { action: manage, resource: intakeOf } }, schema: { tags, summary: 'Scheduling setup of an intake: periods, locations and rooms, runs', params: IntakeParams, response: { 200: SchedulingSetupResponse, ...errors } } },
    async (request) => getSchedulingSetup({ services, intakeId: request.params.intakeId, locale: request.locale === 'en' ? 'en' : 'nl' }),
  );
  app.post(
    '/api/intakes/:intakeId/teaching-periods',
    { config: { access: { action: manage, resource: intakeOf } }, schema: { tags, summary: 'Add a teaching period', params: IntakeParams, body: SaveTeachingPeriodRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await createTeachingPeriod({ services, intakeId: request.params.intakeId, request: request.body })),
  );
  app.put(
    '/api/teaching-periods/:periodId',
    { config: { access: { action: manage, resource: periodOf } }, schema: { tags, summary: 'Change a teaching period', params: PeriodParams, body: SaveTeachingPeriodRequest, response: { 200: Created, ...errors } } },
    async (request) => updateTeachingPeriod({ services, periodId: request.params.periodId, request: request.body }),
  );
  app.delete(
    '/api/teaching-periods/:periodId',
    { config: { access: { action: manage, resource: periodOf } }, schema: { tags, summary: 'Delete a teaching period with its timetables and runs (published sessions stay)', params: PeriodParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await deleteTeachingPeriod({ services, periodId: request.params.periodId });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/intakes/:intakeId/scheduling-locations',
    { config: { access: { action: manage, resource: intakeOf } }, schema: { tags, summary: 'Add a location with the code timetables use for it', params: IntakeParams, body: SaveLocationRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await createLocation({ services, intakeId: request.params.intakeId, request: request.body })),
  );
  app.put(
    '/api/scheduling-locations/:locationId',
    { config: { access: { action: manage, resource: locationOf } }, schema: { tags, summary: 'Change a location', params: LocationParams, body: SaveLocationRequest, response: { 200: Created, ...errors } } },
    async (request) => updateLocation({ services, locationId: request.params.locationId, request: request.body }),
  );
  app.delete(
    '/api/scheduling-locations/:locationId',
    { config: { access: { action: manage, resource: locationOf } }, schema: { tags, summary: 'Delete a location and its rooms', params: LocationParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await deleteLocation({ services, locationId: request.params.locationId });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/scheduling-locations/:locationId/rooms',
    { config: { access: { action: manage, resource: locationOf } }, schema: { tags, summary: 'Add a room with its capacity', params: LocationParams, body: SaveRoomRequest, response: { 201: Created, ...errors } } },
    async (request, reply) => reply.status(201).send(await createRoom({ services, locationId: request.params.locationId, request: request.body })),
  );
  app.delete(
    '/api/scheduling-rooms/:roomId',
    { config: { access: { action: manage, resource: roomOf } }, schema: { tags, summary: 'Delete a room', params: RoomParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await deleteRoom({ services, roomId: request.params.roomId });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/teaching-periods/:periodId/timetables',
    { config: { access: { action: manage, resource: periodOf } }, schema: { tags, summary: "Classes and people with their timetable in the period, coaches' availability", params: PeriodParams, response: { 200: PeriodTimetablesResponse, ...errors } } },
    async (request) => listPeriodTimetables({ services, period: await period(request.params.periodId) }),
  );
  app.post(
    '/api/teaching-periods/:periodId/timetables',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: { action: manage, resource: periodOf } },
      schema: { tags, summary: 'Upload a timetable (.ics for a class or person; .csv naming the class or student per row). A broken file imports nothing.', params: PeriodParams, body: UploadTimetableRequest, response: { 200: TimetableUploadResponse, ...errors } },
    },
    async (request) =>
      uploadTimetable({ services, actorId: actorOf(request).personId, period: await period(request.params.periodId), source: request.body.format, ...request.body }),
  );
  app.post(
    '/api/teaching-periods/:periodId/timetables/url',
    { config: { access: { action: manage, resource: periodOf } }, schema: { tags, summary: 'Fetch an .ics timetable from a link (when the installation allows it)', params: PeriodParams, body: FetchTimetableRequest, response: { 200: TimetableUploadResponse, ...errors } } },
    async (request) => {
      const text = await fetchTimetableUrl(services.config.timetableUrls, request.body.url);
      return uploadTimetable({ services, actorId: actorOf(request).personId, period: await period(request.params.periodId), format: 'ics', source: 'url', fileName: urlFileName(request.body.url), text, target: request.body.target });
    },
  );
  app.delete(
    '/api/timetables/:timetableId',
    { config: { access: { action: manage, resource: timetableOf } }, schema: { tags, summary: 'Delete a timetable', params: TimetableParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await deleteTimetable({ services, timetableId: request.params.timetableId });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/me/availability',
    { config: { access: { signedIn: true } }, schema: { tags, summary: 'My weekly availability per teaching period that has not ended (student coaches)', response: { 200: MyAvailabilityResponse, ...errors } } },
    async (request) => listMyAvailability({ services, actor: actorOf(request), locale: request.locale === 'en' ? 'en' : 'nl' }),
  );
  app.put(
    '/api/teaching-periods/:periodId/availability/:personId',
    {
      config: { access: { action: 'coach:setAvailability', resource: periodCoachOf } },
      schema: { tags, summary: "A coach's weekly availability in the period (null: free whenever not in class); the coordinator's or the coach's own", params: PeriodPersonParams, body: SetAvailabilityRequest, response: { 200: Ok, ...errors } },
    },
    async (request) => {
      const row = await period(request.params.periodId);
      const resource = await periodResource(services.db, actorOf(request).institutionId, row.id);
      if (!resource) throw new AppError('not_found');
      assertMayChangeAvailability(services, actorOf(request), row, resource.programmeId);
      await setCoachAvailability({ services, period: row, personId: request.params.personId, windows: request.body.windows });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/teaching-periods/:periodId/scheduling-runs',
    { config: { access: { action: manage, resource: periodOf } }, schema: { tags, summary: 'Start a scheduling run (poll the run for progress)', params: PeriodParams, body: StartRunRequest, response: { 202: Created, ...errors } } },
    async (request, reply) => {
      const { id } = await startSchedulingRun({ services, actorId: actorOf(request).personId, period: await period(request.params.periodId), request: request.body });
      return reply.status(202).send({ id });
    },
  );
  app.get(
    '/api/scheduling-runs/:runId',
    { config: { access: { action: manage, resource: runOf } }, schema: { tags, summary: 'A run: progress, proposal per community with day views, costs, extra trips explained, changes', params: RunParams, response: { 200: RunResponse, ...errors } } },
    async (request) => getSchedulingRun({ services, runId: request.params.runId }),
  );
  app.post(
    '/api/scheduling-runs/:runId/cancel',
    { config: { access: { action: manage, resource: runOf } }, schema: { tags, summary: 'Cancel a running run', params: RunParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await cancelSchedulingRun({ services, runId: request.params.runId });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/scheduling-runs/:runId/communities/:communityId/options',
    { config: { access: { action: manage, resource: runCommunityOf } }, schema: { tags, summary: "Every slot for a community with its cost and what blocks it", params: RunCommunityParams, response: { 200: SlotOptionsResponse, ...errors } } },
    async (request) => listSlotOptions({ services, runId: request.params.runId, communityId: request.params.communityId }),
  );
  app.put(
    '/api/scheduling-runs/:runId/communities/:communityId',
    { config: { access: { action: manage, resource: runCommunityOf } }, schema: { tags, summary: "Choose another slot for a community", params: RunCommunityParams, body: OverrideSlotRequest, response: { 200: Ok, ...errors } } },
    async (request) => overrideSlot({ services, runId: request.params.runId, communityId: request.params.communityId, request: request.body }),
  );
  app.post(
    '/api/scheduling-runs/:runId/publish',
    { config: { access: { action: manage, resource: runOf } }, schema: { tags, summary: "Publish: create or move the year plan's sessions in the period; members of moved communities are notified", params: RunParams, response: { 200: PublishRunResponse, ...errors } } },
    async (request) => publishSchedulingRun({ services, runId: request.params.runId, actorId: actorOf(request).personId }),
  );
};
