import type { Db } from '../../db/client';
import { identityRepository } from './repository';

/**
 * Stores a password hash (from `hashPassword`) for a person, in the caller's transaction — an
 * invitation's activation sets the first password together with using up its link.
 */
export const setPasswordHash = (db: Db, personId: string, hash: string): Promise<void> => identityRepository(db).setPasswordHash(personId, hash);
