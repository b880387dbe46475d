import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AttributeSettingsResponse } from '../../../contracts/grouping';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useServerState } from '../../components/useServerState';
import { CheckField, errorsOf } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { groupingApi } from './api';
import './grouping.css';

/** The beheerder decides which attributes the institution may use for forming communities. */
export function AttributeSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('grouping.settings.title'));
  const settings = useQuery({ queryKey: ['grouping', 'settings'], queryFn: groupingApi.settings });
  return (
    <div className="stack">
      <h1>{t('grouping.settings.title')}</h1>
      <p className="lead-text">{t('grouping.settings.intro')}</p>
      <PageState query={settings} />
      {settings.data && <SettingsForm data={settings.data} />}
    </div>
  );
}

function SettingsForm({ data }: { data: AttributeSettingsResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useServerState(data.attributes);
  const save = useMutation({
    mutationFn: () => groupingApi.saveSettings({ attributes: rows.map(({ attribute, enabled, fromImport }) => ({ attribute, enabled, fromImport })) }),
    onSuccess: (result) => client.setQueryData(['grouping', 'settings'], result),
  });
  const { form } = errorsOf(save.error);
  const update = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div aria-live="polite">{save.isSuccess && <Alert kind="success">{t('grouping.settings.saved')}</Alert>}</div>
      {form && <Alert kind="error">{form}</Alert>}
      {rows.map((r, i) => (
        <section key={r.attribute} className="card">
          <CheckField label={t('grouping.settings.enabled', { name: t(`grouping.attributes.${r.attribute}.name`) })} help={t(`grouping.sensitivity.${r.sensitivity}`)} checked={r.enabled} onChange={(v) => update(i, { enabled: v, fromImport: v && r.fromImport })} />
          {r.importable && r.enabled && <CheckField label={t('grouping.settings.fromImport')} checked={r.fromImport} onChange={(v) => update(i, { fromImport: v })} />}
        </section>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('grouping.settings.save')}
        </button>
      </div>
    </form>
  );
}
