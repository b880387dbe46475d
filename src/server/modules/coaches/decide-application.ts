import { eq, sql } from 'drizzle-orm';
import { canMoveApplication, type ApplicationStatus } from '../../../domain/programme/coach-lifecycle';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachApplications, coachProfiles, people, programmes, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { sendInvitation } from '../invitations/public';

export type DecideApplicationOptions = {
  services: Services;
  institutionId: string;
  applicationId: string;
  status: ApplicationStatus;
  conversationAt?: string | null | undefined;
  decisionNote?: string | null | undefined;
};

/**
 * Moves an application on: plan the intake conversation, then select or reject. Selecting makes
 * the applicant a student coach in onboarding (a person with the studentcoach role and a profile)
 * and sends them the welcome mail and their invitation (an activation link); all in one transaction.
 */
export async function decideApplication(options: DecideApplicationOptions) {
  const { services } = options;
  return services.db.transaction(async (tx) => {
    const [app] = await tx.select().from(coachApplications).where(eq(coachApplications.id, options.applicationId)).for('update');
    if (!app) throw new AppError('not_found');
    if (!canMoveApplication(app.status as ApplicationStatus, options.status)) throw new AppError('coach_transition_blocked', `application ${app.status} → ${options.status}`);
    const decided = options.status === 'selected' || options.status === 'rejected' || options.status === 'withdrawn';
    let personId: string | null = null;
    if (options.status === 'selected') {
      const [existing] = await tx.select().from(people).where(sql`lower(${people.email}) = lower(${app.email})`);
      if (existing && existing.institutionId !== options.institutionId) throw new AppError('conflict', 'email used in another institution');
      const person =
        existing ??
        (await tx
          .insert(people)
          .values({ institutionId: options.institutionId, firstName: app.firstName, lastName: app.lastName, email: app.email })
          .returning())[0]!;
      personId = person.id;
      await tx
        .insert(roleAssignments)
        .values({ personId, role: 'studentcoach', institutionId: options.institutionId, programmeId: app.programmeId })
        .onConflictDoNothing();
      await tx
        .insert(coachProfiles)
        .values({
          personId,
          programmeId: app.programmeId,
          status: 'onboarding',
          studyYear: app.studyYear,
          languages: app.languages,
          roleModelText: app.roleModelConsent ? app.roleModelText : null,
          roleModelConsent: app.roleModelConsent,
          applicationId: app.id,
        })
        .onConflictDoNothing();
      const [programme] = await tx.select().from(programmes).where(eq(programmes.id, app.programmeId));
      const locale = (person.locale === 'en' ? 'en' : 'nl') satisfies Locale;
      await services.mailer.enqueue(tx, {
        institutionId: options.institutionId,
        to: app.email,
        subject: translate(locale, 'programme.mail.selected.subject'),
        text: translate(locale, 'programme.mail.selected.body', {
          name: app.firstName,
          programme: (locale === 'en' ? programme?.nameEn : programme?.nameNl) ?? '',
        }),
      });
      // The same invitation as students get: an activation link (7 days) and a reminder. Someone
      // who already activated an account (a former coachee) signs in as before.
      try {
        await tx.transaction((sp) => sendInvitation({ services, tx: sp, personId: person.id }));
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'invitation_already_activated')) throw error;
      }
    }
    await tx
      .update(coachApplications)
      .set({
        status: options.status,
        ...(options.conversationAt !== undefined ? { conversationAt: options.conversationAt ? new Date(options.conversationAt) : null } : {}),
        ...(options.decisionNote !== undefined ? { decisionNote: options.decisionNote } : {}),
        ...(decided ? { decidedAt: services.now() } : {}),
        ...(personId ? { personId } : {}),
      })
      .where(eq(coachApplications.id, app.id));
    return { id: app.id };
  });
}
