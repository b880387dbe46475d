import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyErasureRequestResponse } from '../../../contracts/rights';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { CheckField, errorsOf, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import './rights.css';

/** Downloads a file of the signed-in person's data in the chosen language (a link would send the browser's). */
async function download(path: string, language: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, 'internal', '');
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** "Mijn gegevens": download everything held about me (AVG art. 15/20) and ask for erasure (art. 17). */
export function MyDataPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('rights.myData.title'));
  const client = useQueryClient();
  const request = useQuery({ queryKey: ['my-erasure-request'], queryFn: () => api<MyErasureRequestResponse>('/api/me/erasure-request') });
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [downloadError, setDownloadError] = useState(false);
  const ask = useMutation({
    mutationFn: () => api<{ id: string; dueOn: string }>('/api/me/erasure-request', { method: 'POST', body: reason.trim() ? { reason: reason.trim() } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['my-erasure-request'] }),
  });
  const errors = errorsOf(ask.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!understood) {
      setConfirmError(t('rights.myData.confirmRequired'));
      return;
    }
    setConfirmError(undefined);
    ask.mutate();
  };
  const get = (path: string, name: string) => {
    setDownloadError(false);
    download(path, i18n.language, name).catch(() => setDownloadError(true));
  };
  const open = request.data?.request ?? null;
  return (
    <div className="stack">
      <h1>{t('rights.myData.title')}</h1>
      <p>{t('rights.myData.intro')}</p>
      <div className="actions rights-downloads">
        <button type="button" className="secondary" onClick={() => get('/api/me/data', 'my-data.json')}>
          {t('rights.myData.downloadJson')}
        </button>
        <button type="button" className="secondary" onClick={() => get('/api/me/data/page', 'my-data.html')}>
          {t('rights.myData.downloadHtml')}
        </button>
      </div>
      {downloadError && <Alert kind="error">{t('app.errorGeneric')}</Alert>}
      <section className="card stack" aria-labelledby="rights-erasure-title">
        <h2 id="rights-erasure-title">{t('rights.myData.erasureTitle')}</h2>
        <PageState query={request} />
        {request.data && open && (
          <Alert kind="info">{t('rights.myData.pending', { requestedAt: formatDate(open.requestedAt, 'long'), dueOn: formatDate(open.dueOn, 'long') })}</Alert>
        )}
        {ask.isSuccess && !open && <Alert kind="success">{t('rights.myData.submitted', { dueOn: formatDate(ask.data.dueOn, 'long') })}</Alert>}
        {request.data && !open && !ask.isSuccess && (
          <form className="stack" onSubmit={submit} noValidate>
            <p>{t('rights.myData.erasureIntro')}</p>
            {errors.form && <Alert kind="error">{errors.form}</Alert>}
            <TextAreaField label={t('rights.myData.reason')} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} />
            <CheckField label={t('rights.myData.confirm')} checked={understood} onChange={setUnderstood} error={confirmError} />
            <div className="actions">
              <button type="submit" className="primary" disabled={ask.isPending}>
                {t('rights.myData.submit')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
