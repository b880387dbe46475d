import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAllowed } from '../../../domain/access/policy';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';
import { minutesLabel, useLibrary, YEAR_PHASES } from './library';
import './sessions.css';

const DURATIONS = [15, 30, 45, 60];

/** The activity library (werkvormen): filter by phase, theme, duration and group size, or search. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('library.title'));
  const actor = actorOf(useSession().data);
  const [filters, setFilters] = useState({ q: '', theme: '', phase: '', maxMinutes: '', groupSize: '', scope: '' });
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== '')).toString();
  const library = useLibrary(query);
  const canAdd = actor ? isAllowed(actor, 'library:create', { kind: 'institution', institutionId: actor.institutionId }) : false;
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });
  const themes = library.data?.themes ?? [];
  const themeLabel = (id: string) => themes.find((x) => x.id === id)?.label ?? id;
  return (
    <div className="stack">
      <h1>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      {canAdd && (
        <ul className="link-row">
          <li>
            <Link to="/activities/new">{t('library.add')}</Link>
          </li>
          <li>
            <Link to="/session-plans">{t('library.plans.title')}</Link>
          </li>
        </ul>
      )}
      <form className="card filters" role="search" aria-label={t('library.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('library.search')} type="search" value={filters.q} onChange={set('q')} maxLength={100} />
        <div className="filter-grid">
          <SelectField label={t('library.phase')} value={filters.phase} onChange={set('phase')}>
            <option value="">{t('library.all')}</option>
            {YEAR_PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`library.phases.${p}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('library.theme')} value={filters.theme} onChange={set('theme')}>
            <option value="">{t('library.all')}</option>
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.label}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('library.duration')} value={filters.maxMinutes} onChange={set('maxMinutes')}>
            <option value="">{t('library.anyDuration')}</option>
            {DURATIONS.map((m) => (
              <option key={m} value={m}>
                {t('library.atMost', { count: m })}
              </option>
            ))}
          </SelectField>
          <Field label={t('library.groupSize')} help={t('library.groupSizeHelp')} type="number" inputMode="numeric" min={1} max={60} value={filters.groupSize} onChange={set('groupSize')} />
          <SelectField label={t('progcontent.filter.label')} value={filters.scope} onChange={set('scope')}>
            <option value="">{t('progcontent.filter.all')}</option>
            <option value="institution">{t('progcontent.filter.institution')}</option>
            <option value="programme">{t('progcontent.filter.programme')}</option>
          </SelectField>
        </div>
      </form>
      {library.error && <Alert kind="error">{library.error.message}</Alert>}
      <p role="status">{library.data ? t('library.count', { count: library.data.activities.length }) : t('app.loading')}</p>
      <ul className="activity-list">
        {library.data?.activities.map((a) => (
          <li key={a.id} className="card">
            <h2 className="activity-title">
              <Link to={`/activities/${a.id}`}>{a.title}</Link>
            </h2>
            <p>{a.goal}</p>
            <ul className="chips" aria-label={t('library.facts')}>
              <li className="chip">{themeLabel(a.theme)}</li>
              <li className="chip">{minutesLabel(t, a.durationMinutes)}</li>
              <li className="chip">{t('library.group', a.groupSize)}</li>
              {a.programme && <li className="chip">{t('progcontent.badge.programme', { name: a.programme.name })}</li>}
              {!a.builtIn && <li className="chip">{a.mine ? (a.shared ? t('library.mineShared') : t('library.minePrivate')) : t('library.by', { name: a.authorName ?? '' })}</li>}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
