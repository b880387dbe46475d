/** The author's own notes of a one-on-one: private to them. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Alert } from '../../components/Alert';

export function NotesForm({ sessionId, initial }: { sessionId: string; initial: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const save = useMutation({ mutationFn: () => api(`/api/sessions/${sessionId}/one-on-one-note`, { method: 'PUT', body: { body } }) });
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="help" id="notes-help">{t('sessions.detail.oneOnOnePrivate')}</p>
      <div className="field">
        <label htmlFor="notes">{t('sessions.detail.notes')}</label>
        <textarea id="notes" aria-describedby="notes-help" rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      {save.isSuccess && <p role="status">{t('sessions.detail.notesSaved')}</p>}
      <button type="submit">{t('sessions.detail.saveNotes')}</button>
    </form>
  );
}
