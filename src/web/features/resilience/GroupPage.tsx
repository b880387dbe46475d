/**
 * The group exercise in a community session: everyone works on their own map; the group sees
 * only what each member chooses to show, and an anonymous tally once enough members take part.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GroupExerciseResponse } from '../../../contracts/resilience';
import { LEVELS, RESOURCE_KINDS } from '../../../domain/resilience/model';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { keys, saveGroupShow, useCoachingDataConsent, useGroup } from './api';
import './resilience.css';

export function GroupPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const query = useGroup(communityId);
  useDocumentTitle(query.data ? t('resilience.group.title', { name: query.data.community.name }) : t('app.loading'));
  if (!query.data) return <PageState query={query} />;
  const g = query.data;
  return (
    <div className="stack">
      <h1>{t('resilience.group.title', { name: g.community.name })}</h1>
      <p>{t('resilience.group.intro')}</p>
      {g.mine && <Mine group={g} />}
      <section className="card" aria-labelledby="rmap-shown-title">
        <h2 id="rmap-shown-title">{t('resilience.group.shown')}</h2>
        {g.shown.length === 0 ? (
          <p>{t('resilience.group.nothingShown')}</p>
        ) : (
          <ul className="rows">
            {g.shown.map((member, i) => (
              <li key={i}>
                <strong>{member.firstName}</strong>
                <ul className="sub">
                  {member.resources.map((r, j) => (
                    <li key={j}>
                      {r.label} · {t(`resilience.kinds.${r.kind}`)} · {t(`resilience.levels.${r.level}`)} · {t(`resilience.places.${r.place}`)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="rmap-tally-title">
        <h2 id="rmap-tally-title">{t('resilience.group.tally')}</h2>
        {g.tally === null ? (
          <p>{t('resilience.group.tallyHidden', { min: g.minContributors, count: g.contributors })}</p>
        ) : (
          <>
            <p className="help">{t('resilience.group.tallyCaption', { count: g.tally.contributors })}</p>
            {LEVELS.map((level) => (
              <div key={level}>
                <h3>{t(`resilience.levels.${level}`)}</h3>
                <dl>
                  {RESOURCE_KINDS.map((kind) => (
                    <div key={kind} className="rmap-tally-row">
                      <dt>{t(`resilience.kinds.${kind}`)}</dt>
                      <dd>{g.tally?.counts[level][kind] ?? 0}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </>
        )}
      </section>
    </div>
  );
}

function Mine({ group }: { group: GroupExerciseResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mine = group.mine!;
  const consented = useCoachingDataConsent();
  const [ids, setIds] = useState<string[]>(mine.resourceIds);
  const [inTally, setInTally] = useState(mine.inTally);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    setIds(mine.resourceIds);
    setInTally(mine.inTally);
  }, [mine.resourceIds, mine.inTally]);
  return (
    <section className="card" aria-labelledby="rmap-mine-title">
      <h2 id="rmap-mine-title">{t('resilience.group.mine')}</h2>
      {consented === false && (
        <p className="rmap-consent-note">
          {t('resilience.group.noConsent')} <Link to="/privacy/consents">{t('resilience.sharing.toConsents')}</Link>
        </p>
      )}
      {mine.resources.length === 0 ? (
        <p>
          {t('resilience.group.noResources')} <Link to="/resilience">{t('resilience.open')}</Link>
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            saveGroupShow(group.community.id, ids, inTally)
              .then(() => {
                setStatus({ kind: 'success', text: t('resilience.group.saved') });
                return client.invalidateQueries({ queryKey: keys.group(group.community.id) });
              })
              .catch((error: Error) => setStatus({ kind: 'error', text: error.message }));
          }}
        >
          <fieldset>
            <legend>{t('resilience.group.mine')}</legend>
            {mine.resources.map((r) => (
              <label key={r.id} className="rmap-check">
                <input type="checkbox" checked={ids.includes(r.id)} onChange={(e) => setIds(e.target.checked ? [...ids, r.id] : ids.filter((x) => x !== r.id))} />
                {r.label} <span className="help">({t(`resilience.levels.${r.level}`)})</span>
              </label>
            ))}
          </fieldset>
          <label className="rmap-check">
            <input type="checkbox" checked={inTally} onChange={(e) => setInTally(e.target.checked)} />
            {t('resilience.group.inTally')}
          </label>
          <button type="submit" className="rmap-button primary-inline">
            {t('resilience.group.save')}
          </button>
          {status && <Alert kind={status.kind}>{status.text}</Alert>}
        </form>
      )}
    </section>
  );
}
