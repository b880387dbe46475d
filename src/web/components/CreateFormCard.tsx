import type { ReactNode } from 'react';
import { Alert } from './Alert';

/**
 * A card with a form that creates one thing: the answer's message or the success message, the
 * fields in two columns and a button named like the card.
 */
export function CreateFormCard({ id, title, error, success, pending, onSubmit, children }: { id: string; title: string; error: string | null; success: string | null; pending: boolean; onSubmit: () => void; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {success && <Alert kind="success">{success}</Alert>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <div className="grid-2">{children}</div>
        <button type="submit" className="primary" disabled={pending}>
          {title}
        </button>
      </form>
    </section>
  );
}
