/** Shared bits of the library screens: queries, labels, field errors. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityListResponse, SessionPlanView } from '../../../contracts/activities';
import type { YearPhase } from '../../../contracts/content/activities';
// The phases without the content schema: the library's screens need no zod (#20 item 7).
import { YEAR_PHASES } from '../../../domain/sessions/year-phase';
import { api, ApiError } from '../../api';

export { YEAR_PHASES, type YearPhase };

// The server answers in the chosen language, so the language is part of every query key.
export const useLibrary = (query = '') => {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: ['activities', i18n.language, query], queryFn: () => api<ActivityListResponse>(`/api/activities${query ? `?${query}` : ''}`) });
};

export const usePlans = () => {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: ['session-plans', i18n.language], queryFn: () => api<{ plans: SessionPlanView[] }>('/api/session-plans') });
};

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

/**
 * Required fields checked in the browser first, so an empty form gets its answer at once.
 * `check` takes which fields are empty, marks them and says whether the form may be sent.
 */
export function useRequiredCheck() {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const check = (empty: Record<string, boolean>) => {
    const required = t('library.fieldErrors.required');
    const marked = Object.fromEntries(Object.entries(empty).flatMap(([key, isEmpty]) => (isEmpty ? [[key, required]] : [])));
    setMissing(marked);
    return Object.keys(marked).length === 0;
  };
  return { missing, anyMissing: Object.keys(missing).length > 0, check };
}
