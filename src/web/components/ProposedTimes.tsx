import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_MODES, type SessionMode } from '../../domain/sessions/session-mode';
import { Field } from './Field';
import { SelectField } from './form-fields';

/** One proposed time as the person leaves it: empty date or time means "not planned". */
export type ProposedChoice = { date: string; startTime: string; mode: SessionMode };
const EMPTY: ProposedChoice = { date: '', startTime: '', mode: 'onCampus' };

/** A proposal row as the server sends it: a time with its reason, no free time, or already planned. */
type Proposal = { kind: 'slot'; date: string; startTime: string; mode: SessionMode } | { kind: 'none' } | { kind: 'alreadyPlanned' };

/**
 * The times of a proposal (a round of one-on-ones, a class's sessions per period), keyed by row,
 * as the person changes them before planning them in one go: filled from the proposal (a row
 * without a free time starts empty; one already planned is left out), changed field by field.
 */
export function useProposedChoices() {
  const [choices, setChoices] = useState<Record<string, ProposedChoice>>({});
  return {
    choices,
    /** Starts over from a new proposal. */
    fill: (rows: readonly { key: string; proposal: Proposal }[]) =>
      setChoices(Object.fromEntries(rows.flatMap(({ key, proposal: p }) => (p.kind === 'slot' ? [[key, { date: p.date, startTime: p.startTime, mode: p.mode }]] : p.kind === 'none' ? [[key, EMPTY]] : [])))),
    change: (key: string, patch: Partial<ProposedChoice>) => setChoices((all) => ({ ...all, [key]: { ...(all[key] ?? EMPTY), ...patch } })),
    /** The rows with a date and a time, in the order planned: what "Plan" sends. */
    chosen: Object.entries(choices).flatMap(([key, c]) => (c.date && c.startTime ? [{ key, ...c }] : [])),
  };
}

/**
 * One proposed time to change: the reason in plain words (or that no free time was found), then
 * date, time and whether it is on campus, online or hybrid. Labels name the row (a person, a
 * period), so a screen reader knows which time a field belongs to.
 */
export function ProposedTimeFieldset({
  legend,
  help,
  labels,
  choice,
  errors,
  onChange,
}: {
  legend: string;
  help: string;
  labels: { date: string; time: string; mode: string };
  choice: ProposedChoice | undefined;
  errors: { date?: string | undefined; time?: string | undefined };
  onChange: (patch: Partial<ProposedChoice>) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="help">{help}</p>
      <div className="grid-2">
        <Field label={labels.date} type="date" value={choice?.date ?? ''} error={errors.date} onChange={(e) => onChange({ date: e.target.value })} />
        <Field label={labels.time} type="time" value={choice?.startTime ?? ''} error={errors.time} onChange={(e) => onChange({ startTime: e.target.value })} />
        <SelectField label={labels.mode} value={choice?.mode ?? 'onCampus'} onChange={(e) => onChange({ mode: SESSION_MODES.find((m) => m === e.target.value) ?? 'onCampus' })}>
          {SESSION_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`formats.mode.${m}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}
