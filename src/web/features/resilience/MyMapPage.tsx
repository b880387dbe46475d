/** The coachee's own map: the map, sharing, who looked, versions, printing. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyResilienceMapResponse, ResilienceMapResponse, ShareMode } from '../../../contracts/resilience';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { keys, revokeShare, shareMap, useCoachingDataConsent, useMyMap } from './api';
import { MapEditor } from './MapEditor';
import { PrintPanel } from './PrintPanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import './resilience.css';
import { formatDateTime } from '../../format';

export function MyMapPage() {
  const { t } = useTranslation();
  const query = useMyMap();
  useDocumentTitle(t('resilience.title'));
  if (!query.data) return <PageState query={query} />;
  const map = query.data;
  const saved = savedMap(map);
  const shared = map.shares ?? [];
  return (
    <div className="stack">
      <h1>{t('resilience.title')}</h1>
      <p>{t('resilience.intro')}</p>
      <p className="rmap-privacy">
        {shared.length === 0 ? t('resilience.private') : t('resilience.sharedWith', { names: shared.map((s) => `${s.firstName} ${s.lastName}`).join(', ') })}
      </p>
      <MapEditor map={map} editable queryKey={keys.myMap} />
      {saved ? (
        <>
          <SharingPanel map={saved} />
          <ReadsPanel map={saved} />
          <SnapshotsPanel map={saved} canSave queryKey={keys.myMap} />
          <PrintPanel mapId={saved.id} />
        </>
      ) : (
        <p className="card rmap-noprint">{t('resilience.notSavedYet')}</p>
      )}
    </div>
  );
}

/** The map once it was saved (it has an id then); null before the first save, when there is nothing to share, keep or print. */
const savedMap = (map: MyResilienceMapResponse): ResilienceMapResponse | null =>
  map.id !== null && map.updatedAt !== null ? { ...map, id: map.id, updatedAt: map.updatedAt } : null;

function SharingPanel({ map }: { map: ResilienceMapResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const shareable = map.shareable ?? [];
  const consented = useCoachingDataConsent();
  return (
    <section className="card rmap-noprint" aria-labelledby="rmap-sharing-title">
      <h2 id="rmap-sharing-title">{t('resilience.sections.sharing')}</h2>
      <p>{t('resilience.sharing.intro')}</p>
      {shareable.length === 0 && <p>{t('resilience.sharing.noCoach')}</p>}
      {consented === false && shareable.length > 0 && (
        <p className="rmap-consent-note">
          {t((map.shares ?? []).length > 0 ? 'resilience.sharing.consentPaused' : 'resilience.sharing.consentNeeded')}{' '}
          <Link to="/privacy/consents">{t('resilience.sharing.toConsents')}</Link>
        </p>
      )}
      {consented !== false && shareable.map((person) => (
        <ShareChoice
          key={person.personId}
          name={`${person.firstName} ${person.lastName}`}
          current={map.shares?.find((s) => s.personId === person.personId)?.mode ?? 'none'}
          onApply={async (mode) => {
            const name = `${person.firstName} ${person.lastName}`;
            try {
              if (mode === 'none') await revokeShare(map.id, person.personId);
              else await shareMap(map.id, person.personId, mode);
              setStatus({
                kind: 'success',
                text: t(mode === 'none' ? 'resilience.sharing.revoked' : mode === 'view' ? 'resilience.sharing.sharedView' : 'resilience.sharing.sharedEdit', { name }),
              });
              await client.invalidateQueries({ queryKey: keys.myMap });
            } catch (error) {
              setStatus({ kind: 'error', text: (error as Error).message });
            }
          }}
        />
      ))}
      {consented === false &&
        (map.shares ?? []).map((s) => {
          const name = `${s.firstName} ${s.lastName}`;
          return (
            <div key={s.personId} className="rmap-actions">
              <button
                type="button"
                className="rmap-button danger"
                onClick={() => {
                  revokeShare(map.id, s.personId)
                    .then(() => {
                      setStatus({ kind: 'success', text: t('resilience.sharing.revoked', { name }) });
                      return client.invalidateQueries({ queryKey: keys.myMap });
                    })
                    .catch((error: Error) => setStatus({ kind: 'error', text: error.message }));
                }}
              >
                {t('resilience.sharing.revoke', { name })}
              </button>
            </div>
          );
        })}
      {status && <Alert kind={status.kind}>{status.text}</Alert>}
    </section>
  );
}

function ShareChoice({ name, current, onApply }: { name: string; current: ShareMode | 'none'; onApply: (mode: ShareMode | 'none') => Promise<void> }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ShareMode | 'none'>(current);
  const options: (ShareMode | 'none')[] = ['none', 'view', 'edit'];
  return (
    <form
      className="rmap-share"
      onSubmit={(e) => {
        e.preventDefault();
        void onApply(mode);
      }}
    >
      <fieldset>
        <legend>{t('resilience.sharing.state', { name })}</legend>
        {options.map((option) => (
          <label key={option} className="rmap-radio">
            <input type="radio" name={`share-${name}`} value={option} checked={mode === option} onChange={() => setMode(option)} />
            {t(`resilience.sharing.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="rmap-actions">
        <button type="submit" className="rmap-button">
          {t('resilience.sharing.apply', { name })}
        </button>
        {current !== 'none' && (
          <button
            type="button"
            className="rmap-button danger"
            onClick={() => {
              setMode('none');
              void onApply('none');
            }}
          >
            {t('resilience.sharing.revoke', { name })}
          </button>
        )}
      </div>
      <p className="help">
        {current === 'none' ? t('resilience.sharing.notShared', { name }) : t(current === 'view' ? 'resilience.sharing.sharedView' : 'resilience.sharing.sharedEdit', { name })}
      </p>
    </form>
  );
}

function ReadsPanel({ map }: { map: ResilienceMapResponse }) {
  const { t } = useTranslation();
  const reads = map.reads ?? [];
  const format = (at: string) => formatDateTime(at, 'medium');
  return (
    <section className="card rmap-noprint" aria-labelledby="rmap-reads-title">
      <h2 id="rmap-reads-title">{t('resilience.sections.reads')}</h2>
      {reads.length === 0 ? (
        <p>{t('resilience.reads.none')}</p>
      ) : (
        <ul className="rows">
          {reads.slice(0, 20).map((r, i) => (
            <li key={i}>{t('resilience.reads.item', { name: r.firstName || r.lastName ? `${r.firstName} ${r.lastName}`.trim() : t('resilience.reads.unknownReader'), what: t(`resilience.reads.what.${r.what}`), at: format(r.at), count: r.count })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
