/** Calls of the end-of-year report feature: the coach's reports, one report, an answer, the submit, the consent. */
import type { MyYearReportsResponse, YearReportResponse, YearReportStatusResponse } from '../../../contracts/endyear';
import { api } from '../../api';

const base = (programmeId: string, year: string) => `/api/year-reports/${programmeId}/${year}`;

export const endyearApi = {
  mine: () => api<MyYearReportsResponse>('/api/me/year-reports'),
  report: (programmeId: string, year: string) => api<YearReportResponse>(base(programmeId, year)),
  saveAnswer: (programmeId: string, year: string, key: string, text: string) =>
    api<{ savedAt: string }>(`${base(programmeId, year)}/answers/${encodeURIComponent(key)}`, { method: 'PUT', body: { text } }),
  submit: (programmeId: string, year: string, quoteConsent: boolean) => api<{ submittedAt: string }>(`${base(programmeId, year)}/submit`, { method: 'POST', body: { quoteConsent } }),
  setConsent: (programmeId: string, year: string, quoteConsent: boolean) => api<{ quoteConsent: boolean }>(`${base(programmeId, year)}/consent`, { method: 'PUT', body: { quoteConsent } }),
  pdfUrl: (programmeId: string, year: string, lang: 'nl' | 'en') => `${base(programmeId, year)}/portfolio.pdf?lang=${lang}`,
  status: (programmeId: string, year: string) => api<YearReportStatusResponse>(`/api/programmes/${programmeId}/year-reports/${year}/status`),
};
