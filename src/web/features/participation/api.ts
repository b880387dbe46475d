import type { z } from 'zod';
import type { MySignUpsResponse, SignUpInvitationResponse } from '../../../contracts/participation';
import { api } from '../../api';

/** The student's side of an opt-in intake: their sign-ups (#21). */
export const participationApi = {
  mine: () => api<z.infer<typeof MySignUpsResponse>>('/api/participation/sign-ups'),
  signUp: (intakeId: string) => api<{ ok: true }>(`/api/participation/sign-ups/${intakeId}`, { method: 'PUT' }),
  withdraw: (intakeId: string) => api<{ ok: true }>(`/api/participation/sign-ups/${intakeId}`, { method: 'DELETE' }),
  /** The invitation behind a one-tap link (reading changes nothing). */
  readLink: (token: string) => api<z.infer<typeof SignUpInvitationResponse>>('/api/sign-up-link', { method: 'POST', body: { token } }),
  answerLink: (token: string, answer: 'yes' | 'no') => api<{ ok: true }>('/api/sign-up-link/answer', { method: 'POST', body: { token, answer } }),
};
