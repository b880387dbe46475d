/**
 * The one-tap link of a sign-up invitation ("Doe je mee?"): the token from the mail is the
 * credential and works signed out. Reading it changes nothing (mail scanners prefetch links; the
 * token sits in the URL fragment and reaches the server only in a POST body) — the button does.
 * An unknown token gets `sign_up_link_invalid`, a used one `sign_up_link_used`, one after signing
 * up closed `sign_up_closed`; each changes nothing. A double tap: one wins, the other gets 409.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { SignUpInvitationResponse } from '../../../contracts/participation';
import { signUpOpen } from '../../../domain/participation/modes';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { intakes, participationInvitations, participationSignUps, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { digest } from '../identity/public';
import { communitiesFormed } from './repository';

type InvitationRow = typeof participationInvitations.$inferSelect;

async function byToken(services: Services, token: string): Promise<InvitationRow> {
  const hash = digest(token);
  const [row] = await services.db
    .select()
    .from(participationInvitations)
    .where(or(eq(participationInvitations.tokenHash, hash), eq(participationInvitations.reminderTokenHash, hash)));
  if (!row) throw new AppError('sign_up_link_invalid');
  return row;
}

/** What the link's page shows: the programme, what taking part means, until when, and any answer. */
export async function readSignUpLink({ services, token, locale }: { services: Services; token: string; locale: 'nl' | 'en' }): Promise<z.infer<typeof SignUpInvitationResponse>> {
  const invitation = await byToken(services, token);
  const [intake] = await services.db
    .select({ settings: intakes.settings, month: intakes.month, academicYear: intakes.academicYear, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, invitation.intakeId));
  if (!intake) throw new AppError('sign_up_link_invalid');
  const settings = readIntakeSettings(intake.settings, intake.month).settings;
  const [signedUp] = await services.db
    .select({ id: participationSignUps.id })
    .from(participationSignUps)
    .where(and(eq(participationSignUps.intakeId, invitation.intakeId), eq(participationSignUps.personId, invitation.personId)));
  return {
    programmeName: locale === 'nl' ? intake.nameNl : intake.nameEn,
    academicYear: intake.academicYear,
    month: intake.month,
    communitySize: settings.communitySize,
    sessionsPerMonth: settings.sessionsPerMonth,
    closesOn: settings.signUp.closesOn,
    open: signUpOpen(settings.participation, await communitiesFormed(services.db, invitation.intakeId), settings.signUp.closesOn, zonedParts(services.now()).date),
    answer: invitation.answer,
    signedUp: Boolean(signedUp),
  };
}

/** "Ik doe mee" (yes) or "Nee, dank je" (no), once, while signing up is open. */
export async function answerSignUpLink({ services, token, answer }: { services: Services; token: string; answer: 'yes' | 'no' }) {
  const invitation = await byToken(services, token);
  if (invitation.answer !== null) throw new AppError('sign_up_link_used');
  await services.db.transaction(async (tx) => {
    const [intake] = await tx.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, invitation.intakeId)).for('update');
    if (!intake) throw new AppError('sign_up_link_invalid');
    const settings = readIntakeSettings(intake.settings, intake.month).settings;
    if (!signUpOpen(settings.participation, await communitiesFormed(tx, invitation.intakeId), settings.signUp.closesOn, zonedParts(services.now()).date)) throw new AppError('sign_up_closed');
    const now = services.now();
    const updated = await tx
      .update(participationInvitations)
      .set({ answer, answeredAt: now })
      .where(and(eq(participationInvitations.id, invitation.id), isNull(participationInvitations.answer)))
      .returning({ id: participationInvitations.id });
    // A double tap: the other request answered first.
    if (updated.length === 0) throw new AppError('sign_up_link_used');
    const mine = and(eq(participationSignUps.intakeId, invitation.intakeId), eq(participationSignUps.personId, invitation.personId));
    if (answer === 'yes') await tx.insert(participationSignUps).values({ intakeId: invitation.intakeId, personId: invitation.personId, signedUpAt: now }).onConflictDoNothing();
    else await tx.delete(participationSignUps).where(mine);
  });
  return { ok: true as const };
}

/**
 * Keeps the invitation in step with a change in the app: signing up there answers it "yes",
 * withdrawing "no" (a row without invitation when none went out, so none follows and no reminder).
 */
export async function recordAppAnswer(db: Services['db'], options: { intakeId: string; personId: string; answer: 'yes' | 'no'; at: Date }) {
  await db
    .insert(participationInvitations)
    .values({ intakeId: options.intakeId, personId: options.personId, answer: options.answer, answeredAt: options.at, createdAt: options.at })
    .onConflictDoUpdate({ target: [participationInvitations.intakeId, participationInvitations.personId], set: { answer: options.answer, answeredAt: options.at } });
}
