import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RegroupingResponse } from '../../../contracts/regroup';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { regroupApi } from './api';

const COUNTS = ['continuing', 'moved', 'oneOnOne', 'stopped', 'keptIntact', 'dissolved'] as const;

/**
 * The coordinator's regrouping after the 100-day moment: the draft (who moves where, the counts,
 * which coaches keep or lose a community), a move by hand per student, and the accept.
 */
export function RegroupPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  useDocumentTitle(t('regroup.title'));
  const client = useQueryClient();
  const key = ['regroup', 'intake', intakeId];
  const query = useQuery({ queryKey: key, queryFn: () => regroupApi.latest(intakeId) });
  const set = (r: RegroupingResponse) => client.setQueryData(key, { regrouping: r });
  const start = useMutation({ mutationFn: () => regroupApi.start(intakeId), onSuccess: set });
  const move = useMutation({ mutationFn: (v: { id: string; personId: string; toCommunityId: string; version: number }) => regroupApi.move(v.id, v), onSuccess: set });
  const accept = useMutation({ mutationFn: (r: RegroupingResponse) => regroupApi.accept(r.id, r.version), onSuccess: set, onError: () => client.invalidateQueries({ queryKey: key }) });
  const error = start.error ?? move.error ?? accept.error;
  return (
    <div className="stack">
      <h1>{t('regroup.title')}</h1>
      <p>
        <Link to={`/programme/intakes/${intakeId}/hundred-day`}>{t('year.outcome.intakeTitle')}</Link>
      </p>
      {error && <Alert kind="error">{error.message}</Alert>}
      <PageState query={query}>
        {({ regrouping: r }) =>
          !r ? (
            <section className="card stack">
              <p>{t('regroup.actionHelp')}</p>
              <button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
                {start.isPending ? t('regroup.making') : t('regroup.action')}
              </button>
            </section>
          ) : (
            <>
              <section className="card" aria-labelledby="regroup-summary">
                <h2 id="regroup-summary">{t('regroup.summary')}</h2>
                <p className="help">{t('regroup.intro', { min: r.sizeBounds.min, max: r.sizeBounds.max })}</p>
                <ul>
                  {COUNTS.map((k) => (
                    <li key={k}>{t(`regroup.counts.${k}`, { count: r.counts[k] })}</li>
                  ))}
                </ul>
                {r.status === 'accepted' ? (
                  <Alert kind="success">{t('regroup.accepted', { date: formatDate(r.acceptedAt ?? '', 'long') })}</Alert>
                ) : (
                  <div className="actions">
                    <button type="button" disabled={accept.isPending} onClick={() => accept.mutate(r)}>
                      {accept.isPending ? t('regroup.accepting') : t('regroup.accept')}
                    </button>
                    <button type="button" className="secondary" disabled={start.isPending} onClick={() => start.mutate()}>
                      {t('regroup.newDraft')}
                    </button>
                  </div>
                )}
              </section>
              {r.communities.map((c) => (
                <section key={c.id} className="card" aria-labelledby={`regroup-${c.id}`}>
                  <h2 id={`regroup-${c.id}`}>{c.name}</h2>
                  <p>
                    {c.coach ? t('regroup.community.coach', { name: `${c.coach.firstName} ${c.coach.lastName}` }) : t('regroup.community.noCoach')} · {t('regroup.community.sizes', { before: c.before, after: c.after })}
                  </p>
                  {c.keptIntact && <p className="help">{t('regroup.community.keptIntact')}</p>}
                  {c.dissolved && <p className="help">{t('regroup.community.dissolved')}</p>}
                  {c.belowMinimum && <p className="help">{t('regroup.community.belowMinimum', { min: r.sizeBounds.min })}</p>}
                  {c.members.length === 0 ? (
                    <p>{t('regroup.community.empty')}</p>
                  ) : (
                    <ul className="rows">
                      {c.members.map((m) => {
                        const name = `${m.firstName} ${m.lastName}`;
                        return (
                          <li key={m.id}>
                            <strong>{name}</strong>
                            {m.moved && <> · {t('regroup.community.movedFrom', { community: m.fromCommunityName })}</>}
                            {r.status === 'draft' && (
                              <label className="field">
                                <span>{t('regroup.community.moveLabel', { name })}</span>
                                <select
                                  value={c.id}
                                  disabled={move.isPending}
                                  onChange={(e) => move.mutate({ id: r.id, personId: m.id, toCommunityId: e.target.value, version: r.version })}
                                >
                                  {r.communities.map((o) => (
                                    <option key={o.id} value={o.id}>
                                      {o.name}
                                    </option>
                                  ))}
                                </select>
                              </label>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {c.oneOnOnes.length > 0 && (
                    <>
                      <h3>{t('regroup.community.oneOnOnes')}</h3>
                      <ul className="rows">
                        {c.oneOnOnes.map((m) => (
                          <li key={m.id}>
                            {m.firstName} {m.lastName}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ))}
            </>
          )
        }
      </PageState>
    </div>
  );
}
