import type { HelpResource } from '../../../contracts/support';
import { HelpCategory } from '../../../contracts/content/help-directory';
import { isAllowed, type Actor, type Resource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import { supportRepository, type HelpResourceRow } from './repository';

/** An entry (or, for a new one, its intended scope) as a policy resource. */
export const helpResourceOf = (row: { institutionId: string; programmeId: string | null }): Resource => ({
  kind: 'helpResource',
  institutionId: row.institutionId,
  programmeId: row.programmeId,
});

/** The names of the institution's programmes, for the "Alleen voor <opleiding>" badge. */
export type ProgrammeNames = ReadonlyMap<string, { nl: string; en: string }>;

export async function programmeNames(db: Db, institutionId: string): Promise<ProgrammeNames> {
  return new Map((await supportRepository(db).programmes(institutionId)).map((p) => [p.id, { nl: p.nameNl, en: p.nameEn }]));
}

export function toHelpResource(row: HelpResourceRow, actor: Actor, names: ProgrammeNames): HelpResource {
  const category = HelpCategory.safeParse(row.category);
  return {
    id: row.id,
    kind: row.kind,
    category: category.success ? category.data : 'study-progress',
    name: { nl: row.nameNl, en: row.nameEn },
    whenToGo: { nl: row.whenToGoNl, en: row.whenToGoEn },
    howToReach: { nl: row.howToReachNl, en: row.howToReachEn },
    url: row.url,
    phone: row.phone,
    email: row.email,
    archived: row.archivedAt !== null,
    version: row.version,
    programme: row.programmeId ? { id: row.programmeId, name: names.get(row.programmeId) ?? { nl: '', en: '' } } : null,
    canEdit: isAllowed(actor, 'helpResource:manage', helpResourceOf(row)),
  };
}
