/** Small form pieces of the programme screens: labelled select, textarea, checkbox, errors. */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api';

export function SelectField({ label, help, error, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; help?: string; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && <p className="help" id={`${id}-help`}>{help}</p>}
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest}>
        {children}
      </select>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

export function TextAreaField({ label, help, error, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; help?: string; error?: string | undefined }) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && <p className="help" id={`${id}-help`}>{help}</p>}
      <textarea id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
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
