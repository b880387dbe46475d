/** The studies the person may read: an onderzoeker's institution's, a coordinator's programmes'. */
import type { StudiesResponse } from '../../../contracts/research';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { researchRepository } from './repository';
import { studyResource, summarise } from './study-view';

export async function listStudies({ services, actor }: { services: Services; actor: Actor }): Promise<StudiesResponse> {
  const repo = researchRepository(services.db);
  const studies = await repo.studies(actor.institutionId);
  const programmes = await repo.programmesOfStudies(studies.map((s) => s.id));
  const readable = studies.filter((s) => isAllowed(actor, 'researchStudy:read', studyResource(s, programmes.filter((p) => p.studyId === s.id).map((p) => p.programmeId))));
  return {
    studies: readable.map((s) => summarise(actor, s, programmes)),
    canPropose: isAllowed(actor, 'research:propose', { kind: 'researchDesk', institutionId: actor.institutionId }),
  };
}
