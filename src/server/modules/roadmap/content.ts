/**
 * Which roadmap content holds: the shipped `content/roadmap.json`, or the institution's own copy
 * (a versioned row per save; the newest is in force). A roadmap keeps the version it started with,
 * so an assessment is checked against the factors of that version.
 */
import type { RoadmapFile } from '../../../contracts/content/roadmap';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { roadmapRepository } from './repository';

/** The content version in force for the institution: 0 means the shipped content. */
export async function contentInForce(services: Services, db: Db, institutionId: string): Promise<{ version: number; basedOnShipped: number; content: RoadmapFile }> {
  const row = await roadmapRepository(db).latestContent(institutionId);
  if (!row) return { version: 0, basedOnShipped: services.content.roadmap.version, content: services.content.roadmap };
  return { version: row.version, basedOnShipped: row.shippedVersion, content: row.content };
}

/** The content of a given version (0: shipped). */
export async function contentOfVersion(services: Services, db: Db, institutionId: string, version: number): Promise<RoadmapFile> {
  if (version === 0) return services.content.roadmap;
  const row = await roadmapRepository(db).contentVersion(institutionId, version);
  return row?.content ?? services.content.roadmap;
}
