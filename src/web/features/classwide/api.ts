/** The class-wide screens' calls (#21 item 3, ADR 0027), typed by the shared contracts. */
import type { AcceptClassSessionsRequest, AcceptClassSessionsResponse, ClassSessionProposalsResponse, IntakeClassCoachesResponse, MyClassesResponse } from '../../../contracts/classwide';
import type { CreateSessionRequest } from '../../../contracts/sessions';
import { api } from '../../api';

export const classwideApi = {
  ofIntake: (intakeId: string) => api<IntakeClassCoachesResponse>(`/api/intakes/${intakeId}/class-coaches`),
  link: (intakeId: string, classId: string, body: { coachId: string; currentCoachId: string | null }) =>
    api<{ communityId: string; members: number }>(`/api/intakes/${intakeId}/classes/${classId}/coach`, { method: 'PUT', body }),
  mine: () => api<MyClassesResponse>('/api/classes/mine'),
  plan: (communityId: string, body: CreateSessionRequest) => api<{ id: string }>(`/api/communities/${communityId}/sessions`, { method: 'POST', body }),
  propose: (communityId: string, durationMinutes: number) => api<ClassSessionProposalsResponse>(`/api/communities/${communityId}/class-sessions/proposal?durationMinutes=${durationMinutes}`),
  accept: (communityId: string, body: AcceptClassSessionsRequest) => api<AcceptClassSessionsResponse>(`/api/communities/${communityId}/class-sessions`, { method: 'POST', body }),
};
