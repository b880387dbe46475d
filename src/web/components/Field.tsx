import { lazy, Suspense, useId, type ChangeEvent, type FocusEvent, type InputHTMLAttributes, type ReactNode } from 'react';

// Date and time fields are react-aria (about 44 KB compressed): fetched the first time a form shows
// one, so the many pages with plain fields (sign-in, the resilience map, …) do not load it (#20
// item 7). A failed fetch is caught by the page's boundary (app/lazy-page.tsx), which offers a reload.
const DateTimeField = lazy(() => import('./DateTimeField').then((m) => ({ default: m.DateTimeField })));

/**
 * What a date or time field shows while its code arrives: its label, help and error and an empty
 * box of the same height, so nothing moves when the field replaces it.
 */
function DateTimeFieldLoading({ label, help, error }: { label: string; help?: string | undefined; error?: string | undefined }) {
  return (
    <div className="field date-field" aria-busy="true">
      <span>{label}</span>
      {help && <p className="help">{help}</p>}
      <div className="date-input" />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

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

const DATE_TIME_KINDS = ['date', 'time', 'datetime-local'] as const;

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; help?: string; error?: string | undefined };

/**
 * A labelled input whose help text and error are announced with it. Dates and times
 * (`type="date" | "time" | "datetime-local"`) become a DateTimeField in the chosen language; its
 * handlers get `{ target: { value } }` with the same string a native input gives.
 */
export function Field({ label, help, error, ...input }: FieldProps) {
  const kind = DATE_TIME_KINDS.find((k) => k === input.type) ?? null;
  if (kind) {
    const { onChange, onBlur } = input;
    // The handlers only read target.value (and name): give them just that.
    const event = (value: string) => ({ target: { value, name: input.name ?? '' }, currentTarget: { value, name: input.name ?? '' } });
    return (
      <Suspense fallback={<DateTimeFieldLoading label={label} help={help} error={error} />}>
        <DateTimeField
          kind={kind}
          label={label}
          help={help}
          error={error}
          value={typeof input.value === 'string' ? input.value : undefined}
          defaultValue={typeof input.defaultValue === 'string' ? input.defaultValue : undefined}
          onChange={onChange ? (value) => onChange(event(value) as unknown as ChangeEvent<HTMLInputElement>) : undefined}
          onBlur={onBlur ? (value) => onBlur(event(value) as unknown as FocusEvent<HTMLInputElement>) : undefined}
          min={typeof input.min === 'string' ? input.min : undefined}
          max={typeof input.max === 'string' ? input.max : undefined}
          required={input.required}
          disabled={input.disabled}
          name={input.name}
        />
      </Suspense>
    );
  }
  return (
    <FieldFrame label={label} help={help} error={error}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}
