import { describe, expect, it } from 'vitest';
import { evaluationColumn, evaluationColumns, evaluationValues, type EvaluationQuestion } from './evaluation-variables';

const set: EvaluationQuestion[] = [
  { id: 'eval-a', kind: 'scale', label: { nl: 'Schaal', en: 'Scale' }, min: 1, max: 5, minLabel: { nl: 'Oneens', en: 'Disagree' }, maxLabel: { nl: 'Eens', en: 'Agree' } },
  { id: 'eval-b', kind: 'choice', label: { nl: 'Keuze', en: 'Choice' }, multiple: true, options: [{ id: 'x', label: { nl: 'Iks', en: 'Ex' } }, { id: 'y', label: { nl: 'Ij', en: 'Why' } }] },
  { id: 'eval-c', kind: 'text', label: { nl: 'Open', en: 'Open' } },
];

describe('evaluation answers as research columns', () => {
  it('makes a column per closed question and moment, never for text, none a quasi-identifier', () => {
    const columns = evaluationColumns(set);
    expect(columns.variables.map((v) => v.id)).toEqual(['T0_eval_a', 'T0_eval_b', 'T1_eval_a', 'T1_eval_b', 'T2_eval_a', 'T2_eval_b']);
    expect(columns.variables.every((v) => !v.quasiIdentifier)).toBe(true);
    expect(columns.valueLabels.T1_eval_a).toEqual({ '1': { nl: '1 (Oneens)', en: '1 (Disagree)' }, '5': { nl: '5 (Eens)', en: '5 (Agree)' } });
    expect(columns.valueLabels.T2_eval_b).toEqual({ x: { nl: 'Iks', en: 'Ex' }, y: { nl: 'Ij', en: 'Why' } });
  });

  it('turns answers into values: the later round wins, unknown questions and options are dropped, several choices joined', () => {
    const columns = evaluationColumns(set);
    const values = evaluationValues(columns, [
      { moment: 'T0', questionKey: 'eval-a', scaleValue: 2, choiceValues: null },
      { moment: 'T0', questionKey: 'eval-a', scaleValue: 4, choiceValues: null },
      { moment: 'T0', questionKey: 'eval-b', scaleValue: null, choiceValues: ['y', 'x', 'gone'] },
      { moment: 'T2', questionKey: 'eval-c', scaleValue: null, choiceValues: null },
      { moment: 'T2', questionKey: 'eval-removed', scaleValue: 3, choiceValues: null },
    ]);
    expect(values).toEqual({ T0_eval_a: 4, T0_eval_b: 'x+y', T1_eval_a: null, T1_eval_b: null, T2_eval_a: null, T2_eval_b: null });
    expect(evaluationColumn('T1', 'eval-coachee-home-programme')).toBe('T1_eval_coachee_home_programme');
  });
});
