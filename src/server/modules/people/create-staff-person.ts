import type { CreateStaffPersonRequest } from '../../../contracts/people';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { peopleRepository } from './repository';

export type CreateStaffPersonOptions = { services: Services; actor: Actor; input: CreateStaffPersonRequest };

/**
 * Creates a staff member without a password: they stay "not activated" until they accept their
 * activation invitation (module `invite`). Roles are granted separately, each with its history.
 */
export async function createStaffPerson({ services, actor, input }: CreateStaffPersonOptions): Promise<{ id: string }> {
  const id = await peopleRepository(services.db).createPerson({ institutionId: actor.institutionId, ...input });
  if (!id) throw new AppError('email_taken');
  return { id };
}
