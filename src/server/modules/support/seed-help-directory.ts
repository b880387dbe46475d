import type { HelpDirectoryFile } from '../../../contracts/content/help-directory';
import type { Db } from '../../db/client';
import { supportRepository } from './repository';

/**
 * Copies the help directory from content/help-directory.json into the database for one
 * institution, so its coordinators can edit it. Entries already seeded (same seed id) are kept
 * as they are: a coordinator's edits are never overwritten.
 */
export async function seedHelpDirectory(db: Db, institutionId: string, file: HelpDirectoryFile): Promise<number> {
  const repo = supportRepository(db);
  const existing = new Set((await repo.helpResources(institutionId)).map((r) => r.seedId));
  let added = 0;
  for (const entry of file.entries) {
    if (existing.has(entry.id)) continue;
    await repo.insertHelpResource({
      institutionId,
      seedId: entry.id,
      kind: entry.kind,
      category: entry.category,
      nameNl: entry.name.nl,
      nameEn: entry.name.en,
      whenToGoNl: entry.whenToGo.nl,
      whenToGoEn: entry.whenToGo.en,
      howToReachNl: entry.howToReach.nl,
      howToReachEn: entry.howToReach.en,
      url: entry.url ?? null,
      phone: entry.phone ?? null,
      email: entry.email ?? null,
    });
    added++;
  }
  return added;
}
