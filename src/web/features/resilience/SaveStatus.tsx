/**
 * What the autosave is doing, in one place: "Opgeslagen", "Wordt opgeslagen…", or what went wrong
 * with a way out (try again; after a conflict: keep mine or take the newest version).
 */
import { useTranslation } from 'react-i18next';
import type { MapDraft } from './useMapDraft';

export function SaveStatus({ draft }: { draft: MapDraft }) {
  const { t } = useTranslation();
  const { state } = draft;
  return (
    <div className="rmap-save-status">
      <p role="status" className={`rmap-save-line${state.kind === 'saved' ? ' is-saved' : ''}`}>
        {state.kind === 'saved' && t('resilience.autosave.saved')}
        {(state.kind === 'saving' || state.kind === 'pending') && t('resilience.autosave.saving')}
        {state.kind === 'idle' && t('resilience.autosave.idle')}
      </p>
      {state.kind === 'error' && (
        <div role="alert" className="alert alert-error">
          <p>
            {t('resilience.autosave.failed')} <span className="help">{state.message}</span>
          </p>
          <button type="button" onClick={() => void draft.retry()}>
            {t('resilience.autosave.retry')}
          </button>
        </div>
      )}
      {state.kind === 'conflict' && (
        <div role="alert" className="alert alert-error">
          <p>{t('resilience.autosave.conflict')}</p>
          <div className="rmap-actions">
            <button type="button" onClick={() => void draft.keepMine()}>
              {t('resilience.autosave.keepMine')}
            </button>
            <button type="button" className="quiet" onClick={() => void draft.takeTheirs()}>
              {t('resilience.autosave.takeTheirs')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
