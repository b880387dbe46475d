/** The roadmap screens' calls, typed by the shared contracts. */
import type { z } from 'zod';
import type { OwnerInput, PlanItemStatus, RoadmapContentResponse, RoadmapListResponse, RoadmapProgressResponse, RoadmapResponse, RoadmapStatus } from '../../../contracts/roadmap';
import { api } from '../../api';

export const roadmapApi = {
  list: () => api<z.infer<typeof RoadmapListResponse>>('/api/roadmaps'),
  start: (body: { programmeId: string | null; year: number }) => api<{ id: string }>('/api/roadmaps', { method: 'POST', body }),
  get: (id: string) => api<RoadmapResponse>(`/api/roadmaps/${id}`),
  progress: (id: string) => api<RoadmapProgressResponse>(`/api/roadmaps/${id}/progress`),
  invite: (id: string, body: { email: string; stakeholderId: string; factorIds: string[] }) => api<null>(`/api/roadmaps/${id}/stakeholders`, { method: 'PUT', body }),
  uninvite: (id: string, personId: string) => api<null>(`/api/roadmaps/${id}/stakeholders/${personId}`, { method: 'DELETE' }),
  view: (id: string, factorId: string, body: { status: RoadmapStatus; note: string }) => api<null>(`/api/roadmaps/${id}/factors/${factorId}/view`, { method: 'PUT', body }),
  record: (id: string, factorId: string, body: { status: RoadmapStatus; evidenceNote: string; owner: OwnerInput | null; version: number }) =>
    api<null>(`/api/roadmaps/${id}/factors/${factorId}/assessment`, { method: 'PUT', body }),
  addItem: (id: string, body: { interventionId: string; owner: OwnerInput; horizon: 'short' | 'medium' | 'long'; dueDate: string }) => api<{ id: string }>(`/api/roadmaps/${id}/plan`, { method: 'POST', body }),
  updateItem: (id: string, itemId: string, body: { owner: OwnerInput; horizon: 'short' | 'medium' | 'long'; dueDate: string; status: PlanItemStatus; version: number }) =>
    api<null>(`/api/roadmaps/${id}/plan/${itemId}`, { method: 'PUT', body }),
  removeItem: (id: string, itemId: string) => api<null>(`/api/roadmaps/${id}/plan/${itemId}`, { method: 'DELETE' }),
  content: () => api<RoadmapContentResponse>('/api/roadmap-content'),
  saveContent: (body: { content: unknown; baseVersion: number }) => api<{ version: number }>('/api/roadmap-content', { method: 'PUT', body }),
  adopt: (baseVersion: number) => api<{ version: number }>('/api/roadmap-content/adopt-shipped', { method: 'POST', body: { baseVersion } }),
  keepOwn: (baseVersion: number) => api<{ version: number }>('/api/roadmap-content/keep-own', { method: 'POST', body: { baseVersion } }),
};

/** An owner picked in a form: a stakeholder id, or "person:" and an e-mail address. */
export function ownerInput(kind: string, email: string): OwnerInput | null {
  if (kind === '') return null;
  if (kind === 'person') return { email: email.trim() };
  return { stakeholderId: kind };
}
