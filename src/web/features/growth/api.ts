/** Coaches' growth and input (#21 item 6): nominations, training feedback, the handbook. */
import type { z } from 'zod';
import type {
  GiveTrainingFeedbackRequest,
  HandbookResponse,
  MyNominationsResponse,
  MyTrainingsResponse,
  NominationCandidatesResponse,
  ProgrammeNominationsResponse,
  ProgrammeTrainingFeedbackResponse,
} from '../../../contracts/growth';
import { api } from '../../api';

type Ok = { ok: true };

export const growthApi = {
  candidates: () => api<NominationCandidatesResponse>('/api/nominations/candidates'),
  nominate: (personId: string, note: string) => api<{ id: string }>(`/api/students/${personId}/nominations`, { method: 'POST', body: { note } }),
  mine: () => api<MyNominationsResponse>('/api/me/nominations'),
  declineMine: (id: string) => api<Ok>(`/api/me/nominations/${id}/decline`, { method: 'POST', body: {} }),
  programmeNominations: (programmeId: string) => api<ProgrammeNominationsResponse>(`/api/programmes/${programmeId}/nominations`),
  myTrainings: () => api<MyTrainingsResponse>('/api/me/trainings'),
  giveFeedback: (sessionId: string, body: z.input<typeof GiveTrainingFeedbackRequest>) => api<Ok>(`/api/trainings/${sessionId}/feedback`, { method: 'POST', body }),
  trainingFeedback: (programmeId: string) => api<ProgrammeTrainingFeedbackResponse>(`/api/programmes/${programmeId}/training-feedback`),
  handbook: () => api<HandbookResponse>('/api/handbook'),
};
