/** Regrouping after the 100-day moment (#21 item 2): the coordinator's draft and accept, one's own change notice. */
import type { MyRegroupingResponse, RegroupingResponse } from '../../../contracts/regroup';
import { api } from '../../api';

export const regroupApi = {
  latest: (intakeId: string) => api<{ regrouping: RegroupingResponse | null }>(`/api/intakes/${intakeId}/regrouping`),
  start: (intakeId: string) => api<RegroupingResponse>(`/api/intakes/${intakeId}/regroupings`, { method: 'POST', body: {} }),
  move: (id: string, body: { personId: string; toCommunityId: string; version: number }) => api<RegroupingResponse>(`/api/regroupings/${id}/moves`, { method: 'POST', body }),
  accept: (id: string, version: number) => api<RegroupingResponse>(`/api/regroupings/${id}/accept`, { method: 'POST', body: { version } }),
  mine: () => api<MyRegroupingResponse>('/api/regrouping/mine'),
};
