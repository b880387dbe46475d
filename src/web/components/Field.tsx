import { lazy, startTransition, Suspense, useEffect, useId, useState, type ChangeEvent, type FocusEvent, type InputHTMLAttributes, type ReactNode } from 'react';

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

let firstLoadDone = false;

/**
 * Whether the page's first load is over: the window has loaded and the browser has had an idle
 * moment. Until then date and time fields show their stand-in, so a page whose form sits below its
 * content (a coach's session page: "move this session") paints and answers first and fetches
 * react-aria after (#20 item 7: it cost a phone about 250 ms of main thread before the first
 * paint). The switch is a transition, which React renders in small slices. After the first load
 * (any later page) fields appear at once, as before.
 */
function useAfterFirstLoad(): boolean {
  const [done, setDone] = useState(firstLoadDone);
  useEffect(() => {
    if (done) return;
    let cancelled = false;
    const finish = () => {
      if (cancelled) return;
      firstLoadDone = true;
      startTransition(() => setDone(true));
    };
    const whenIdle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(finish, { timeout: 1000 }) : window.setTimeout(finish, 100));
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', whenIdle);
    };
  }, [done]);
  return done;
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
  if (kind) return <DeferredDateTimeField kind={kind} label={label} help={help} error={error} {...input} />;
  return (
    <FieldFrame label={label} help={help} error={error}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

/** A date or time Field: its stand-in during the page's first load, then react-aria's field. */
function DeferredDateTimeField({ kind, label, help, error, ...input }: FieldProps & { kind: (typeof DATE_TIME_KINDS)[number] }) {
  const loaded = useAfterFirstLoad();
  if (!loaded) return <DateTimeFieldLoading label={label} help={help} error={error} />;
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
