/** The programme screens' calls, typed by the shared contracts. */
import type { ImportListResponse, ImportPreviewResponse, ImportResponse, IntakeSettingsHistoryResponse, StaffResponse, StructureResponse } from '../../../contracts/programme';
import type { ColumnMapping } from '../../../domain/programme/student-rows';
import type { IntakeSettings } from '../../../domain/programme/intake-settings';
import { api } from '../../api';

type Created = { id: string };
export const programmeApi = {
  structure: () => api<StructureResponse>('/api/programme/structure'),
  createProgramme: (body: { nameNl: string; nameEn: string; location: string }) => api<Created>('/api/programmes', { method: 'POST', body }),
  createIntake: (programmeId: string, body: { academicYear: string; month: 'september' | 'february' }) =>
    api<Created>(`/api/programmes/${programmeId}/intakes`, { method: 'POST', body }),
  staff: (programmeId: string) => api<StaffResponse>(`/api/programmes/${programmeId}/staff`),
  settingsHistory: (intakeId: string) => api<IntakeSettingsHistoryResponse>(`/api/intakes/${intakeId}/settings/history`),
  saveSettings: (intakeId: string, settings: IntakeSettings, modeChange?: { confirmed: true; notSignedUp: 'keep' | 'remove' }, formatChange?: { confirmed: true; existing: 'keep' | 'end' }) =>
    api<Created>(`/api/intakes/${intakeId}/settings`, { method: 'PUT', body: { settings, ...(modeChange ? { modeChange } : {}), ...(formatChange ? { formatChange } : {}) } }),
  createClass: (intakeId: string, body: { code: string; leercoachId: string | null }) => api<Created>(`/api/intakes/${intakeId}/classes`, { method: 'POST', body }),
  updateClass: (classId: string, body: { code: string; leercoachId: string | null }) => api<Created>(`/api/classes/${classId}`, { method: 'PUT', body }),
  preview: (intakeId: string, body: { fileName: string; csv: string; mapping: ColumnMapping | null }) =>
    api<ImportPreviewResponse>(`/api/intakes/${intakeId}/imports/preview`, { method: 'POST', body }),
  startImport: (intakeId: string, body: { fileName: string; csv: string; mapping: ColumnMapping }) =>
    api<ImportResponse>(`/api/intakes/${intakeId}/imports`, { method: 'POST', body }),
  importState: (importId: string) => api<ImportResponse>(`/api/imports/${importId}`),
  imports: (intakeId: string) => api<ImportListResponse>(`/api/intakes/${intakeId}/imports`),
};
