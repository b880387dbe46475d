import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { splitError } from './useFieldErrors';

/**
 * The form of a sign-in or password screen: the answer's form-level message, the fields (given
 * the messages per field) and the submit button, which is off while the request runs.
 */
export function AuthForm({ error, pending, onSubmit, submitLabel, children }: { error: unknown; pending: boolean; onSubmit: () => void; submitLabel: string; children: (fields: Record<string, string>) => ReactNode }) {
  const { form, fields } = splitError(error);
  return (
    <>
      {form && <Alert kind="error">{form}</Alert>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        {children(fields)}
        <button type="submit" className="primary" disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** The e-mail address field of the sign-in and password screens. */
export function EmailField({ autoComplete, value, onChange, error }: { autoComplete: 'email' | 'username'; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return <Field label={t('signIn.email')} type="email" name="email" autoComplete={autoComplete} required value={value} onChange={(e) => onChange(e.target.value)} error={error} />;
}
