/**
 * The one question every feature asks before someone other than the subject reads or writes
 * their coaching data: does the subject's consent hold right now? Nothing is cached, so a
 * withdrawal takes effect on the next request, on every app instance.
 */
import type { ConsentId } from '../../../contracts/content/consents';
import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { consentRepository } from './repository';

export async function hasConsent(db: Db, personId: string, consentId: ConsentId): Promise<boolean> {
  const latest = await consentRepository(db).latestOf(personId, consentId);
  return latest?.event === 'grant';
}

/** Throws `consent_required` (403) unless the consent holds. */
export async function requireConsent(db: Db, personId: string, consentId: ConsentId): Promise<void> {
  if (!(await hasConsent(db, personId, consentId))) throw new AppError('consent_required', `consent ${consentId} does not hold`);
}

/** For lists: which of these people's consent holds (one query). */
export async function withConsent(db: Db, personIds: readonly string[], consentId: ConsentId): Promise<Set<string>> {
  return consentRepository(db).grantedAmong(personIds, consentId);
}

/** Where the subject stands on a consent: the latest event decides; no event is "unanswered". */
export async function consentStatus(db: Db, personId: string, consentId: ConsentId): Promise<'granted' | 'withdrawn' | 'unanswered'> {
  const latest = await consentRepository(db).latestOf(personId, consentId);
  return latest ? (latest.event === 'grant' ? 'granted' : 'withdrawn') : 'unanswered';
}
