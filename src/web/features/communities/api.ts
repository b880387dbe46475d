/** The community screens' calls, typed by the shared contracts. */
import type { z } from 'zod';
import type { StopMemberRequest } from '../../../contracts/communities';
import type { SwitchTargetsResponse } from '../../../contracts/year';
import type { CommunityManageResponse, HandoverResponse, IntakeCommunitiesResponse, MyCommunityResponse, MyHandoversResponse, StartHandoverInput } from '../../../contracts/communities';
import type { StudentsResponse } from '../../../contracts/programme';
import { api } from '../../api';

type Created = { id: string };
export const communityApi = {
  list: (intakeId: string) => api<IntakeCommunitiesResponse>(`/api/intakes/${intakeId}/communities`),
  students: (intakeId: string) => api<StudentsResponse>(`/api/intakes/${intakeId}/students`),
  create: (intakeId: string, body: { name: string; coachId: string | null; confirmSecondCommunity?: boolean }) => api<Created>(`/api/intakes/${intakeId}/communities`, { method: 'POST', body }),
  manage: (id: string) => api<CommunityManageResponse>(`/api/communities/${id}/manage`),
  update: (id: string, body: { name: string; coachId: string | null; version: number; confirmSecondCommunity?: boolean }) => api<Created>(`/api/communities/${id}`, { method: 'PUT', body }),
  addMember: (id: string, body: { personId: string; version: number; overrideFull: boolean }) =>
    api<{ id: string; moved: boolean }>(`/api/communities/${id}/members`, { method: 'POST', body }),
  /** Other programmes of the institution, to switch a student to (#21). */
  switchTargets: (programmeId: string) => api<SwitchTargetsResponse>(`/api/programmes/${programmeId}/switch-targets`),
  stopMember: (id: string, personId: string, body: z.input<typeof StopMemberRequest>) =>
    api<Created>(`/api/communities/${id}/members/${personId}/stop`, { method: 'POST', body }),
  startHandover: (id: string, body: StartHandoverInput) => api<Created>(`/api/communities/${id}/handovers`, { method: 'POST', body }),
  handover: (id: string) => api<HandoverResponse>(`/api/handovers/${id}`),
  writeNote: (id: string, note: string) => api<Created>(`/api/handovers/${id}/note`, { method: 'PUT', body: { note } }),
  complete: (id: string, overrideFull = false) => api<Created>(`/api/handovers/${id}/complete`, { method: 'POST', body: { overrideFull } }),
  mine: () => api<MyCommunityResponse>('/api/me/community'),
  myHandovers: () => api<MyHandoversResponse>('/api/me/handovers'),
};
