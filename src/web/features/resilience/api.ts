/** Calls and queries of the resilience feature. */
import { useQuery } from '@tanstack/react-query';
import type { MyConsentsResponse } from '../../../contracts/consent';
import type {
  ConversationResponse,
  GroupExerciseResponse,
  MyCoacheesResponse,
  MyResilienceMapResponse,
  ResilienceMapContent,
  ResilienceMapResponse,
  SavedResilienceMapResponse,
  ShareMode,
  SnapshotResponse,
} from '../../../contracts/resilience';
import { api } from '../../api';

export const keys = {
  myMap: ['resilience', 'my-map'] as const,
  map: (id: string) => ['resilience', 'map', id] as const,
  snapshot: (mapId: string, id: string) => ['resilience', 'snapshot', mapId, id] as const,
  coachees: ['resilience', 'coachees'] as const,
  conversation: (id: string) => ['resilience', 'conversation', id] as const,
  group: (id: string) => ['resilience', 'group', id] as const,
};

/**
 * Whether the signed-in person's consent for coaching data holds (null while loading): without it
 * nobody else sees their map. Same query key as the consents page, so an answer there refreshes it.
 */
export const useCoachingDataConsent = () => {
  const query = useQuery({ queryKey: ['me', 'consents'], queryFn: () => api<MyConsentsResponse>('/api/me/consents') });
  return query.data ? query.data.consents.some((c) => c.id === 'coaching-data' && c.status === 'granted') : null;
};

/** My own map; before my first save a new map without an id (opening it stores nothing). */
export const useMyMap = () => useQuery({ queryKey: keys.myMap, queryFn: () => api<MyResilienceMapResponse>('/api/resilience/my-map') });
export const useMap = (mapId: string | null) =>
  useQuery({ queryKey: keys.map(mapId ?? ''), queryFn: () => api<ResilienceMapResponse>(`/api/resilience/maps/${mapId}`), enabled: Boolean(mapId), retry: false, staleTime: 60_000 });
export const useSnapshot = (mapId: string, id: string | null) =>
  useQuery({ queryKey: keys.snapshot(mapId, id ?? ''), queryFn: () => api<SnapshotResponse>(`/api/resilience/maps/${mapId}/snapshots/${id}`), enabled: Boolean(id) });
export const useCoachees = () => useQuery({ queryKey: keys.coachees, queryFn: () => api<MyCoacheesResponse>('/api/resilience/my-coachees') });
export const useConversation = (id: string) => useQuery({ queryKey: keys.conversation(id), queryFn: () => api<ConversationResponse>(`/api/resilience/conversations/${id}`) });
export const useGroup = (communityId: string) =>
  useQuery({ queryKey: keys.group(communityId), queryFn: () => api<GroupExerciseResponse>(`/api/resilience/communities/${communityId}/group`) });

export const saveMap = (mapId: string, content: ResilienceMapContent, version: number) =>
  api<{ version: number; updatedAt: string }>(`/api/resilience/maps/${mapId}`, { method: 'PUT', body: { content, version } });
/** Saves my own map; the first save creates it. */
export const saveMyMap = (content: ResilienceMapContent, version: number) =>
  api<SavedResilienceMapResponse>('/api/resilience/my-map', { method: 'PUT', body: { content, version } });
export const shareMap = (mapId: string, personId: string, mode: ShareMode) =>
  api<null>(`/api/resilience/maps/${mapId}/shares/${personId}`, { method: 'PUT', body: { mode } });
export const revokeShare = (mapId: string, personId: string) => api<null>(`/api/resilience/maps/${mapId}/shares/${personId}`, { method: 'DELETE' });
export const createSnapshot = (mapId: string, takenOn: string) =>
  api<{ id: string; takenOn: string }>(`/api/resilience/maps/${mapId}/snapshots`, { method: 'POST', body: { takenOn } });
export const startConversation = (coacheeId: string) => api<{ id: string }>(`/api/resilience/coachees/${coacheeId}/conversations`, { method: 'POST' });
export const saveConversation = (id: string, progress: ConversationResponse['progress']) =>
  api<null>(`/api/resilience/conversations/${id}`, { method: 'PUT', body: { progress } });
export const saveGroupShow = (communityId: string, resourceIds: string[], inTally: boolean) =>
  api<null>(`/api/resilience/communities/${communityId}/group/mine`, { method: 'PUT', body: { resourceIds, inTally } });

/** Today as YYYY-MM-DD in the browser's time zone. */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
