/** The caseload screens' calls (individual coaching, #21 item 3), typed by the shared contracts. */
import type { IntakeCaseloadsResponse, MyCaseloadsResponse, PlanRoundRequest, RoundProposalResponse } from '../../../contracts/caseloads';
import type { CreateSessionRequest } from '../../../contracts/sessions';
import { api } from '../../api';

export const caseloadsApi = {
  ofIntake: (intakeId: string) => api<IntakeCaseloadsResponse>(`/api/intakes/${intakeId}/caseloads`),
  assign: (intakeId: string) => api<{ assigned: number; withoutCoach: number }>(`/api/intakes/${intakeId}/caseloads/assign`, { method: 'POST' }),
  move: (intakeId: string, body: { studentId: string; coachId: string }) => api<{ ok: true }>(`/api/intakes/${intakeId}/caseloads/moves`, { method: 'POST', body }),
  mine: () => api<MyCaseloadsResponse>('/api/caseloads/mine'),
  planOne: (caseloadId: string, body: CreateSessionRequest) => api<{ id: string }>(`/api/communities/${caseloadId}/sessions`, { method: 'POST', body }),
  planRound: (caseloadId: string, body: PlanRoundRequest) => api<{ planned: { sessionId: string }[]; skipped: number }>(`/api/communities/${caseloadId}/one-on-one-round`, { method: 'POST', body }),
  proposeRound: (caseloadId: string, q: { week: string; durationMinutes: number; breakMinutes: number }) =>
    api<RoundProposalResponse>(`/api/communities/${caseloadId}/one-on-one-round/proposal?${new URLSearchParams({ week: q.week, durationMinutes: String(q.durationMinutes), breakMinutes: String(q.breakMinutes) }).toString()}`),
};
