/** Small labelled form controls for this feature, following components/Field.tsx. */
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '../../components/Field';

export function TextArea({ label, help, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; help?: string }) {
  return <FieldFrame label={label} help={help}>{(control) => <textarea rows={2} className="rmap-textarea" {...control} {...rest} />}</FieldFrame>;
}

export function Select({ label, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  return (
    <FieldFrame label={label}>
      {(control) => (
        <select {...control} {...rest}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
