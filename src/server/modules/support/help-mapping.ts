import type { HelpResource } from '../../../contracts/support';
import { HelpCategory } from '../../../contracts/content/help-directory';
import type { HelpResourceRow } from './repository';

export function toHelpResource(row: HelpResourceRow): HelpResource {
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
  };
}
