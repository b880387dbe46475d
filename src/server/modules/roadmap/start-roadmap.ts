/** Starts a roadmap of a programme (or the institution) for a coaching year, on the content in force. */
import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { contentInForce } from './content';
import { roadmapRepository } from './repository';

export async function startRoadmap(o: { services: Services; institutionId: string; programmeId: string | null; year: number }): Promise<{ id: string }> {
  return o.services.db.transaction(async (tx) => {
    const content = await contentInForce(o.services, tx, o.institutionId);
    const row = await roadmapRepository(tx).insertRoadmap({ institutionId: o.institutionId, programmeId: o.programmeId, year: o.year, contentVersion: content.version });
    if (!row) throw new AppError('conflict');
    return { id: row.id };
  });
}
