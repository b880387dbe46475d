import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettingsResponse } from '../../../contracts/insight';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useServerState } from '../../components/useServerState';
import { mailSettingsApi } from './api';

const KEY = ['me', 'mail-settings'] as const;

/** The form: the weekly digest on or off, saved with its own button; "saved" stays until the next change. */
function DigestForm({ settings }: { settings: MailSettingsResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [weeklyDigest, setWeeklyDigest] = useServerState(settings.weeklyDigest);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => mailSettingsApi.save({ weeklyDigest }),
    onSuccess: (next) => {
      queryClient.setQueryData(KEY, next);
      setSaved(true);
    },
  });
  return (
    <form
      className="card stack-sm"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t('digest.settings.digestTitle')}</h2>
      <p id="digest-help">{t('digest.settings.digestHelp')}</p>
      <div className="choice">
        <input
          id="digest-weekly"
          type="checkbox"
          aria-describedby="digest-help"
          checked={weeklyDigest}
          onChange={(e) => {
            setWeeklyDigest(e.target.checked);
            setSaved(false);
          }}
        />
        <label htmlFor="digest-weekly">{t('digest.settings.digestLabel')}</label>
      </div>
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('digest.settings.save')}
        </button>
      </div>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      <div role="status">{saved && <p>{weeklyDigest ? t('digest.settings.savedOn') : t('digest.settings.savedOff')}</p>}</div>
    </form>
  );
}

/** "Mailinstellingen": the mails one may turn off (today the coordinator's weekly digest). */
export function MailSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('digest.settings.title'));
  const query = useQuery({ queryKey: KEY, queryFn: mailSettingsApi.get });
  return (
    <div className="stack">
      <h1>{t('digest.settings.title')}</h1>
      <p>{t('digest.settings.intro')}</p>
      <PageState query={query} empty={{ when: (d) => !d.digestApplies, text: t('digest.settings.nothing') }}>
        {(settings) => <DigestForm settings={settings} />}
      </PageState>
    </div>
  );
}
