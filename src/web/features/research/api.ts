/** Research's calls, typed by the shared contracts. */
import type { CreateExportResponse, DecideStudyRequest, ProposeStudyRequest, ResearchCatalogueResponse, StudiesResponse, StudyResponse } from '../../../contracts/research';
import { api } from '../../api';

export const researchApi = {
  catalogue: () => api<ResearchCatalogueResponse>('/api/research/catalogue'),
  studies: () => api<StudiesResponse>('/api/research/studies'),
  study: (studyId: string) => api<StudyResponse>(`/api/research/studies/${studyId}`),
  propose: (body: ProposeStudyRequest) => api<{ id: string }>('/api/research/studies', { method: 'POST', body }),
  decide: (studyId: string, body: DecideStudyRequest) => api<{ id: string; status: string }>(`/api/research/studies/${studyId}/decision`, { method: 'POST', body }),
  createExport: (studyId: string) => api<CreateExportResponse>(`/api/research/studies/${studyId}/exports`, { method: 'POST' }),
};

export const localised = (text: { nl: string; en: string }, language: string) => (language === 'en' ? text.en : text.nl);
