/**
 * The self-assessment: invite stakeholders, give a view on a factor, record the agreed status.
 * Bad input (a factor not in the roadmap's version, an unknown stakeholder, a person outside the
 * institution) answers a translated field error and stores nothing; a stale version answers 409.
 */
import type { z } from 'zod';
import type { GiveViewRequest, InviteStakeholderRequest, RecordAssessmentRequest } from '../../../contracts/roadmap';
import type { Actor } from '../../../domain/access/policy';
import { factorIdsOf } from './content-changes';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { contentOfVersion } from './content';
import { fieldError } from './errors';
import { resolveOwner } from './owner';
import { roadmapRepository, type RoadmapRow } from './repository';

async function roadmapOf(services: Services, institutionId: string, roadmapId: string): Promise<RoadmapRow> {
  const row = await roadmapRepository(services.db).roadmap(institutionId, roadmapId);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function inviteStakeholder(o: { services: Services; actor: Actor; roadmapId: string; request: z.infer<typeof InviteStakeholderRequest>; locale: Locale }): Promise<void> {
  const row = await roadmapOf(o.services, o.actor.institutionId, o.roadmapId);
  const content = await contentOfVersion(o.services, o.services.db, row.institutionId, row.contentVersion);
  if (!content.stakeholders.some((s) => s.id === o.request.stakeholderId)) throw fieldError(o.locale, 'stakeholderId', 'unknownStakeholder');
  const factors = factorIdsOf(content);
  const unknown = o.request.factorIds.findIndex((f) => !factors.has(f));
  if (unknown >= 0) throw fieldError(o.locale, `factorIds.${unknown}`, 'unknownFactor');
  const repo = roadmapRepository(o.services.db);
  const person = await repo.personOf(row.institutionId, { email: o.request.email });
  if (!person) throw fieldError(o.locale, 'email', 'personOutside');
  if (person.id === o.actor.personId) throw fieldError(o.locale, 'email', 'inviteSelf');
  await o.services.db.transaction(async (tx) => {
    await roadmapRepository(tx).upsertStakeholder({ roadmapId: row.id, personId: person.id, stakeholderId: o.request.stakeholderId, factorIds: [...new Set(o.request.factorIds)] });
    // The mail says only that there is a roadmap to look at, with a link: no factor, no view.
    const locale = person.locale === 'en' ? 'en' : 'nl';
    await o.services.mailer.enqueue(tx, {
      institutionId: row.institutionId,
      to: person.email,
      subject: translate(locale, 'roadmap.mail.invited.subject'),
      text: translate(locale, 'roadmap.mail.invited.body', { name: person.firstName, link: `${o.services.config.publicUrl}/roadmaps/${row.id}` }),
    });
  });
}

export async function removeStakeholder(o: { services: Services; actor: Actor; roadmapId: string; personId: string }): Promise<void> {
  await roadmapOf(o.services, o.actor.institutionId, o.roadmapId);
  if (!(await roadmapRepository(o.services.db).removeStakeholder(o.roadmapId, o.personId))) throw new AppError('not_found');
}

export async function giveView(o: { services: Services; actor: Actor; roadmapId: string; factorId: string; request: z.infer<typeof GiveViewRequest>; locale: Locale }): Promise<void> {
  const row = await roadmapOf(o.services, o.actor.institutionId, o.roadmapId);
  const content = await contentOfVersion(o.services, o.services.db, row.institutionId, row.contentVersion);
  if (!factorIdsOf(content).has(o.factorId)) throw fieldError(o.locale, 'factorId', 'unknownFactor');
  await roadmapRepository(o.services.db).upsertView({ roadmapId: row.id, factorId: o.factorId, personId: o.actor.personId, status: o.request.status, note: o.request.note, now: o.services.now() });
}

export async function recordAssessment(o: { services: Services; actor: Actor; roadmapId: string; factorId: string; request: z.infer<typeof RecordAssessmentRequest>; locale: Locale }): Promise<void> {
  const row = await roadmapOf(o.services, o.actor.institutionId, o.roadmapId);
  const content = await contentOfVersion(o.services, o.services.db, row.institutionId, row.contentVersion);
  if (!factorIdsOf(content).has(o.factorId)) throw fieldError(o.locale, 'factorId', 'unknownFactor');
  const owner = o.request.owner ? await resolveOwner(o.services.db, row.institutionId, content, o.request.owner, o.locale, 'owner') : { ownerStakeholderId: null, ownerPersonId: null };
  const saved = await roadmapRepository(o.services.db).recordAssessment({
    roadmapId: row.id,
    factorId: o.factorId,
    status: o.request.status,
    evidenceNote: o.request.evidenceNote,
    ...owner,
    recordedBy: o.actor.personId,
    version: o.request.version,
    now: o.services.now(),
  });
  if (!saved) throw new AppError('conflict');
}
