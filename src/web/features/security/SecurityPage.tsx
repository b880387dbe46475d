import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaSetupResponse, MfaStatusResponse, RecoveryCodesResponse } from '../../../contracts/mfa';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fetchSession, SESSION_KEY, useSession } from '../../session';
import './security.css';

const MFA_KEY = ['me', 'mfa'] as const;

/** A code field with its own form: the authenticator's six digits or a recovery code. */
function CodeForm({ submitLabel, pending, error, onSubmit, intro }: { submitLabel: string; pending: boolean; error: Error | null; onSubmit: (code: string) => void; intro: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      noValidate
      className="stack-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(code);
      }}
    >
      <p>{intro}</p>
      <Field
        label={t('security.code')}
        help={t('security.codeHelp')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error?.message}
      />
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The recovery codes, shown once after they are made. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="security-recovery-title">
      <h2 id="security-recovery-title">{t('security.recoveryTitle')}</h2>
      <p>{t('security.recoveryIntro')}</p>
      <ul className="security-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onDone}>
        {t('security.recoveryDone')}
      </button>
    </section>
  );
}

/**
 * Beveiliging: two-step verification (TOTP) for everyone. Set up with a QR code (and the key as
 * text), confirmed with a first code, which yields ten recovery codes; turned off with a code,
 * unless the person's role requires it. A role that requires it lands here first (RequireSignIn).
 */
export function SecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.title'));
  const client = useQueryClient();
  const { data: session } = useSession();
  const status = useQuery({ queryKey: MFA_KEY, queryFn: () => api<MfaStatusResponse>('/api/me/mfa') });
  const [setup, setSetup] = useState<MfaSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: MFA_KEY });
    client.setQueryData(SESSION_KEY, await fetchSession());
  };
  const start = useMutation({
    mutationFn: () => api<MfaSetupResponse>('/api/me/mfa/setup', { method: 'POST' }),
    onSuccess: (answer) => {
      setDone(null);
      setSetup(answer);
    },
  });
  const confirm = useMutation({
    mutationFn: (code: string) => api<RecoveryCodesResponse>('/api/me/mfa/confirm', { method: 'POST', body: { code } }),
    onSuccess: async (answer) => {
      setSetup(null);
      setCodes(answer.recoveryCodes);
      setDone(t('security.turnedOn'));
      await refresh();
    },
  });
  const renew = useMutation({
    mutationFn: (code: string) => api<RecoveryCodesResponse>('/api/me/mfa/recovery-codes', { method: 'POST', body: { code } }),
    onSuccess: async (answer) => {
      setCodes(answer.recoveryCodes);
      await refresh();
    },
  });
  const off = useMutation({
    mutationFn: (code: string) => api('/api/me/mfa/disable', { method: 'POST', body: { code } }),
    onSuccess: async () => {
      setDone(t('security.turnedOff'));
      await refresh();
    },
  });

  return (
    <div className="stack">
      <h1>{t('security.title')}</h1>
      <p>{t('security.intro')}</p>
      {session?.mfa.setupRequired && <Alert kind="info">{t('security.requiredNotice')}</Alert>}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
      <PageState query={status}>
        {(mfa) =>
          mfa.enabled ? (
            <>
              <section className="card stack-sm" aria-labelledby="security-status">
                <h2 id="security-status">{t('security.statusOn')}</h2>
                <p>{t('security.recoveryLeft', { count: mfa.recoveryCodesLeft })}</p>
              </section>
              <section className="card stack-sm" aria-labelledby="security-renew">
                <h2 id="security-renew">{t('security.renewTitle')}</h2>
                <CodeForm intro={t('security.renewIntro')} submitLabel={t('security.renew')} pending={renew.isPending} error={renew.error} onSubmit={(code) => renew.mutate(code)} />
              </section>
              <section className="card stack-sm" aria-labelledby="security-off">
                <h2 id="security-off">{t('security.offTitle')}</h2>
                {mfa.required ? (
                  <p>{t('security.requiredCannotOff')}</p>
                ) : (
                  <CodeForm intro={t('security.offIntro')} submitLabel={t('security.off')} pending={off.isPending} error={off.error} onSubmit={(code) => off.mutate(code)} />
                )}
              </section>
            </>
          ) : setup ? (
            <section className="card stack" aria-labelledby="security-setup">
              <h2 id="security-setup">{t('security.setupTitle')}</h2>
              <p>{t('security.setupIntro')}</p>
              <img className="security-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`} alt={t('security.qrAlt')} width={220} height={220} />
              <p>{t('security.manualLabel')}</p>
              <p>
                <code className="security-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
              <h2>{t('security.confirmTitle')}</h2>
              <CodeForm intro={t('security.confirmIntro')} submitLabel={t('security.confirm')} pending={confirm.isPending} error={confirm.error} onSubmit={(code) => confirm.mutate(code)} />
              <button type="button" className="secondary" onClick={() => setSetup(null)}>
                {t('security.cancel')}
              </button>
            </section>
          ) : (
            <section className="card stack-sm" aria-labelledby="security-status">
              <h2 id="security-status">{t('security.statusOff')}</h2>
              {start.error && <Alert kind="error">{start.error.message}</Alert>}
              <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate()}>
                {t('security.start')}
              </button>
            </section>
          )
        }
      </PageState>
    </div>
  );
}
