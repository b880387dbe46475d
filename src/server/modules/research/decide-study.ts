/**
 * A coordinator approves or rejects a study for the programmes of it they coordinate (four eyes:
 * the policy refuses the proposer). The study is approved once every programme approved, rejected
 * as soon as one rejects. A second decision on the same programmes answers 409.
 */
import type { DecideStudyRequest } from '../../../contracts/research';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { fieldError } from './field-error';
import { researchRepository } from './repository';
import { studyResource } from './study-view';

export type DecideStudyOptions = { services: Services; actor: Actor; studyId: string; request: DecideStudyRequest; locale: Locale };

export async function decideStudy({ services, actor, studyId, request, locale }: DecideStudyOptions): Promise<{ id: string; status: string }> {
  if (request.decision === 'rejected' && request.note.trim() === '') throw fieldError(locale, 'note', 'reasonRequired');
  const repo = researchRepository(services.db);
  const study = await repo.study(actor.institutionId, studyId);
  if (!study) throw new AppError('not_found');
  const programmes = await repo.programmesOfStudies([study.id]);
  const mine = programmes.filter((p) => isAllowed(actor, 'researchStudy:decide', studyResource(study, [p.programmeId]))).map((p) => p.programmeId);
  if (mine.length === 0) throw new AppError('not_found');
  const decided = await repo.decide(study.id, mine, request.decision, actor.personId, request.note.trim(), services.now());
  if (decided === 0) throw new AppError('research_already_decided', 'study decided already');
  const after = await repo.study(actor.institutionId, studyId);
  return { id: study.id, status: after!.status };
}
