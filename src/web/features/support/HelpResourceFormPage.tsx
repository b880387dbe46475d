import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { HELP_CATEGORIES } from '../../../contracts/content/help-directory';
import type { HelpDirectoryResponse, HelpResource, SaveHelpResourceRequest } from '../../../contracts/support';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { SelectField, TextAreaField } from './controls';
import { HELP_KEY } from './HelpPage';
import './support.css';

type Form = Omit<SaveHelpResourceRequest, 'url' | 'phone' | 'email'> & { url: string; phone: string; email: string };

const EMPTY: Form = {
  kind: 'inside',
  category: 'study-progress',
  name: { nl: '', en: '' },
  whenToGo: { nl: '', en: '' },
  howToReach: { nl: '', en: '' },
  url: '',
  phone: '',
  email: '',
};

const fromResource = (r: HelpResource): Form => ({
  kind: r.kind,
  category: r.category,
  name: r.name,
  whenToGo: r.whenToGo,
  howToReach: r.howToReach,
  url: r.url ?? '',
  phone: r.phone ?? '',
  email: r.email ?? '',
  version: r.version,
  programmeId: r.programme?.id ?? null,
});

/** Add or edit an entry of the help directory, both languages at once (coordinators). */
export function HelpResourceFormPage() {
  const { resourceId } = useParams();
  const help = useQuery({ queryKey: HELP_KEY, queryFn: () => api<HelpDirectoryResponse>('/api/help') });
  const { t } = useTranslation();
  // Wait for the directory: a new entry starts in the first place the person may add one.
  if (help.isPending) return <p role="status">{t('app.loading')}</p>;
  if (!resourceId) return <HelpResourceForm initial={EMPTY} />;
  const existing = help.data?.resources.find((r) => r.id === resourceId);
  if (!existing) return <Alert kind="error">{help.error?.message ?? t('errors.not_found')}</Alert>;
  return <HelpResourceForm initial={fromResource(existing)} resourceId={resourceId} />;
}

function HelpResourceForm({ initial, resourceId }: { initial: Form; resourceId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const title = t(resourceId ? 'support.help.form.editTitle' : 'support.help.form.newTitle');
  useDocumentTitle(title);
  const client = useQueryClient();
  const navigate = useNavigate();
  const directory = useQuery({ queryKey: HELP_KEY, queryFn: () => api<HelpDirectoryResponse>('/api/help') }).data;
  const categories = directory?.categories ?? [];
  const scopes = directory?.scopes ?? [];
  // A new entry starts where the person may add one: the whole institution, or their programme.
  const [form, setForm] = useState<Form>(() => (resourceId ? initial : { ...initial, programmeId: scopes[0]?.programmeId ?? null }));
  const editableScopes = resourceId && initial.programmeId != null && !scopes.some((s) => s.programmeId === initial.programmeId) ? [] : scopes;
  const save = useMutation({
    mutationFn: (body: Form) => api<HelpResource>(resourceId ? `/api/help/${resourceId}` : '/api/help', { method: resourceId ? 'PUT' : 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: HELP_KEY });
      await navigate('/help');
    },
  });
  const fields = save.error instanceof ApiError ? Object.fromEntries(save.error.fields.map((f) => [f.path, f.message])) : {};
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setText = (key: 'name' | 'whenToGo' | 'howToReach', l: 'nl' | 'en', value: string) =>
    setForm((f) => ({ ...f, [key]: { ...f[key], [l]: value } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };

  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('support.help.form.intro')}</p>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      <form className="card" onSubmit={submit} noValidate>
        {editableScopes.length > 1 && (
          <SelectField
            label={t('progcontent.scope.label')}
            help={t('progcontent.scope.help')}
            value={form.programmeId ?? ''}
            error={fields.programmeId}
            onChange={(e) => set('programmeId', editableScopes.find((s) => (s.programmeId ?? '') === e.target.value)?.programmeId ?? null)}
          >
            {editableScopes.map((s) => (
              <option key={s.programmeId ?? ''} value={s.programmeId ?? ''}>
                {s.name ? t('progcontent.scope.programme', { name: s.name[lang] }) : t('progcontent.scope.institution')}
              </option>
            ))}
          </SelectField>
        )}
        {editableScopes.length === 1 && (
          <p>
            {t('progcontent.scope.label')}{' '}
            <span className="tag">{editableScopes[0]!.name ? t('progcontent.badge.programme', { name: editableScopes[0]!.name[lang] }) : t('progcontent.badge.institution')}</span>
          </p>
        )}
        <SelectField label={t('support.help.form.kind')} value={form.kind} onChange={(e) => set('kind', e.target.value === 'outside' ? 'outside' : 'inside')}>
          <option value="inside">{t('support.help.inside')}</option>
          <option value="outside">{t('support.help.outside')}</option>
        </SelectField>
        <SelectField
          label={t('support.help.form.category')}
          value={form.category}
          error={fields.category}
          onChange={(e) => set('category', HELP_CATEGORIES.find((c) => c === e.target.value) ?? form.category)}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label[lang]}
            </option>
          ))}
        </SelectField>
        <Field label={t('support.help.form.nameNl')} lang="nl" value={form.name.nl} error={fields['name.nl']} required onChange={(e) => setText('name', 'nl', e.target.value)} />
        <Field label={t('support.help.form.nameEn')} lang="en" value={form.name.en} error={fields['name.en']} required onChange={(e) => setText('name', 'en', e.target.value)} />
        <TextAreaField label={t('support.help.form.whenNl')} lang="nl" value={form.whenToGo.nl} error={fields['whenToGo.nl']} required onChange={(e) => setText('whenToGo', 'nl', e.target.value)} />
        <TextAreaField label={t('support.help.form.whenEn')} lang="en" value={form.whenToGo.en} error={fields['whenToGo.en']} required onChange={(e) => setText('whenToGo', 'en', e.target.value)} />
        <TextAreaField label={t('support.help.form.howNl')} lang="nl" value={form.howToReach.nl} error={fields['howToReach.nl']} required onChange={(e) => setText('howToReach', 'nl', e.target.value)} />
        <TextAreaField label={t('support.help.form.howEn')} lang="en" value={form.howToReach.en} error={fields['howToReach.en']} required onChange={(e) => setText('howToReach', 'en', e.target.value)} />
        <Field label={t('support.help.form.url')} help={t('support.help.form.urlHelp')} type="url" value={form.url} error={fields.url} onChange={(e) => set('url', e.target.value)} />
        <Field label={t('support.help.form.phone')} type="tel" value={form.phone} error={fields.phone} onChange={(e) => set('phone', e.target.value)} />
        <Field label={t('support.help.form.email')} type="email" value={form.email} error={fields.email} onChange={(e) => set('email', e.target.value)} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('support.help.form.save')}
        </button>
      </form>
      <Link to="/help">{t('support.help.form.cancel')}</Link>
    </div>
  );
}
