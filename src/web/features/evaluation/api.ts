/** Calls of the evaluation feature: one's questionnaires (in the app or by a mail's link) and response rates. */
import type { MyEvaluationsResponse, QuestionnaireResponse, ResponseRates } from '../../../contracts/evaluation';
import { api } from '../../api';

export type AnswerValue = number | string | string[];

/** How the answering page reaches its questionnaire: by invitation (signed in) or by the mail's token. */
export type QuestionnaireSource = {
  key: string;
  read: () => Promise<QuestionnaireResponse>;
  save: (questionKey: string, value: AnswerValue) => Promise<{ answeredKeys: string[] }>;
  finish: () => Promise<unknown>;
};

export const inAppSource = (invitationId: string): QuestionnaireSource => ({
  key: `invitation:${invitationId}`,
  read: () => api<QuestionnaireResponse>(`/api/evaluation-invitations/${invitationId}`),
  save: (questionKey, value) => api(`/api/evaluation-invitations/${invitationId}/answers/${encodeURIComponent(questionKey)}`, { method: 'PUT', body: { value } }),
  finish: () => api(`/api/evaluation-invitations/${invitationId}/finish`, { method: 'POST' }),
});

export const linkSource = (token: string): QuestionnaireSource => ({
  key: `link:${token.slice(0, 8)}`,
  read: () => api<QuestionnaireResponse>('/api/evaluation-link', { method: 'POST', body: { token } }),
  save: (questionKey, value) => api('/api/evaluation-link/answer', { method: 'POST', body: { token, questionKey, value } }),
  finish: () => api('/api/evaluation-link/finish', { method: 'POST', body: { token } }),
});

export const evaluationApi = {
  mine: () => api<MyEvaluationsResponse>('/api/me/evaluations'),
  programmeRates: (programmeId: string, intakeId?: string) =>
    api<ResponseRates>(`/api/programmes/${programmeId}/evaluation/response-rates${intakeId ? `?intakeId=${intakeId}` : ''}`),
  communityRates: (communityId: string) => api<ResponseRates>(`/api/communities/${communityId}/evaluation/response-rates`),
};
