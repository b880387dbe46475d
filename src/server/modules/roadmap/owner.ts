/** Resolves the owner of a factor or a plan item: a stakeholder of the roadmap's list or a person of the institution. */
import type { RoadmapFile } from '../../../contracts/content/roadmap';
import type { Owner, OwnerInput } from '../../../contracts/roadmap';
import type { Locale } from '../../../i18n/translate';
import type { Db } from '../../db/client';
import { fieldError } from './errors';
import { roadmapRepository } from './repository';

export type OwnerColumns = { ownerStakeholderId: string | null; ownerPersonId: string | null };

export async function resolveOwner(db: Db, institutionId: string, content: RoadmapFile, input: OwnerInput, locale: Locale, path: string): Promise<OwnerColumns> {
  if ('stakeholderId' in input) {
    if (!content.stakeholders.some((s) => s.id === input.stakeholderId)) throw fieldError(locale, path, 'unknownStakeholder');
    return { ownerStakeholderId: input.stakeholderId, ownerPersonId: null };
  }
  const person = await roadmapRepository(db).personOf(institutionId, input);
  if (!person) throw fieldError(locale, path, 'ownerOutside');
  return { ownerStakeholderId: null, ownerPersonId: person.id };
}

/** The owner as the client sees it. */
export function ownerView(row: OwnerColumns, names: ReadonlyMap<string, { firstName: string; lastName: string }>): Owner | null {
  if (row.ownerStakeholderId) return { kind: 'stakeholder', stakeholderId: row.ownerStakeholderId };
  if (row.ownerPersonId) {
    const p = names.get(row.ownerPersonId);
    return { kind: 'person', personId: row.ownerPersonId, name: p ? `${p.firstName} ${p.lastName}` : '' };
  }
  return null;
}

/** Today's date in the Netherlands (YYYY-MM-DD): a due date may not lie before it. */
export function todayInAmsterdam(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
