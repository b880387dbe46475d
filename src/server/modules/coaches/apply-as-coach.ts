import { eq } from 'drizzle-orm';
import type { SubmitCoachApplicationRequest } from '../../../contracts/programme';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachApplications, institutions, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { linkApplicationToNomination } from '../growth/public';

/** Programmes anyone may apply to (the public form's choice). */
export async function listPublicProgrammes({ services, locale }: { services: Services; locale: Locale }) {
  const rows = await services.db
    .select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn, location: programmes.location, institution: institutions.name })
    .from(programmes)
    .innerJoin(institutions, eq(institutions.id, programmes.institutionId))
    .orderBy(institutions.name, programmes.nameNl);
  return { programmes: rows.map((r) => ({ id: r.id, name: locale === 'en' ? r.nameEn : r.nameNl, location: r.location, institution: r.institution })) };
}

export type ApplyAsCoachOptions = {
  services: Services;
  programmeId: string;
  application: SubmitCoachApplicationRequest;
  locale: Locale;
  /** The signed-in person, if any: a nomination by id is theirs only. */
  personId?: string | undefined;
};

/**
 * The public application form. Stores the least: the role-model self-description only with
 * explicit consent (the contract refuses text without it). The applicant gets a confirmation
 * through the outbox in the same transaction.
 */
export async function applyAsCoach({ services, programmeId, application, locale, personId }: ApplyAsCoachOptions) {
  return services.db.transaction(async (tx) => {
    const [programme] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
    if (!programme) throw new AppError('not_found');
    const { roleModelText, roleModelConsent, nominationToken, nominationId, ...rest } = application;
    const [row] = await tx
      .insert(coachApplications)
      .values({ ...rest, programmeId, roleModelConsent, roleModelText: roleModelConsent && roleModelText ? roleModelText : null })
      .returning({ id: coachApplications.id });
    // An application that answers a nomination (#21): the coordinator sees where it came from.
    if (nominationToken || nominationId) await linkApplicationToNomination(tx, { programmeId, applicationId: row!.id, token: nominationToken, nominationId, personId, now: services.now() });
    const programmeName = locale === 'en' ? programme.nameEn : programme.nameNl;
    await services.mailer.enqueue(tx, {
      institutionId: programme.institutionId,
      to: application.email,
      subject: translate(locale, 'programme.mail.applicationReceived.subject'),
      text: translate(locale, 'programme.mail.applicationReceived.body', { name: application.firstName, programme: programmeName }),
    });
    return { id: row!.id };
  });
}
