/** One study: its question, variables, decisions, export log and the withdrawals since the last export. */
import type { StudyResponse } from '../../../contracts/research';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { catalogueVariable } from './catalogue';
import { researchRepository } from './repository';
import { exportEntry, studyResource, summarise } from './study-view';

export async function getStudy({ services, actor, studyId }: { services: Services; actor: Actor; studyId: string }): Promise<StudyResponse> {
  const repo = researchRepository(services.db);
  const study = await repo.study(actor.institutionId, studyId);
  if (!study) throw new AppError('not_found');
  const programmes = await repo.programmesOfStudies([study.id]);
  const resource = studyResource(study, programmes.map((p) => p.programmeId));
  const exports = await repo.exportsOf(study.id);
  const last = exports[0];
  const catalogue = services.content.researchVariables.variables;
  return {
    ...summarise(actor, study, programmes),
    question: study.question,
    variables: study.variables.flatMap((id) => {
      const v = catalogue.find((c) => c.id === id);
      return v ? [catalogueVariable(v)] : [];
    }),
    exports: exports.map((e) => exportEntry(e, services.now())),
    withdrawnSinceLastExport: last ? await repo.withdrawnSince(study.institutionId, resource.programmeIds, last.createdAt) : null,
    canDecide: study.status === 'proposed' && isAllowed(actor, 'researchStudy:decide', resource),
    canExport: study.status === 'approved' && isAllowed(actor, 'researchStudy:export', resource),
  };
}
