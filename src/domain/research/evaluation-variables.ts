/**
 * The research variable `evaluationAnswers` (issue 19) unfolds into one column per closed
 * question of the coachees' end-of-year questionnaire and per moment (T0, T1, T2): `T0_<question>`
 * and so on. Scale questions become integers with their end points labelled; choice questions
 * become categories with the option labels in Dutch and English. Text questions are never a
 * column: free text is never exported. Pure: the server reads the answers, this names the columns
 * and turns answers into values. None of these columns is a quasi-identifier: an answer describes
 * an opinion, not a person's group or demographics.
 */
import type { ExportVariable, Localised } from './export-files';

/** A question of the questionnaire as content/questions.json describes it (the shape this needs). */
export type EvaluationQuestion = { id: string; label: Localised } & (
  | { kind: 'text' }
  | { kind: 'scale'; min: number; max: number; minLabel: Localised; maxLabel: Localised }
  | { kind: 'choice'; multiple: boolean; options: readonly { id: string; label: Localised }[] }
);

export const EVALUATION_MOMENTS = ['T0', 'T1', 'T2'] as const;
export type EvaluationMoment = (typeof EVALUATION_MOMENTS)[number];

const MOMENT_LABEL: Record<EvaluationMoment, Localised> = {
  T0: { nl: 'T0 (start)', en: 'T0 (start)' },
  T1: { nl: 'T1 (na ongeveer 100 dagen)', en: 'T1 (after about 100 days)' },
  T2: { nl: 'T2 (eind van het jaar)', en: 'T2 (end of the year)' },
};

/** The column of one question at one moment: letters, digits and underscores only (R, SPSS, Stata). */
export const evaluationColumn = (moment: EvaluationMoment, questionKey: string) => `${moment}_${questionKey.replace(/[^A-Za-z0-9]+/g, '_')}`;

export type EvaluationColumns = {
  variables: ExportVariable[];
  valueLabels: Record<string, Record<string, Localised>>;
  /** questionKey → its kind, for turning answers into values. */
  kinds: Map<string, 'scale' | 'choice'>;
};

export function evaluationColumns(questions: readonly EvaluationQuestion[]): EvaluationColumns {
  const variables: ExportVariable[] = [];
  const valueLabels: Record<string, Record<string, Localised>> = {};
  const kinds = new Map<string, 'scale' | 'choice'>();
  for (const moment of EVALUATION_MOMENTS) {
    for (const q of questions) {
      if (q.kind === 'text') continue;
      kinds.set(q.id, q.kind);
      const id = evaluationColumn(moment, q.id);
      const label = { nl: `${moment}: ${q.label.nl}`, en: `${moment}: ${q.label.en}` };
      if (q.kind === 'scale') {
        variables.push({
          id,
          type: 'integer',
          quasiIdentifier: false,
          label,
          description: {
            nl: `Antwoord op een schaal van ${q.min} tot ${q.max} in de vertrouwelijke vragenlijst op ${MOMENT_LABEL[moment].nl}. Leeg als de student deze vraag toen niet beantwoordde.`,
            en: `Answer on a scale of ${q.min} to ${q.max} in the confidential questionnaire at ${MOMENT_LABEL[moment].en}. Empty when the student did not answer this question then.`,
          },
        });
        valueLabels[id] = {
          [String(q.min)]: { nl: `${q.min} (${q.minLabel.nl})`, en: `${q.min} (${q.minLabel.en})` },
          [String(q.max)]: { nl: `${q.max} (${q.maxLabel.nl})`, en: `${q.max} (${q.maxLabel.en})` },
        };
      } else {
        variables.push({
          id,
          type: 'category',
          quasiIdentifier: false,
          label,
          description: {
            nl: `Gekozen antwoord in de vertrouwelijke vragenlijst op ${MOMENT_LABEL[moment].nl}${q.multiple ? ' (meer codes gescheiden door +)' : ''}. Leeg als de student deze vraag toen niet beantwoordde.`,
            en: `Chosen answer in the confidential questionnaire at ${MOMENT_LABEL[moment].en}${q.multiple ? ' (several codes separated by +)' : ''}. Empty when the student did not answer this question then.`,
          },
        });
        valueLabels[id] = Object.fromEntries(q.options.map((o) => [o.id, o.label]));
      }
    }
  }
  return { variables, valueLabels, kinds };
}

export type EvaluationAnswer = { moment: EvaluationMoment; questionKey: string; scaleValue: number | null; choiceValues: readonly string[] | null };

/**
 * One person's answers as column values; a later answer to the same question and moment wins
 * (answers come oldest round first). Questions no longer in the set, and text, are left out.
 */
export function evaluationValues(columns: EvaluationColumns, answers: readonly EvaluationAnswer[]): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = Object.fromEntries(columns.variables.map((v) => [v.id, null]));
  for (const a of answers) {
    const kind = columns.kinds.get(a.questionKey);
    const id = evaluationColumn(a.moment, a.questionKey);
    if (!kind || !(id in values)) continue;
    if (kind === 'scale' && a.scaleValue !== null) values[id] = a.scaleValue;
    if (kind === 'choice' && a.choiceValues && a.choiceValues.length > 0) {
      const known = a.choiceValues.filter((c) => columns.valueLabels[id]?.[c]);
      values[id] = known.length > 0 ? [...known].sort().join('+') : null;
    }
  }
  return values;
}
