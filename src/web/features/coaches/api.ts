/** The coach screens' calls, typed by the shared contracts. */
import type { NominationLinkResponse } from '../../../contracts/growth';
import type { CoachesResponse, CoachPhotoResponse, CoachPoolResponse, MyCoachProfileResponse, PublicProgrammesResponse, StructureResponse, SubmitCoachApplicationRequest } from '../../../contracts/programme';
import type { ApplicationStatus, CoachStatus } from '../../../domain/programme/coach-lifecycle';
import { api } from '../../api';

type Created = { id: string };
export const coachApi = {
  programmes: () => api<StructureResponse>('/api/programme/structure'),
  pool: (programmeId: string) => api<CoachPoolResponse>(`/api/programmes/${programmeId}/coach-pool`),
  coaches: (programmeId: string) => api<CoachesResponse>(`/api/programmes/${programmeId}/coaches`),
  decide: (id: string, body: { status: ApplicationStatus; conversationAt?: string | null; decisionNote?: string | null }) =>
    api<Created>(`/api/coach-applications/${id}`, { method: 'PUT', body }),
  setStatus: (id: string, status: CoachStatus) => api<Created>(`/api/coaches/${id}/status`, { method: 'PUT', body: { status } }),
  setOnboarding: (id: string, body: { agreementSignedOn: string | null; firstTrainingOn: string | null }) => api<Created>(`/api/coaches/${id}/onboarding`, { method: 'PUT', body }),
  setSupervisor: (id: string, seniorId: string | null) => api<Created>(`/api/coaches/${id}/supervisor`, { method: 'PUT', body: { seniorId } }),
  publicProgrammes: () => api<PublicProgrammesResponse>('/api/public/programmes'),
  apply: (programmeId: string, body: SubmitCoachApplicationRequest) => api<Created>(`/api/public/programmes/${programmeId}/coach-applications`, { method: 'POST', body }),
  /** A nomination's mail link (#21): what it opens, and declining it. */
  nominationLink: (token: string) => api<NominationLinkResponse>('/api/nomination-link', { method: 'POST', body: { token } }),
  declineNominationLink: (token: string) => api<{ ok: true }>('/api/nomination-link/decline', { method: 'POST', body: { token } }),
  myProfile: () => api<MyCoachProfileResponse>('/api/me/coach-profile'),
  savePhoto: (file: File) => api<CoachPhotoResponse>('/api/me/coach-profile/photo', { method: 'PUT', body: file }),
  deletePhoto: () => api<CoachPhotoResponse>('/api/me/coach-profile/photo', { method: 'DELETE' }),
  saveMyProfile: (body: { intro: string; languages: string[]; phone: string | null; phoneConsent: boolean; roleModelConsent: boolean; roleModelText: string | null }) =>
    api<Created>('/api/me/coach-profile', { method: 'PUT', body }),
};
