import type { z } from 'zod';
import type { IntakeParticipationResponse, ModeChangeConsequences } from '../../../contracts/participation';
import type { ParticipationMode } from '../../../domain/programme/intake-settings';
import { api } from '../../api';

export type Consequences = z.infer<typeof ModeChangeConsequences>;

/** The coordinator's side of participation modes (#21): an intake's sign-up figures and what a mode change would do. */
export const intakeParticipationApi = {
  ofIntake: (intakeId: string) => api<z.infer<typeof IntakeParticipationResponse>>(`/api/intakes/${intakeId}/participation`),
  preview: (intakeId: string, to: ParticipationMode) => api<Consequences>(`/api/intakes/${intakeId}/participation/preview`, { method: 'POST', body: { to } }),
};
