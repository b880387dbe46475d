/** The organiser's logbook of a session: the logbook questions, the activities used, for intervision or not. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionSet } from '../../../contracts/content/questions';
import type { LogbookEntryResponse, SessionDetailResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ActivitiesUsedField } from './ActivitiesUsedField';
import { lang, QuestionField, type Answer } from './SessionQuestions';

export function LogbookForm({ session, set }: { session: SessionDetailResponse; set: QuestionSet }) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const existing = useQuery({ queryKey: ['logbook', session.id], queryFn: () => api<LogbookEntryResponse>(`/api/sessions/${session.id}/logbook`) });
  if (existing.isPending) return null;
  return <LogbookFields key={existing.data?.entry?.id ?? 'new'} session={session} set={set} language={language} initial={existing.data?.entry ?? null} t={t} />;
}

function LogbookFields({ session, set, language, initial, t }: { session: SessionDetailResponse; set: QuestionSet; language: 'nl' | 'en'; initial: LogbookEntryResponse['entry']; t: (k: string) => string }) {
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>(initial?.answers ?? {});
  const [forIntervision, setForIntervision] = useState(initial?.forIntervision ?? false);
  // A new entry starts from the session plan: most of the time that is what was done.
  const [activityIds, setActivityIds] = useState<string[]>(() => initial?.activityIds ?? [...new Set(session.plan?.activityIds ?? [])]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/logbook`, { method: 'PUT', body: { answers, activityIds, forIntervision } }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['sessions'] });
      void client.invalidateQueries({ queryKey: ['logbooks'] });
    },
  });
  return (
    <section className="card" aria-labelledby="logbook-title" id="logbook">
      <h2 id="logbook-title">{t('sessions.detail.logbook')}</h2>
      {set.intro && <p className="help">{set.intro[language]}</p>}
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {set.questions.map((q) => (
          <QuestionField key={q.id} q={q} language={language} value={answers[q.id]} onChange={(v) => setAnswers({ ...answers, [q.id]: v })} />
        ))}
        <ActivitiesUsedField
          session={session}
          known={initial?.activities ?? []}
          selected={activityIds}
          onChange={(ids) => {
            setSaved(false);
            setActivityIds(ids);
          }}
        />
        <label className="check">
          <input type="checkbox" checked={forIntervision} onChange={(e) => setForIntervision(e.target.checked)} />
          {t('sessions.detail.forIntervision')}
        </label>
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        {saved && <p role="status">{t('sessions.detail.logbookSaved')}</p>}
        <button type="submit">{t('sessions.detail.saveLogbook')}</button>
      </form>
    </section>
  );
}
