import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What a form control inside a FieldFrame gets: its id and what describes it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, help text and error around one form control, the help and error announced with it. */
export function FieldFrame({ label, help, error, children }: { label: string; help?: string | undefined; error?: string | undefined; children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; help?: string; error?: string | undefined };

/** A labelled input whose help text and error are announced with it. */
export function Field({ label, help, error, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} help={help} error={error}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}
