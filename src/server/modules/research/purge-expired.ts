/** Retention of export files: a file lives as long as its download link (7 days). */
import type { Services } from '../../context';
import { researchRepository } from './repository';

export async function purgeExpiredExportFiles(services: Services): Promise<void> {
  await researchRepository(services.db).purgeExpiredFiles(services.now());
}
