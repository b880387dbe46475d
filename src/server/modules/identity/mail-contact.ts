/** The few fields another context needs to write to a person: address, first name, language. */
import type { Db } from '../../db/client';
import { identityRepository, type PersonRow } from './repository';

export type MailContact = Pick<PersonRow, 'email' | 'firstName' | 'locale'>;

export async function mailContactOf(db: Db, personId: string): Promise<MailContact | null> {
  const person = await identityRepository(db).findPerson(personId);
  return person ? { email: person.email, firstName: person.firstName, locale: person.locale } : null;
}
