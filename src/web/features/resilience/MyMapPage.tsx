/**
 * The coachee's own map in four short steps: the picture, people and places, goals, and sharing
 * (with who looked, versions and printing). The step is in the address (?step=…), so a reload or
 * the back button keeps it. Everything saves by itself; one line says whether it is saved.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MyResilienceMapResponse, ResilienceMapResponse, ShareMode } from '../../../contracts/resilience';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, formatDateTime } from '../../format';
import { keys, revokeShare, shareMap, useCoachingDataConsent, useMyMap } from './api';
import { GoalsPart, PeoplePart, PicturePart, useMyMapDraft } from './MapEditor';
import { PrintPanel } from './PrintPanel';
import { SaveStatus } from './SaveStatus';
import { SnapshotsPanel } from './SnapshotsPanel';
import './resilience.css';

export const STEPS = ['picture', 'people', 'goals', 'sharing'] as const;
export type Step = (typeof STEPS)[number];
const isStep = (value: string | null): value is Step => (STEPS as readonly string[]).includes(value ?? '');

export function MyMapPage() {
  const { t } = useTranslation();
  const query = useMyMap();
  const [params] = useSearchParams();
  const step = isStep(params.get('step')) ? (params.get('step') as Step) : 'picture';
  useDocumentTitle(`${t(`resilience.steps.${step}`)} · ${t('resilience.title')}`);
  if (!query.data) return <PageState query={query} />;
  return <MyMap map={query.data} step={step} />;
}

function MyMap({ map, step }: { map: MyResilienceMapResponse; step: Step }) {
  const { t } = useTranslation();
  const draft = useMyMapDraft(map, keys.myMap);
  const [, setParams] = useSearchParams();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const index = STEPS.indexOf(step);
  const shared = map.shares ?? [];
  const saved = savedMap(map);

  // A new step: save what is waiting and move focus to the step's heading (not on the first render).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    draft.flush();
    heading.current?.focus();
  }, [step, draft.flush]);

  const go = (to: Step) => setParams(to === 'picture' ? {} : { step: to });
  return (
    <div className="stack rmap">
      <h1>{t('resilience.title')}</h1>
      <p className="rmap-privacy">
        {shared.length === 0 ? t('resilience.private') : t('resilience.sharedWith', { names: shared.map((s) => `${s.firstName} ${s.lastName}`).join(', ') })}
      </p>
      <nav aria-label={t('resilience.steps.nav')} className="rmap-steps rmap-noprint">
        <ol>
          {STEPS.map((s, i) => (
            <li key={s}>
              <Link to={s === 'picture' ? '/resilience' : `/resilience?step=${s}`} aria-current={s === step ? 'step' : undefined} onClick={() => draft.flush()}>
                <span className="rmap-step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>{t(`resilience.steps.${s}`)}</span>
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="rmap-step-head">
        <p className="rmap-step-of">{t('resilience.steps.of', { step: index + 1, total: STEPS.length })}</p>
        <h2 ref={heading} tabIndex={-1} className="rmap-step-title">
          {t(`resilience.steps.${step}`)}
        </h2>
        <p className="help">{t(`resilience.steps.help.${step}`)}</p>
      </div>
      {step !== 'sharing' && <SaveStatus draft={draft} />}

      {step === 'picture' && (
        <>
          {draft.content.resources.length === 0 && (
            <p className="card">
              {t('resilience.steps.emptyPicture')} <Link to="/resilience?step=people">{t('resilience.steps.toPeople')}</Link>
            </p>
          )}
          <PicturePart draft={draft} map={map} editable />
        </>
      )}
      {step === 'people' && <PeoplePart draft={draft} map={map} editable />}
      {step === 'goals' && <GoalsPart draft={draft} map={map} editable />}
      {step === 'sharing' &&
        (saved ? (
          <>
            <SharingPanel map={saved} />
            <ReadsPanel map={saved} />
            <SnapshotsPanel map={{ ...saved, content: draft.content }} canSave queryKey={keys.myMap} folded />
            <PrintPanel mapId={saved.id} />
          </>
        ) : (
          <p className="card">{t('resilience.notSavedYet')}</p>
        ))}

      <div className="rmap-step-nav rmap-noprint">
        {index > 0 && (
          <button type="button" onClick={() => go(STEPS[index - 1]!)}>
            ← {t('resilience.steps.previous', { name: t(`resilience.steps.${STEPS[index - 1]!}`) })}
          </button>
        )}
        {index < STEPS.length - 1 && (
          <button type="button" className="primary" onClick={() => go(STEPS[index + 1]!)}>
            {t('resilience.steps.next', { name: t(`resilience.steps.${STEPS[index + 1]!}`) })} →
          </button>
        )}
      </div>
    </div>
  );
}

/** The map once it was saved (it has an id then); null before the first save, when there is nothing to share, keep or print. */
const savedMap = (map: MyResilienceMapResponse): ResilienceMapResponse | null =>
  map.id !== null && map.updatedAt !== null ? { ...map, id: map.id, updatedAt: map.updatedAt } : null;

