/** The programme year's calls (#21): the 100-day question and its outcomes, students switching in. */
import type { z } from 'zod';
import type { AnswerHundredDayRequest, CommunityHundredDayResponse, HundredDayQuestion, IntakeHundredDayResponse, MyHundredDayResponse, SwitchNoticesResponse } from '../../../contracts/year';
import { api } from '../../api';

type Answer = z.input<typeof AnswerHundredDayRequest>;
type Ok = { ok: true };

export const yearApi = {
  mine: () => api<MyHundredDayResponse>('/api/hundred-day/mine'),
  answerMine: (intakeId: string, body: Answer) => api<Ok>(`/api/hundred-day/mine/${intakeId}`, { method: 'POST', body }),
  readLink: (token: string) => api<HundredDayQuestion>('/api/hundred-day-link', { method: 'POST', body: { token } }),
  answerLink: (token: string, body: Answer) => api<Ok>('/api/hundred-day-link/answer', { method: 'POST', body: { token, ...body } }),
  community: (communityId: string) => api<CommunityHundredDayResponse>(`/api/communities/${communityId}/hundred-day`),
  intake: (intakeId: string) => api<IntakeHundredDayResponse>(`/api/intakes/${intakeId}/hundred-day`),
  switchNotices: (programmeId: string) => api<SwitchNoticesResponse>(`/api/programmes/${programmeId}/switch-notices`),
  markWelcomed: (programmeId: string, noticeId: string) => api<Ok>(`/api/programmes/${programmeId}/switch-notices/${noticeId}/welcomed`, { method: 'POST', body: {} }),
};
