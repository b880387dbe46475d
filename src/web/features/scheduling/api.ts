/** The scheduling screens' calls, typed by the shared contracts. */
import type {
  MyAvailabilityResponse,
  PeriodTimetablesResponse,
  PublishRunResponse,
  RunResponse,
  SchedulingSetupResponse,
  SlotOptionsResponse,
  TimetableUploadResponse,
} from '../../../contracts/scheduling';
import { api } from '../../api';

type Created = { id: string };
type Ok = { ok: true };
export type Target = { classId: string } | { personId: string };
export type Window = { day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri'; start: string; end: string };

export const schedulingApi = {
  setup: (intakeId: string) => api<SchedulingSetupResponse>(`/api/intakes/${intakeId}/scheduling`),
  createPeriod: (intakeId: string, body: { name: string; firstDate: string; lastDate: string }) => api<Created>(`/api/intakes/${intakeId}/teaching-periods`, { method: 'POST', body }),
  deletePeriod: (periodId: string) => api<Ok>(`/api/teaching-periods/${periodId}`, { method: 'DELETE' }),
  createLocation: (intakeId: string, body: { name: string; code: string }) => api<Created>(`/api/intakes/${intakeId}/scheduling-locations`, { method: 'POST', body }),
  deleteLocation: (locationId: string) => api<Ok>(`/api/scheduling-locations/${locationId}`, { method: 'DELETE' }),
  createRoom: (locationId: string, body: { name: string; capacity: number }) => api<Created>(`/api/scheduling-locations/${locationId}/rooms`, { method: 'POST', body }),
  deleteRoom: (roomId: string) => api<Ok>(`/api/scheduling-rooms/${roomId}`, { method: 'DELETE' }),
  timetables: (periodId: string) => api<PeriodTimetablesResponse>(`/api/teaching-periods/${periodId}/timetables`),
  upload: (periodId: string, body: { format: 'ics' | 'csv'; fileName: string; text: string; target: Target | null }) =>
    api<TimetableUploadResponse>(`/api/teaching-periods/${periodId}/timetables`, { method: 'POST', body }),
  fetchUrl: (periodId: string, body: { url: string; target: Target }) => api<TimetableUploadResponse>(`/api/teaching-periods/${periodId}/timetables/url`, { method: 'POST', body }),
  deleteTimetable: (timetableId: string) => api<Ok>(`/api/timetables/${timetableId}`, { method: 'DELETE' }),
  myAvailability: () => api<MyAvailabilityResponse>('/api/me/availability'),
  setAvailability: (periodId: string, personId: string, windows: Window[] | null) =>
    api<Ok>(`/api/teaching-periods/${periodId}/availability/${personId}`, { method: 'PUT', body: { windows } }),
  startRun: (periodId: string, body: { seconds: number; seed: number; sessionMinutes: number }) => api<Created>(`/api/teaching-periods/${periodId}/scheduling-runs`, { method: 'POST', body }),
  run: (runId: string) => api<RunResponse>(`/api/scheduling-runs/${runId}`),
  cancelRun: (runId: string) => api<Ok>(`/api/scheduling-runs/${runId}/cancel`, { method: 'POST' }),
  options: (runId: string, communityId: string) => api<SlotOptionsResponse>(`/api/scheduling-runs/${runId}/communities/${communityId}/options`),
  override: (runId: string, communityId: string, body: { day: string; start: string; locationId: string; version: number }) =>
    api<Ok>(`/api/scheduling-runs/${runId}/communities/${communityId}`, { method: 'PUT', body }),
  publish: (runId: string) => api<PublishRunResponse>(`/api/scheduling-runs/${runId}/publish`, { method: 'POST' }),
};
