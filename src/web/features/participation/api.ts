import type { z } from 'zod';
import type { MySignUpsResponse } from '../../../contracts/participation';
import { api } from '../../api';

/** The student's side of an opt-in intake: their sign-ups (#21). */
export const participationApi = {
  mine: () => api<z.infer<typeof MySignUpsResponse>>('/api/participation/sign-ups'),
  signUp: (intakeId: string) => api<{ ok: true }>(`/api/participation/sign-ups/${intakeId}`, { method: 'PUT' }),
  withdraw: (intakeId: string) => api<{ ok: true }>(`/api/participation/sign-ups/${intakeId}`, { method: 'DELETE' }),
};
