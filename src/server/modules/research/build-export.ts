/**
 * Builds one export of a study at this moment: its population, of whom only those holding the
 * `research-use` consent now, each under the study's pseudonym, generalised and made k-anonymous
 * (src/domain/research), as data.csv, codebook.json and README.md in a zip.
 */
import { evaluationColumns, evaluationValues, type EvaluationAnswer } from '../../../domain/research/evaluation-variables';
import { buildExportFiles, type ExportFiles, type ExportVariable, type Localised, type PersonValues } from '../../../domain/research/export-files';
import type { Services } from '../../context';
import { withConsent } from '../consent/public';
import { pseudonymiser } from './crypto';
import { researchRepository, type PopulationRow, type StudyRow } from './repository';
import { zip } from './zip';

export type BuiltExport = ExportFiles & { zip: Buffer; consentVersion: number; population: number };

const MONTH: Record<string, Localised> = { september: { nl: 'september', en: 'September' }, february: { nl: 'februari', en: 'February' } };
const NONE: Localised = { nl: 'Geen', en: 'None' };

export async function buildExport(services: Services, study: StudyRow): Promise<BuiltExport> {
  const repo = researchRepository(services.db);
  const programmes = await repo.programmesOfStudies([study.id]);
  const programmeIds = programmes.map((p) => p.programmeId);
  const everyone = await repo.population(study.institutionId, programmeIds, study.periodStart, study.periodEnd);
  const consenting = await withConsent(services.db, everyone.map((p) => p.personId), 'research-use');
  const people = everyone.filter((p) => consenting.has(p.personId));
  const pseudonym = pseudonymiser(services.config.dataKey.key, study.pseudonymSecret);

  // Codes instead of names or ids: programmes P1…, communities G01… in an order only the study key decides.
  const programmeCode = new Map(programmes.map((p, i) => [p.programmeId, `P${i + 1}`]));
  const communityIds = [...new Set(people.flatMap((p) => (p.communityId ? [p.communityId] : [])))].sort((a, b) => (pseudonym(a) < pseudonym(b) ? -1 : 1));
  const communityCode = new Map(communityIds.map((id, i) => [id, `G${String(i + 1).padStart(2, '0')}`]));
  const valueLabels: Record<string, Record<string, Localised>> = {
    programme: Object.fromEntries(programmes.map((p) => [programmeCode.get(p.programmeId)!, { nl: p.nameNl, en: p.nameEn }])),
    intake: { none: NONE },
    class: { none: NONE },
    community: { none: NONE, ...Object.fromEntries([...communityCode.values()].map((code) => [code, { nl: `Community ${code}`, en: `Community ${code}` }])) },
  };
  for (const p of people) {
    if (p.academicYear && p.intakeMonth) {
      valueLabels.intake![`${p.academicYear}-${p.intakeMonth}`] = { nl: `${p.academicYear} ${MONTH[p.intakeMonth]?.nl ?? p.intakeMonth}`, en: `${p.academicYear} ${MONTH[p.intakeMonth]?.en ?? p.intakeMonth}` };
      valueLabels.intake![p.academicYear] = { nl: `Studiejaar ${p.academicYear}`, en: `Academic year ${p.academicYear}` };
    }
    if (p.classCode) valueLabels.class![p.classCode] = { nl: p.classCode, en: p.classCode };
  }

  const ladders = (p: PopulationRow): Record<string, string[]> => ({
    programme: [programmeCode.get(p.programmeId)!, '*'],
    intake: p.academicYear && p.intakeMonth ? [`${p.academicYear}-${p.intakeMonth}`, p.academicYear, '*'] : ['none', 'none', '*'],
    class: [p.classCode ?? 'none', '*'],
    community: [p.communityId ? communityCode.get(p.communityId)! : 'none', '*'],
  });
  const measures = (p: PopulationRow): Record<string, number | null> => ({
    sessionsAttended: p.sessionsAttended,
    attendanceRate: p.sessionsMarked > 0 ? p.sessionsAttended / p.sessionsMarked : null,
    coachChanges: p.coachChanges,
    communityMoves: p.communityMoves,
    checkinCount: p.checkinCount,
    checkinMean: p.checkinMean === null ? null : Math.round(p.checkinMean * 10) / 10,
    resilienceChallenges: p.resilienceChallenges,
    resilienceResources: p.resilienceResources,
  });

  const catalogue = services.content.researchVariables;
  // `evaluationAnswers` unfolds into a column per closed question and moment (confidential mode only).
  const evaluation = study.variables.includes('evaluationAnswers') ? evaluationColumns(services.content.questions.evaluation.coachee.questions) : null;
  const answersOf = new Map<string, EvaluationAnswer[]>();
  if (evaluation) {
    for (const a of await repo.evaluationAnswers(people.map((p) => p.personId), programmeIds, study.periodStart, study.periodEnd)) {
      answersOf.set(a.personId, [...(answersOf.get(a.personId) ?? []), a]);
    }
    Object.assign(valueLabels, evaluation.valueLabels);
  }
  const variables: ExportVariable[] = study.variables.flatMap((id) =>
    id === 'evaluationAnswers' && evaluation ? evaluation.variables : catalogue.variables.filter((v) => v.id === id && !v.unavailable),
  );
  const consent = services.content.consents.consents.find((c) => c.id === 'research-use')!;
  const values: PersonValues[] = people.map((p) => ({
    pseudonym: pseudonym(p.personId),
    ladders: ladders(p),
    measures: { ...measures(p), ...(evaluation ? evaluationValues(evaluation, answersOf.get(p.personId) ?? []) : {}) },
  }));
  const files = buildExportFiles({
    study: { id: study.id, title: study.title, question: study.question, periodStart: study.periodStart, periodEnd: study.periodEnd, programmes: programmes.map((p) => ({ nl: p.nameNl, en: p.nameEn })) },
    variables,
    valueLabels,
    people: values,
    k: catalogue.k,
    consent: { id: consent.id, version: consent.version },
    population: everyone.length,
    madeAt: services.now().toISOString(),
  });
  const archive = zip([
    { name: 'data.csv', data: Buffer.from(files.csv, 'utf8') },
    { name: 'codebook.json', data: Buffer.from(`${JSON.stringify(files.codebook, null, 2)}\n`, 'utf8') },
    { name: 'README.md', data: Buffer.from(files.readme, 'utf8') },
  ]);
  return { ...files, zip: archive, consentVersion: consent.version, population: everyone.length };
}
