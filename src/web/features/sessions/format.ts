import { formatDateTime } from '../../format';

/** A session's moment as people in Amsterdam read it, e.g. "di 6 okt, 15:30", in the chosen language. */
export function formatWhen(iso: string, language: string): string {
  return formatDateTime(iso, 'weekday', language);
}
