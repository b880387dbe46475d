/** Where a session takes place: on campus, online (a meeting link), or both at once. */
export const SESSION_MODES = ['onCampus', 'online', 'hybrid'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Only an online session needs nobody on campus; a hybrid one still has a room and people there. */
export const needsCampus = (mode: SessionMode): boolean => mode !== 'online';

/** Online and hybrid sessions have a meeting link. */
export const hasMeetingLink = (mode: SessionMode): boolean => mode !== 'onCampus';

/**
 * A meeting or chat link people may open: an absolute https URL with a host, no credentials in it.
 * Anything else (http, javascript:, a bare word) is refused, so a link shown to members is safe to open.
 */
export function isHttpsLink(value: string): boolean {
  if (value.length > 500 || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
}
