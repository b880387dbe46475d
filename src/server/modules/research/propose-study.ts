/** An onderzoeker proposes a study; every programme it names waits for its coordinator's decision. */
import type { ProposeStudyRequest } from '../../../contracts/research';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { newStudySecret } from './crypto';
import { fieldError } from './field-error';
import { researchRepository } from './repository';

export type ProposeStudyOptions = { services: Services; institutionId: string; proposerId: string; request: ProposeStudyRequest; locale: Locale };

export async function proposeStudy({ services, institutionId, proposerId, request, locale }: ProposeStudyOptions): Promise<{ id: string }> {
  const catalogue = new Map(services.content.researchVariables.variables.map((v) => [v.id as string, v]));
  const unknown = request.variables.filter((id) => !catalogue.has(id));
  if (unknown.length > 0) throw fieldError(locale, 'variables', 'unknownVariable', { names: unknown.join(', ') });
  const unavailable = request.variables.filter((id) => catalogue.get(id)?.unavailable);
  if (unavailable.length > 0) throw fieldError(locale, 'variables', 'unavailableVariable', { names: unavailable.map((id) => catalogue.get(id)!.label[locale]).join(', ') });
  if (new Set(request.variables).size !== request.variables.length) throw fieldError(locale, 'variables', 'duplicateVariable');
  if (request.periodEnd < request.periodStart) throw fieldError(locale, 'periodEnd', 'periodEndBeforeStart');
  const repo = researchRepository(services.db);
  const known = new Set((await repo.programmesOf(institutionId)).map((p) => p.id));
  const programmeIds = [...new Set(request.programmeIds)];
  if (programmeIds.some((id) => !known.has(id))) throw fieldError(locale, 'programmeIds', 'unknownProgramme');
  // Keep the catalogue's order, so the columns of data.csv do not depend on the order of ticking.
  const variables = services.content.researchVariables.variables.map((v) => v.id as string).filter((id) => request.variables.includes(id));
  const study = await repo.insertStudy(
    { institutionId, proposerId, title: request.title, question: request.question, periodStart: request.periodStart, periodEnd: request.periodEnd, variables, pseudonymSecret: newStudySecret(services.config.dataKey.key) },
    programmeIds,
  );
  return { id: study.id };
}
