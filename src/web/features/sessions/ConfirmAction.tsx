import { useState } from 'react';
import { Alert } from '../../components/Alert';

/**
 * A destructive action behind a second click: the error of the last try, then either the action
 * button or the question with "do it" and "keep" buttons.
 */
export function ConfirmAction({ label, question, keep, error, pending, onConfirm }: { label: string; question: string; keep: string; error: Error | null; pending: boolean; onConfirm: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {error && <Alert kind="error">{error.message}</Alert>}
      {confirming ? (
        <div className="stack-sm">
          <p role="alert">{question}</p>
          <div className="button-row">
            <button type="button" className="session-danger" onClick={onConfirm} disabled={pending}>
              {label}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {keep}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {label}
        </button>
      )}
    </>
  );
}
