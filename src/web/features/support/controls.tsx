/** Labelled form controls of the support screens: help and errors announced with the control. */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { formatDate as formatAny } from '../../format';

const describedBy = (id: string, help?: string, error?: string) =>
  [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

function Messages({ id, help, error }: { id: string; help?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

type Common = { label: string; help?: string | undefined; error?: string | undefined };

export function SelectField({ label, help, error, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className="support-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...select}>
        {children}
      </select>
      <Messages id={id} help={help} error={error} />
    </div>
  );
}

export function TextAreaField({ label, help, error, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="support-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...area} />
      <Messages id={id} help={help} error={error} />
    </div>
  );
}

export function CheckboxField({ label, help, error, checked, onChange, required }: Common & { checked: boolean; onChange: (checked: boolean) => void; required?: boolean }) {
  const id = useId();
  return (
    <div className="support-field">
      <div className="choice">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, help, error)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Messages id={id} help={help} error={error} />
    </div>
  );
}

/** A radio group in a fieldset, each option with its own help text. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: V;
  options: { value: V; label: string; help?: string }[];
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div className="support-field">
      <fieldset>
        <legend>{legend}</legend>
        {options.map((o) => (
          <div key={o.value} className="choice">
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.help ? `${id}-${o.value}-help` : undefined}
              onChange={() => onChange(o.value)}
            />
            <div>
              <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
              {o.help && (
                <p className="help" id={`${id}-${o.value}-help`}>
                  {o.help}
                </p>
              )}
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export const formatDate = (iso: string, lang: string) => formatAny(iso, 'long', lang);
