/** Names of roles, scopes, classes and devices as the people screens show them. */
import type { TFunction } from 'i18next';
import type { ProgrammeName } from '../../../contracts/people';
import type { z } from 'zod';
import { formatDate, formatDateTime } from '../../format';

type Programme = z.infer<typeof ProgrammeName>;

export const programmeName = (programmes: Programme[], programmeId: string | null, t: TFunction, language: string) => {
  if (programmeId === null) return t('people.scopeInstitution');
  const p = programmes.find((x) => x.id === programmeId);
  return p ? (language === 'en' ? p.nameEn : p.nameNl) : '–';
};

export const roleAt = (role: string, programmes: Programme[], programmeId: string | null, t: TFunction, language: string) =>
  t('people.roleAt', { role: t(`roles.${role}`), scope: programmeName(programmes, programmeId, t, language) });

export const classLabel = (c: { code: string; academicYear: string; month: 'september' | 'february' }, t: TFunction) =>
  t('people.classLabel', { code: c.code, month: t(`people.months.${c.month}`), year: c.academicYear });

export const deviceName = (s: { browser: string | null; os: string | null }, t: TFunction) => {
  if (s.browser && s.os) return t('people.sessions.device', { browser: s.browser, os: s.os });
  if (s.browser) return t('people.sessions.browserOnly', { browser: s.browser });
  if (s.os) return t('people.sessions.osOnly', { os: s.os });
  return t('people.sessions.unknownDevice');
};

export const dateTime = (iso: string, language: string) => formatDateTime(iso, 'medium', language);
export const date = (iso: string, language: string) => formatDate(iso, 'long', language);
