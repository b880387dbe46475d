/** Small form pieces of the programme screens: labelled select, textarea, checkbox, errors. */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api';
import { FieldFrame } from './Field';

export function SelectField({ label, help, error, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; help?: string; error?: string | undefined; children: ReactNode }) {
  return (
    <FieldFrame label={label} help={help} error={error}>
      {(control) => (
        <select {...control} {...rest}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ label, help, error, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; help?: string; error?: string | undefined }) {
  return <FieldFrame label={label} help={help} error={error}>{(control) => <textarea rows={4} {...control} {...rest} />}</FieldFrame>;
}

export function CheckField({ label, help, checked, onChange, error }: { label: string; help?: string; checked: boolean; onChange: (v: boolean) => void; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="check-field">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={help || error ? `${id}-help` : undefined} />
      <label htmlFor={id}>{label}</label>
      {(help || error) && (
        <p className={error ? 'field-error' : 'help'} id={`${id}-help`}>
          {error ?? help}
        </p>
      )}
    </div>
  );
}

/** Field messages from a 400 answer by path, and the form-level message. */
export function errorsOf(error: unknown): { form: string | null; fields: Record<string, string>; code: string | null } {
  if (!error) return { form: null, fields: {}, code: null };
  if (error instanceof ApiError) return { form: error.message, fields: Object.fromEntries(error.fields.map((f) => [f.path, f.message])), code: error.code };
  return { form: error instanceof Error ? error.message : null, fields: {}, code: null };
}

export const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
export const personName = (p: { firstName: string; lastName?: string } | null | undefined) => (p ? `${p.firstName} ${p.lastName ?? ''}`.trim() : '');

/** A wide table that scrolls sideways on a phone; focusable so keyboard users can scroll it. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** The head row of a table; numeric columns are aligned right. */
export function TableHead({ columns }: { columns: { label: string; num?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.num ? 'num' : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
