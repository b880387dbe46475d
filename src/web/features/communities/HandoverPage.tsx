import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CheckField, errorsOf, personName, TextAreaField } from '../../components/form-fields';
import { communityApi } from './api';
import { formatDateTime } from '../../format';

/** One handover: the leaving coach writes the note, the new coach reads it, the coordinator completes. */
export function HandoverPage() {
  const { t } = useTranslation();
  const { handoverId = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['communities', 'handover', handoverId], queryFn: () => communityApi.handover(handoverId) });
  const [note, setNote] = useState<string | null>(null);
  const save = useMutation({ mutationFn: () => communityApi.writeNote(handoverId, note ?? ''), onSuccess: () => client.invalidateQueries({ queryKey: ['communities'] }) });
  const [overrideFull, setOverrideFull] = useState(false);
  const complete = useMutation({ mutationFn: () => communityApi.complete(handoverId, overrideFull), onSuccess: () => client.invalidateQueries({ queryKey: ['communities'] }) });
  const completeError = errorsOf(complete.error);
  useDocumentTitle(query.data ? t('programme.handover.title', { community: query.data.communityName }) : t('programme.common.loading'));
  if (!query.data) return <PageState query={query} />;
  const h = query.data;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, 'full') : t('programme.handover.introNone'));
  const { fields } = errorsOf(save.error);
  return (
    <div className="stack">
      <h1>{t('programme.handover.title', { community: h.communityName })}</h1>
      {complete.isSuccess && <Alert kind="success">{t('programme.handover.completed')}</Alert>}
      {complete.error && (
        <Alert kind="error">
          {completeError.form} {completeError.fields.moves}
        </Alert>
      )}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">
          {t('programme.handover.title', { community: h.communityName })}
        </h2>
        <dl>
          <dt>{t('programme.communities.mode')}</dt>
          <dd>{t(`programme.communities.modes.${h.mode}`)}</dd>
          <dt>{t('programme.handover.from')}</dt>
          <dd>{personName(h.fromCoach) || '–'}</dd>
          {h.mode === 'newCoach' && (
            <>
              <dt>{t('programme.handover.to')}</dt>
              <dd>{personName(h.toCoach) || '–'}</dd>
            </>
          )}
          <dt>{t('programme.handover.intro')}</dt>
          <dd>{when(h.introProposedAt)}</dd>
          <dt>{t('programme.communities.history')}</dt>
          <dd>{t(`programme.handover.status.${h.status}`)}</dd>
        </dl>
        {h.moves.length > 0 && (
          <>
            <h3>{t('programme.handover.moves')}</h3>
            <ul className="rows">
              {h.moves.map((m) => (
                <li key={m.person.id}>
                  {personName(m.person)} → {m.community.name}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="note-title">
        <h2 id="note-title">{t('programme.handover.note')}</h2>
        {h.canWriteNote ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            {save.isSuccess && <Alert kind="success">{t('programme.handover.noteSaved')}</Alert>}
            <TextAreaField label={t('programme.handover.note')} help={t('programme.handover.noteHelp')} rows={8} value={note ?? h.note ?? ''} onChange={(e) => setNote(e.target.value)} error={fields.note} />
            <button type="submit" className="primary" disabled={save.isPending}>
              {t('programme.handover.saveNote')}
            </button>
          </form>
        ) : h.note !== null ? (
          <p className="mail-body">{h.note}</p>
        ) : (
          <p>{h.noteWritten ? t('programme.handover.noteHidden') : t('programme.handover.noteMissing')}</p>
        )}
        {h.noteWritten && !h.canWriteNote && h.note === null && <p className="help">{t('programme.handover.noteWritten')}</p>}
      </section>
      {h.canComplete && (
        <section className="card" aria-labelledby="complete-title">
          <h2 id="complete-title">{t('programme.handover.complete')}</h2>
          <p>{t(h.mode === 'redistribute' ? 'programme.handover.completeHelpSpread' : 'programme.handover.completeHelp')}</p>
          {!h.noteWritten && <p>{t('programme.handover.noteMissing')}</p>}
          {completeError.code === 'community_full' && <CheckField label={t('programme.handover.completeOverride')} checked={overrideFull} onChange={setOverrideFull} />}
          <button type="button" className="primary" disabled={complete.isPending} onClick={() => complete.mutate()}>
            {t('programme.handover.complete')}
          </button>
        </section>
      )}
      <p>
        <Link to="/">{t('app.backHome')}</Link>
      </p>
    </div>
  );
}
