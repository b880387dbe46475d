import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupingOptionsResponse, StartGroupingRequest } from '../../../contracts/grouping';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, errorsOf, SelectField } from '../../components/form-fields';
import { groupingApi } from './api';

type Key = GroupingOptionsResponse['attributes'][number]['attribute'];
type Pair = [string, string];

/** Scope, attributes with weights, size bounds and wishes; starts a run. */
export function SetupForm({ intakeId, options, onStarted }: { intakeId: string; options: GroupingOptionsResponse; onStarted: (runId: string) => void }) {
  const { t } = useTranslation();
  const [classId, setClassId] = useState<string>('');
  const [perClass, setPerClass] = useState(false);
  const [chosen, setChosen] = useState<Partial<Record<Key, number>>>(() => Object.fromEntries(options.attributes.filter((a) => a.attribute !== 'class').map((a) => [a.attribute, 1])));
  const [min, setMin] = useState(String(options.sizeBounds.min));
  const [max, setMax] = useState(String(options.sizeBounds.max));
  const [seconds, setSeconds] = useState('5');
  const [together, setTogether] = useState<Pair[]>([]);
  const [apart, setApart] = useState<Pair[]>([]);
  const [placed, setPlaced] = useState<{ studentId: string; label: string }[]>([]);
  const start = useMutation({
    mutationFn: (body: StartGroupingRequest) => groupingApi.start(intakeId, body),
    onSuccess: (run) => onStarted(run.id),
  });
  const { form, fields } = errorsOf(start.error);
  const inScope = options.students.filter((s) => classId === '' || options.classes.find((c) => c.id === classId)?.code === s.classCode);
  const nameOf = (id: string) => {
    const s = options.students.find((x) => x.id === id);
    return s ? `${s.firstName} ${s.lastName}` : '';
  };
  const attributeName = (key: Key) => t(`grouping.attributes.${key}.name`);

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({
          classId: classId === '' ? null : classId,
          attributes: Object.entries(chosen).map(([key, weight]) => ({ key: key as Key, weight: weight ?? 1 })),
          perClass,
          sizeBounds: { min: Number(min), max: Number(max) },
          keepTogether: together,
          keepApart: apart,
          prePlaced: placed,
          seconds: Number(seconds),
        });
      }}
    >
      <p>{t('grouping.run.intro')}</p>
      {form && <Alert kind="error">{form}</Alert>}
      <section className="card stack-sm" aria-labelledby="scope-title">
        <h2 id="scope-title">{t('grouping.run.scope')}</h2>
        <SelectField label={t('grouping.run.scopeLabel')} value={classId} onChange={(e) => setClassId(e.target.value)} error={fields.classId}>
          <option value="">{t('grouping.run.scopeIntake')} ({options.students.length})</option>
          {options.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {t('grouping.run.scopeClass', { code: c.code, count: c.unplaced })}
            </option>
          ))}
        </SelectField>
        <CheckField label={t('grouping.run.perClass')} checked={perClass} onChange={setPerClass} />
      </section>

      <fieldset className="card">
        <legend>{t('grouping.run.attributesLegend')}</legend>
        {options.attributes.length === 0 && <p>{t('grouping.run.noAttributes')}</p>}
        {options.attributes.map((a) => {
          const on = chosen[a.attribute] !== undefined;
          return (
            <div key={a.attribute} className="attribute-row">
              <CheckField
                label={t('grouping.run.use', { name: attributeName(a.attribute) })}
                help={a.sensitivity === 'enrolment' ? t('grouping.sensitivity.enrolment') : t('grouping.run.disclosed', { count: a.disclosed, total: options.students.length })}
                checked={on}
                onChange={(v) => {
                  const next = { ...chosen };
                  if (v) next[a.attribute] = 1;
                  else delete next[a.attribute];
                  setChosen(next);
                }}
              />
              {on && (
                <SelectField label={t('grouping.run.weight', { name: attributeName(a.attribute) })} value={String(chosen[a.attribute])} onChange={(e) => setChosen({ ...chosen, [a.attribute]: Number(e.target.value) })}>
                  {[1, 2, 3].map((w) => (
                    <option key={w} value={w}>
                      {t(`grouping.run.weights.${w}`)}
                    </option>
                  ))}
                </SelectField>
              )}
            </div>
          );
        })}
        {fields['attributes'] && <p className="field-error">{fields['attributes']}</p>}
      </fieldset>

      <fieldset className="card">
        <legend>{t('grouping.run.sizeLegend')}</legend>
        <div className="grid-2">
          <Field label={t('grouping.run.sizeMin')} type="number" inputMode="numeric" min={2} max={30} value={min} onChange={(e) => setMin(e.target.value)} error={fields['sizeBounds.min']} />
          <Field label={t('grouping.run.sizeMax')} type="number" inputMode="numeric" min={2} max={30} value={max} onChange={(e) => setMax(e.target.value)} error={fields['sizeBounds.max']} />
          <Field label={t('grouping.run.seconds')} type="number" inputMode="numeric" min={1} max={120} value={seconds} onChange={(e) => setSeconds(e.target.value)} error={fields.seconds} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('grouping.run.wishesLegend')}</legend>
        <PairPicker title={t('grouping.run.keepTogether')} students={inScope} pairs={together} onChange={setTogether} nameOf={nameOf} />
        <PairPicker title={t('grouping.run.keepApart')} students={inScope} pairs={apart} onChange={setApart} nameOf={nameOf} />
        <PrePlacePicker students={inScope} placed={placed} onChange={setPlaced} nameOf={nameOf} />
      </fieldset>

      <button type="submit" className="primary" disabled={start.isPending || options.attributes.length === 0 || Object.keys(chosen).length === 0}>
        {t('grouping.run.start')}
      </button>
    </form>
  );
}

