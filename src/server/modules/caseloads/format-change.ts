/**
 * Changing an intake's format (communities, individual coaching, class-wide) once its communities
 * or caseloads have members asks first (#21 item 3), like a participation mode change: the
 * settings save answers 409 with the number of students placed until the coordinator confirms,
 * and then carries out their choice in the same transaction. 'keep' leaves everyone where they
 * are; 'end' ends the memberships (reason 'formatChanged': no dropout) so they can be placed anew.
 */
import type { z } from 'zod';
import type { FormatChangeConfirmation } from '../../../contracts/caseloads';
import type { IntakeFormat } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { currentPlacements, endAllMemberships } from './repository';

export async function applyFormatChange(
  tx: Db,
  services: Services,
  input: { intakeId: string; from: IntakeFormat; to: IntakeFormat; confirmation: z.infer<typeof FormatChangeConfirmation> | undefined },
) {
  if (input.from === input.to) return;
  const placed = new Set((await currentPlacements(tx, input.intakeId)).map((p) => p.personId)).size;
  if (placed === 0) return;
  if (!input.confirmation) throw new AppError('format_change_unconfirmed', 'format change needs confirmation', { count: placed });
  if (input.confirmation.existing === 'end') await endAllMemberships(tx, input.intakeId, services.now(), 'formatChanged');
}
