/** The programme dashboard's and impact report's calls, typed by the shared contracts. */
import type { DashboardResponse, ImpactReportResponse, InsightProgrammesResponse, MailSettingsResponse, SaveMailSettingsRequest } from '../../../contracts/insight';
import { api } from '../../api';
import i18n from '../../i18n';

export type DashboardFilter = { intakeId?: string | undefined; from?: string | undefined; to?: string | undefined };

export const filterQuery = (f: DashboardFilter) => {
  const q = new URLSearchParams();
  if (f.intakeId) q.set('intakeId', f.intakeId);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const insightApi = {
  programmes: () => api<InsightProgrammesResponse>('/api/insight/programmes'),
  dashboard: (programmeId: string, f: DashboardFilter) => api<DashboardResponse>(`/api/programmes/${programmeId}/dashboard${filterQuery(f)}`),
  csvUrl: (programmeId: string, sectionId: string, f: DashboardFilter) => `/api/programmes/${programmeId}/dashboard/${sectionId}/table.csv${filterQuery(f)}`,
  report: (programmeId: string, year: string) => api<ImpactReportResponse>(`/api/programmes/${programmeId}/impact-report/${year}`),
  saveTexts: (programmeId: string, year: string, body: { wentWell: string; needed: string; version: number }) =>
    api<{ version: number }>(`/api/programmes/${programmeId}/impact-report/${year}/texts`, { method: 'PUT', body }),
  /** Fetches the PDF (it takes a moment on a large programme) so the page can say it is being made. */
  async pdf(programmeId: string, year: string, lang: 'nl' | 'en'): Promise<Blob> {
    const response = await fetch(`/api/programmes/${programmeId}/impact-report/${year}/report.pdf?lang=${lang}`, { credentials: 'same-origin', headers: { 'accept-language': i18n.language } });
    if (!response.ok) throw new Error(i18n.t('insight.report.failed'));
    return response.blob();
  },
};

/** One's own mail settings (#18 item 5): the coordinator's weekly digest on or off. */
export const mailSettingsApi = {
  get: () => api<MailSettingsResponse>('/api/me/mail-settings'),
  save: (body: SaveMailSettingsRequest) => api<MailSettingsResponse>('/api/me/mail-settings', { method: 'PUT', body }),
};
