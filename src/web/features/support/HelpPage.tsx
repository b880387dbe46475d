import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpDirectoryResponse, HelpResource } from '../../../contracts/support';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { SelectField } from './controls';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import './support.css';

export const HELP_KEY = ['help'] as const;

/** The help directory (sociale kaart), for everyone; coordinators add, edit and archive entries. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('support.help.title'));
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const client = useQueryClient();
  const help = useQuery({ queryKey: HELP_KEY, queryFn: () => api<HelpDirectoryResponse>('/api/help') });
  const [done, setDone] = useState<string | null>(null);
  // Editors see which entry is whose and can filter on it (issue 21 item 8).
  const [scope, setScope] = useState<'all' | 'institution' | 'programme'>('all');
  const archive = useMutation({
    mutationFn: (r: HelpResource) => api<HelpResource>(`/api/help/${r.id}/archived`, { method: 'PUT', body: { archived: !r.archived } }),
    onSuccess: async (r) => {
      setDone(t(r.archived ? 'support.help.archivedDone' : 'support.help.restoredDone', { name: r.name[lang] }));
      await client.invalidateQueries({ queryKey: HELP_KEY });
    },
  });
  const data = help.data;
  const categoryLabel = (id: string) => data?.categories.find((c) => c.id === id)?.label[lang] ?? id;
  // Crisis help first, so nobody has to look for it.
  const order = (r: HelpResource) => (r.category === 'crisis' ? 0 : 1);
  const hasProgrammeEntries = Boolean(data?.resources.some((r) => r.programme !== null));
  const showFilter = Boolean(data?.canManage);
  const inScope = (r: HelpResource) => scope === 'all' || (scope === 'programme') === (r.programme !== null);
  const visible = data?.resources.filter(inScope) ?? [];

  return (
    <div className="stack">
      <h1>{t('support.help.title')}</h1>
      <p>{t('support.help.intro')}</p>
      {data?.canManage && (
        <p>
          <Link className="button-link" to="/help/new">
            {t('support.help.add')}
          </Link>
        </p>
      )}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {archive.error && <Alert kind="error">{archive.error.message}</Alert>}
      <PageState query={help} />
      {showFilter && (
        <SelectField label={t('progcontent.filter.label')} value={scope} onChange={(e) => setScope(e.target.value === 'institution' || e.target.value === 'programme' ? e.target.value : 'all')}>
          <option value="all">{t('progcontent.filter.all')}</option>
          <option value="institution">{t('progcontent.filter.institution')}</option>
          <option value="programme">{t('progcontent.filter.programme')}</option>
        </SelectField>
      )}
      {data && data.resources.length === 0 && <p>{t('support.help.empty')}</p>}
      {data && data.resources.length > 0 && visible.length === 0 && <p>{t('progcontent.filter.empty')}</p>}
      {data &&
        (['outside', 'inside'] as const).map((kind) => {
          const entries = visible.filter((r) => r.kind === kind).sort((a, b) => order(a) - order(b));
          if (entries.length === 0) return null;
          return (
            <section key={kind} aria-labelledby={`help-${kind}`}>
              <h2 id={`help-${kind}`}>{t(`support.help.${kind}`)}</h2>
              <ul className="entries">
                {entries.map((r) => (
                  <li key={r.id} className={`card help-entry${r.category === 'crisis' ? ' crisis' : ''}`}>
                    <h3>
                      {r.name[lang]} {r.archived && <span className="status-chip">{t('support.help.archived')}</span>}
                    </h3>
                    {r.programme ? (
                      <p>
                        <span className="tag">{t('progcontent.badge.programme', { name: r.programme.name[lang] })}</span>
                      </p>
                    ) : (
                      (data.canManage || hasProgrammeEntries) && (
                        <p>
                          <span className="tag">{t('progcontent.badge.institution')}</span>
                        </p>
                      )
                    )}
                    <p className="help">{categoryLabel(r.category)}</p>
                    <dl>
                      <dt>{t('support.help.whenToGo')}</dt>
                      <dd>{r.whenToGo[lang]}</dd>
                      <dt>{t('support.help.howToReach')}</dt>
                      <dd>{r.howToReach[lang]}</dd>
                      {r.phone && (
                        <>
                          <dt>{t('support.help.phone')}</dt>
                          <dd>
                            <a href={`tel:${r.phone.replace(/[^0-9+]/g, '')}`}>{r.phone}</a>
                          </dd>
                        </>
                      )}
                      {r.email && (
                        <>
                          <dt>{t('support.help.email')}</dt>
                          <dd>
                            <a href={`mailto:${r.email}`}>{r.email}</a>
                          </dd>
                        </>
                      )}
                      {r.url && (
                        <>
                          <dt>{t('support.help.website')}</dt>
                          <dd>
                            <a href={r.url} rel="noopener noreferrer" aria-label={t('support.help.websiteOf', { name: r.name[lang] })}>
                              {r.url.replace(/^https?:\/\//, '')}
                            </a>
                          </dd>
                        </>
                      )}
                    </dl>
                    {r.canEdit && (
                      <div className="row-actions">
                        <Link to={`/help/${r.id}/edit`} aria-label={t('support.help.editNamed', { name: r.name[lang] })}>
                          {t('support.help.edit')}
                        </Link>
                        <button
                          type="button"
                          disabled={archive.isPending}
                          aria-label={t(r.archived ? 'support.help.restoreNamed' : 'support.help.archiveNamed', { name: r.name[lang] })}
                          onClick={() => archive.mutate(r)}
                        >
                          {t(r.archived ? 'support.help.restore' : 'support.help.archive')}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}