/**
 * Sharing, per coach: not shared (choose how, then share), or shared (how, since when, change how,
 * and the one way to stop, which says what the coach no longer sees). Without consent for coaching
 * data nobody sees the map: a standing share can still be stopped, a new one waits for consent.
 */
function SharingPanel({ map }: { map: ResilienceMapResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const consented = useCoachingDataConsent();
  const shares = map.shares ?? [];
  const people = [...(map.shareable ?? [])];
  for (const s of shares) if (!people.some((p) => p.personId === s.personId)) people.push({ personId: s.personId, firstName: s.firstName, lastName: s.lastName });

  const apply = async (personId: string, name: string, mode: ShareMode | 'none') => {
    setBusy(true);
    try {
      if (mode === 'none') await revokeShare(map.id, personId);
      else await shareMap(map.id, personId, mode);
      setStatus({ kind: 'success', text: t(mode === 'none' ? 'resilience.sharing.revoked' : mode === 'view' ? 'resilience.sharing.sharedView' : 'resilience.sharing.sharedEdit', { name }) });
      await client.invalidateQueries({ queryKey: keys.myMap });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card rmap-noprint" aria-labelledby="rmap-sharing-title">
      <h2 id="rmap-sharing-title">{t('resilience.sections.sharing')}</h2>
      <p>{t('resilience.sharing.intro')}</p>
      {people.length === 0 && <p>{t('resilience.sharing.noCoach')}</p>}
      {consented === false && people.length > 0 && (
        <p className="rmap-consent-note">
          {t(shares.length > 0 ? 'resilience.sharing.consentPaused' : 'resilience.sharing.consentNeeded')} <Link to="/privacy/consents">{t('resilience.sharing.toConsents')}</Link>
        </p>
      )}
      {people.map((person) => {
        const name = `${person.firstName} ${person.lastName}`;
        const share = shares.find((s) => s.personId === person.personId);
        return share ? (
          <div key={person.personId} className="rmap-share">
            <p>
              <strong>{t(share.mode === 'view' ? 'resilience.sharing.sharedView' : 'resilience.sharing.sharedEdit', { name })}</strong>{' '}
              <span className="help">{t('resilience.sharing.since', { date: formatDate(share.since) })}</span>
            </p>
            {consented !== false && (
              <ModeChoice name={name} current={share.mode} disabled={busy} onChoose={(mode) => void apply(person.personId, name, mode)} />
            )}
            <div className="rmap-stop">
              <p>{t('resilience.sharing.stopExplains', { name: person.firstName })}</p>
              <button type="button" className="danger" disabled={busy} onClick={() => void apply(person.personId, name, 'none')}>
                {t('resilience.sharing.revoke', { name })}
              </button>
            </div>
          </div>
        ) : (
          consented !== false && <NewShare key={person.personId} name={name} disabled={busy} onShare={(mode) => void apply(person.personId, name, mode)} />
        );
      })}
      {status && <Alert kind={status.kind}>{status.text}</Alert>}
    </section>
  );
}

/** How a standing share works; choosing another way applies at once. */
function ModeChoice({ name, current, disabled, onChoose }: { name: string; current: ShareMode; disabled: boolean; onChoose: (mode: ShareMode) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('resilience.sharing.how', { name })}</legend>
      {(['view', 'edit'] as const).map((mode) => (
        <label key={mode} className="rmap-radio">
          <input type="radio" name={`mode-${name}`} value={mode} checked={current === mode} disabled={disabled} onChange={() => onChoose(mode)} />
          {t(`resilience.sharing.${mode}`)}
        </label>
      ))}
    </fieldset>
  );
}

function NewShare({ name, disabled, onShare }: { name: string; disabled: boolean; onShare: (mode: ShareMode) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ShareMode>('view');
  return (
    <form
      className="rmap-share"
      onSubmit={(e) => {
        e.preventDefault();
        onShare(mode);
      }}
    >
      <p>{t('resilience.sharing.notShared', { name })}</p>
      <fieldset>
        <legend>{t('resilience.sharing.how', { name })}</legend>
        {(['view', 'edit'] as const).map((option) => (
          <label key={option} className="rmap-radio">
            <input type="radio" name={`share-${name}`} value={option} checked={mode === option} onChange={() => setMode(option)} />
            {t(`resilience.sharing.${option}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={disabled}>
        {t('resilience.sharing.share', { name })}
      </button>
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