type StudentOption = GroupingOptionsResponse['students'][number];

function StudentSelect({ label, students, value, onChange }: { label: string; students: StudentOption[]; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('grouping.run.choose')}</option>
      {students.map((s) => (
        <option key={s.id} value={s.id}>
          {s.firstName} {s.lastName} ({s.classCode})
        </option>
      ))}
    </SelectField>
  );
}

function PairPicker({ title, students, pairs, onChange, nameOf }: { title: string; students: StudentOption[]; pairs: Pair[]; onChange: (p: Pair[]) => void; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  return (
    <div className="wish">
      <h3>{title}</h3>
      <div className="grid-2">
        <StudentSelect label={`${title}: ${t('grouping.run.first')}`} students={students} value={a} onChange={setA} />
        <StudentSelect label={`${title}: ${t('grouping.run.second')}`} students={students} value={b} onChange={setB} />
      </div>
      <button
        type="button"
        className="secondary"
        disabled={a === '' || b === '' || a === b}
        onClick={() => {
          onChange([...pairs, [a, b]]);
          setA('');
          setB('');
        }}
      >
        {t('grouping.run.add')}
        <span className="visually-hidden">: {title}</span>
      </button>
      {pairs.length > 0 && (
        <ul className="rows">
          {pairs.map(([x, y], i) => {
            const what = t('grouping.run.pair', { a: nameOf(x), b: nameOf(y) });
            return (
              <li key={`${x}-${y}`}>
                {what}{' '}
                <button type="button" className="link-button" onClick={() => onChange(pairs.filter((_, k) => k !== i))}>
                  {t('grouping.run.remove', { what })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function PrePlacePicker({ students, placed, onChange, nameOf }: { students: StudentOption[]; placed: { studentId: string; label: string }[]; onChange: (p: { studentId: string; label: string }[]) => void; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const [student, setStudent] = useState('');
  const [label, setLabel] = useState('');
  return (
    <div className="wish">
      <h3>{t('grouping.run.prePlaced')}</h3>
      <div className="grid-2">
        <StudentSelect label={`${t('grouping.run.prePlaced')}: ${t('grouping.run.student')}`} students={students} value={student} onChange={setStudent} />
        <Field label={t('grouping.run.label')} value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <button
        type="button"
        className="secondary"
        disabled={student === '' || label.trim() === ''}
        onClick={() => {
          onChange([...placed.filter((p) => p.studentId !== student), { studentId: student, label: label.trim() }]);
          setStudent('');
        }}
      >
        {t('grouping.run.add')}
        <span className="visually-hidden">: {t('grouping.run.prePlaced')}</span>
      </button>
      {placed.length > 0 && (
        <ul className="rows">
          {placed.map((p) => {
            const what = t('grouping.run.placed', { name: nameOf(p.studentId), label: p.label });
            return (
              <li key={p.studentId}>
                {what}{' '}
                <button type="button" className="link-button" onClick={() => onChange(placed.filter((x) => x.studentId !== p.studentId))}>
                  {t('grouping.run.remove', { what })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
