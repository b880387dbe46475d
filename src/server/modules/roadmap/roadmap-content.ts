/**
 * The institution's own roadmap content (issue 22 item 6): the beheerder adjusts texts,
 * stakeholders, horizons and which figures belong to which factor. Each save is a new version
 * (the newest is in force for roadmaps started after it; a started roadmap keeps its version).
 * When the shipped content/roadmap.json is newer than the version the copy was based on, the
 * update is offered with what it would change — adopting it is the beheerder's choice.
 */
import { z } from 'zod';
import { RoadmapFile } from '../../../contracts/content/roadmap';
import type { RoadmapContentResponse } from '../../../contracts/roadmap';
import { contentChanges } from './content-changes';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { contentInForce } from './content';
import { fieldError } from './errors';
import { roadmapRepository } from './repository';

export async function getRoadmapContent(o: { services: Services; institutionId: string }): Promise<RoadmapContentResponse> {
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  const shipped = o.services.content.roadmap;
  const offered = current.version > 0 && shipped.version > current.basedOnShipped ? { shippedVersion: shipped.version, changes: contentChanges(current.content, shipped) } : null;
  return { version: current.version, basedOnShipped: current.basedOnShipped, shippedVersion: shipped.version, content: current.content, offered };
}

async function saveVersion(o: { services: Services; institutionId: string; personId: string; baseVersion: number; content: RoadmapFile; shippedVersion: number }) {
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  if (current.version !== o.baseVersion) throw new AppError('conflict');
  const row = await roadmapRepository(o.services.db).insertContentVersion({ institutionId: o.institutionId, version: o.baseVersion + 1, shippedVersion: o.shippedVersion, content: o.content, savedBy: o.personId });
  if (!row) throw new AppError('conflict');
  return { version: row.version };
}

export async function saveRoadmapContent(o: { services: Services; institutionId: string; personId: string; baseVersion: number; content: unknown; locale: Locale }): Promise<{ version: number }> {
  const parsed = RoadmapFile.safeParse(o.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fieldError(o.locale, 'content', 'contentInvalid', { where: issue.path.join('.') || '—' });
  }
  // Factor ids of roadmaps already started must stay: their assessments refer to them.
  const shipped = o.services.content.roadmap;
  const current = await contentInForce(o.services, o.services.db, o.institutionId);
  const kept = new Set(parsed.data.factors.map((f) => f.id));
  const lost = current.content.factors.find((f) => !kept.has(f.id));
  if (lost) throw fieldError(o.locale, 'content', 'factorRemoved', { id: lost.id });
  return saveVersion({ ...o, content: parsed.data, shippedVersion: current.version === 0 ? shipped.version : current.basedOnShipped });
}

export async function adoptShippedContent(o: { services: Services; institutionId: string; personId: string; baseVersion: number }): Promise<{ version: number }> {
  const shipped = o.services.content.roadmap;
  return saveVersion({ ...o, content: shipped, shippedVersion: shipped.version });
}

export const ContentVersionResponse = z.object({ version: z.number().int() });
