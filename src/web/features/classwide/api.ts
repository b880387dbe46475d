/** The class-wide screens' calls (#21 item 3, ADR 0027), typed by the shared contracts. */
import type { IntakeClassCoachesResponse, MyClassesResponse } from '../../../contracts/classwide';
import type { CreateSessionRequest } from '../../../contracts/sessions';
import { api } from '../../api';

export const classwideApi = {
  ofIntake: (intakeId: string) => api<IntakeClassCoachesResponse>(`/api/intakes/${intakeId}/class-coaches`),
  link: (intakeId: string, classId: string, body: { coachId: string; currentCoachId: string | null }) =>
    api<{ communityId: string; members: number }>(`/api/intakes/${intakeId}/classes/${classId}/coach`, { method: 'PUT', body }),
  mine: () => api<MyClassesResponse>('/api/classes/mine'),
  plan: (communityId: string, body: CreateSessionRequest) => api<{ id: string }>(`/api/communities/${communityId}/sessions`, { method: 'POST', body }),
};
