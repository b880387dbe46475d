/** Shared bits of the library screens: queries, labels, field errors. */
import { useQuery } from '@tanstack/react-query';
import type { ActivityListResponse, SessionPlanView } from '../../../contracts/activities';
import { YEAR_PHASES, type YearPhase } from '../../../contracts/content';
import { api, ApiError } from '../../api';

export { YEAR_PHASES, type YearPhase };

export const useLibrary = (query = '') =>
  useQuery({ queryKey: ['activities', query], queryFn: () => api<ActivityListResponse>(`/api/activities${query ? `?${query}` : ''}`) });

export const usePlans = () => useQuery({ queryKey: ['session-plans'], queryFn: () => api<{ plans: SessionPlanView[] }>('/api/session-plans') });

/** Field messages by path; the server's short codes become a sentence in the chosen language. */
export function fieldErrorsOf(error: unknown, t: (key: string) => string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const known = new Set(['invalid', 'required', 'unknownField']);
  return Object.fromEntries(error.fields.map((f) => [f.path, known.has(f.message) ? t(`library.fieldErrors.${f.message}`) : f.message]));
}

/** "1 uur 5 min" style durations, from minutes. */
export function minutesLabel(t: (key: string, options?: Record<string, unknown>) => string, minutes: number) {
  return t('library.minutes', { count: minutes });
}
