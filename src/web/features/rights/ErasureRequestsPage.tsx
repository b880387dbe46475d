import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarryOutErasureResponse, ErasureRequestsResponse } from '../../../contracts/rights';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { errorsOf } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import './rights.css';

type Open = ErasureRequestsResponse['open'][number];

const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, c) => n + c, 0);

function OpenRequest({ request, onDone }: { request: Open; onDone: (result: CarryOutErasureResponse) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const carryOut = useMutation({
    mutationFn: () => api<CarryOutErasureResponse>(`/api/erasure-requests/${request.id}/carry-out`, { method: 'POST' }),
    onSuccess: onDone,
  });
  const error = errorsOf(carryOut.error).form;
  return (
    <li className="card stack">
      <h3>{request.name}</h3>
      <p className="rights-meta">
        {request.email}
        <br />
        {t('rights.desk.requested', { date: formatDate(request.requestedAt, 'long') })} · <strong>{t('rights.desk.due', { date: formatDate(request.dueOn, 'long') })}</strong>
      </p>
      {request.overdue && <Alert kind="error">{t('rights.desk.overdue')}</Alert>}
      <p>{request.reason ? t('rights.desk.reason', { reason: request.reason }) : t('rights.desk.noReason')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!confirming ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('rights.desk.carryOut', { name: request.name })}
          </button>
        </div>
      ) : (
        <div className="stack" role="group" aria-label={t('rights.desk.carryOut', { name: request.name })}>
          <p>{t('rights.desk.confirmCarryOut')}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={carryOut.isPending} onClick={() => carryOut.mutate()}>
              {t('rights.desk.yes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('rights.desk.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The coordinator's and beheerder's erasure requests: open ones with their due date, and the record of those done. */
export function ErasureRequestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('rights.desk.title'));
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['erasure-requests'], queryFn: () => api<ErasureRequestsResponse>('/api/erasure-requests') });
  const [result, setResult] = useState<CarryOutErasureResponse | null>(null);
  const done = (r: CarryOutErasureResponse) => {
    setResult(r);
    void client.invalidateQueries({ queryKey: ['erasure-requests'] });
  };
  return (
    <div className="stack">
      <h1>{t('rights.desk.title')}</h1>
      <p>{t('rights.desk.intro')}</p>
      {result && <Alert kind="success">{t('rights.desk.carriedOut', { count: total(result.outcome.removed) })}</Alert>}
      <PageState query={query} />
      {query.data && (
        <>
          <h2>{t('rights.desk.openTitle')}</h2>
          {query.data.open.length === 0 ? (
            <p>{t('rights.desk.none')}</p>
          ) : (
            <ul className="rights-list" aria-label={t('rights.desk.openTitle')}>
              {query.data.open.map((r) => (
                <OpenRequest key={r.id} request={r} onDone={done} />
              ))}
            </ul>
          )}
          <h2>{t('rights.desk.doneTitle')}</h2>
          {query.data.done.length === 0 ? (
            <p>{t('rights.desk.doneNone')}</p>
          ) : (
            <ul className="rights-list" aria-label={t('rights.desk.doneTitle')}>
              {query.data.done.map((r) => (
                <li key={r.id} className="card">
                  <p>{t('rights.desk.doneLine', { requested: formatDate(r.requestedAt, 'long'), done: formatDate(r.doneAt, 'long'), by: r.doneBy ?? t('rights.desk.someone') })}</p>
                  <p>{t('rights.desk.removed', { count: total(r.outcome.removed) })}</p>
                  {Object.keys(r.outcome.kept).length > 0 && <p>{t('rights.desk.kept', { tables: Object.keys(r.outcome.kept).join(', ') })}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
