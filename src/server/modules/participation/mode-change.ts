/**
 * Changing an intake's participation mode once communities exist asks first (#21 item 1): the
 * preview says what would happen; the settings save answers 409 with the consequences until the
 * coordinator confirms, and then carries out their choice in the same transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ModeChangeConfirmation, ModeChangeConsequences } from '../../../contracts/participation';
import { modeChangeConsequences, modeChangeNeedsConfirmation, usesSignUp } from '../../../domain/participation/modes';
import type { ParticipationMode } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, communityMembers } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { activeMemberIds, participationOf, signedUpIds } from './repository';

async function consequencesOf(db: Db, intakeId: string, from: ParticipationMode, to: ParticipationMode) {
  const [memberIds, signedUp] = await Promise.all([activeMemberIds(db, intakeId), signedUpIds(db, intakeId)]);
  const c = modeChangeConsequences({ from, to, memberIds, signedUp });
  return { ...c, needsConfirmation: modeChangeNeedsConfirmation(c) };
}

export async function previewModeChange({ services, intakeId, to }: { services: Services; intakeId: string; to: ParticipationMode }): Promise<z.infer<typeof ModeChangeConsequences>> {
  const from = await participationOf(services.db, intakeId);
  if (!from) throw new AppError('not_found');
  return consequencesOf(services.db, intakeId, from, to);
}

/**
 * Called inside the settings save's transaction (the intake row is locked): refuses an
 * unconfirmed change that needs confirmation (409, nothing changed); with 'remove', ends the
 * memberships of those who did not sign up.
 */
export async function applyModeChange(tx: Db, services: Services, input: { intakeId: string; from: ParticipationMode; to: ParticipationMode; confirmation: z.infer<typeof ModeChangeConfirmation> | undefined }) {
  if (input.from === input.to) return;
  const c = await consequencesOf(tx, input.intakeId, input.from, input.to);
  if (!c.needsConfirmation) return;
  if (!input.confirmation) throw new AppError('participation_change_unconfirmed', 'mode change needs confirmation', { count: c.members, notSignedUp: c.notSignedUp });
  if (input.confirmation.notSignedUp !== 'remove' || !usesSignUp(input.to) || c.notSignedUp === 0) return;
  const signedUp = await signedUpIds(tx, input.intakeId);
  const memberIds = await activeMemberIds(tx, input.intakeId);
  const leaving = memberIds.filter((id) => !signedUp.has(id));
  if (leaving.length === 0) return;
  const ofIntake = tx.select({ id: communities.id }).from(communities).where(eq(communities.intakeId, input.intakeId));
  const ended = await tx
    .update(communityMembers)
    .set({ leftOn: services.now(), leftReason: 'notSignedUp' })
    .where(and(inArray(communityMembers.communityId, ofIntake), inArray(communityMembers.personId, leaving), isNull(communityMembers.leftOn)))
    .returning({ communityId: communityMembers.communityId });
  // Open community screens see a new version and reload rather than overwrite.
  const touched = [...new Set(ended.map((e) => e.communityId))];
  if (touched.length) await tx.update(communities).set({ version: sql`${communities.version} + 1` }).where(inArray(communities.id, touched));
}
