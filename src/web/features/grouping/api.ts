/** The group-formation screens' calls, typed by the shared contracts. */
import type {
  AcceptGroupingRequest,
  AttributeSettingsResponse,
  GroupingOptionsResponse,
  GroupingRunResponse,
  MoveStudentRequest,
  MyAttributesResponse,
  SaveMyAttributesRequest,
  StartGroupingRequest,
  UpdateAttributeSettingsRequest,
} from '../../../contracts/grouping';
import { api } from '../../api';

export const groupingApi = {
  settings: () => api<AttributeSettingsResponse>('/api/grouping/attribute-settings'),
  saveSettings: (body: UpdateAttributeSettingsRequest) => api<AttributeSettingsResponse>('/api/grouping/attribute-settings', { method: 'PUT', body }),
  mine: () => api<MyAttributesResponse>('/api/me/grouping-attributes'),
  saveMine: (body: SaveMyAttributesRequest) => api<MyAttributesResponse>('/api/me/grouping-attributes', { method: 'PUT', body }),
  answerBackgroundConsent: (decision: 'grant' | 'withdraw', textVersion: number, shownLocale: 'nl' | 'en') =>
    api<unknown>('/api/me/consents/grouping-background', { method: 'PUT', body: { decision, textVersion, shownLocale } }),
  options: (intakeId: string) => api<GroupingOptionsResponse>(`/api/intakes/${intakeId}/grouping`),
  start: (intakeId: string, body: StartGroupingRequest) => api<GroupingRunResponse>(`/api/intakes/${intakeId}/grouping-runs`, { method: 'POST', body }),
  run: (runId: string) => api<GroupingRunResponse>(`/api/grouping-runs/${runId}`),
  move: (runId: string, body: MoveStudentRequest) => api<GroupingRunResponse>(`/api/grouping-runs/${runId}/moves`, { method: 'POST', body }),
  accept: (runId: string, body: AcceptGroupingRequest) => api<GroupingRunResponse>(`/api/grouping-runs/${runId}/accept`, { method: 'POST', body }),
};
