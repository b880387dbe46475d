/**
 * Where the degree programme receives signals: function mailboxes per programme, kept by the
 * programme's coordinators. Use cases: list, add, remove.
 */
import type { AddProgrammeContactRequest, ProgrammeContactsResponse } from '../../../contracts/support';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { supportRepository } from './repository';

export async function listProgrammeContacts(services: Services, programmeId: string): Promise<ProgrammeContactsResponse> {
  const rows = await supportRepository(services.db).contacts(programmeId);
  return { contacts: rows.map((c) => ({ id: c.id, label: c.label, email: c.email })) };
}

export async function addProgrammeContact(services: Services, programmeId: string, input: AddProgrammeContactRequest) {
  await supportRepository(services.db).addContact({ programmeId, label: input.label, email: input.email });
  return listProgrammeContacts(services, programmeId);
}

export async function removeProgrammeContact(services: Services, programmeId: string, contactId: string) {
  if (!(await supportRepository(services.db).removeContact(programmeId, contactId))) throw new AppError('not_found');
  return listProgrammeContacts(services, programmeId);
}
