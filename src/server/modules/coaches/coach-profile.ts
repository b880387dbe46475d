import { eq } from 'drizzle-orm';
import type { CoachProfileResponse, MyCoachProfileResponse } from '../../../contracts/programme';
import type { CoachStatus } from '../../../domain/programme/coach-lifecycle';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachProfiles, people, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { coachProgramme, ensureProfile, photoVersions } from './repository';

/** What a coachee, senior coach or coordinator sees of a coach: the phone only with consent. */
export async function getCoachProfile({ services, coachId, programmeId }: { services: Services; coachId: string; programmeId: string }): Promise<CoachProfileResponse> {
  const profile = await ensureProfile(services.db, coachId, programmeId);
  const [person] = await services.db.select().from(people).where(eq(people.id, coachId));
  if (!person) throw new AppError('not_found');
  return {
    id: coachId,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    status: profile.status as CoachStatus,
    intro: profile.intro,
    languages: profile.languages,
    studyYear: profile.studyYear,
    phone: profile.phoneConsent ? profile.phone : null,
    photoVersion: (await photoVersions(services.db, [coachId])).get(coachId) ?? null,
  };
}

export async function getMyCoachProfile({ services, personId, institutionId, locale }: { services: Services; personId: string; institutionId: string; locale: Locale }): Promise<MyCoachProfileResponse> {
  const programmeId = await coachProgramme(services.db, institutionId, personId);
  if (!programmeId) throw new AppError('not_found');
  const base = await getCoachProfile({ services, coachId: personId, programmeId });
  const profile = await ensureProfile(services.db, personId, programmeId);
  const [programme] = await services.db.select().from(programmes).where(eq(programmes.id, programmeId));
  return {
    ...base,
    phone: profile.phone,
    phoneConsent: profile.phoneConsent,
    roleModelText: profile.roleModelText,
    roleModelConsent: profile.roleModelConsent,
    programmeName: (locale === 'en' ? programme?.nameEn : programme?.nameNl) ?? '',
  };
}

export type UpdateMyCoachProfileOptions = {
  services: Services;
  personId: string;
  institutionId: string;
  intro: string;
  languages: string[];
  phone: string | null;
  phoneConsent: boolean;
  roleModelConsent: boolean;
  roleModelText: string | null;
};

/** The coach's own profile. Withdrawing consent removes the phone number or self-description at once. */
export async function updateMyCoachProfile(options: UpdateMyCoachProfileOptions) {
  const programmeId = await coachProgramme(options.services.db, options.institutionId, options.personId);
  if (!programmeId) throw new AppError('not_found');
  await ensureProfile(options.services.db, options.personId, programmeId);
  await options.services.db
    .update(coachProfiles)
    .set({
      intro: options.intro,
      languages: options.languages,
      phone: options.phoneConsent ? options.phone : null,
      phoneConsent: options.phoneConsent,
      roleModelConsent: options.roleModelConsent,
      roleModelText: options.roleModelConsent ? options.roleModelText : null,
    })
    .where(eq(coachProfiles.personId, options.personId));
  return { id: options.personId };
}
