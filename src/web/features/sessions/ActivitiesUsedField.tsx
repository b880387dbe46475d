import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanActivity } from '../../../contracts/activities';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import { SelectField } from '../../components/form-fields';
import { useLibrary } from './library';

/** As many as the logbook takes (WriteLogbookRequest). */
const MAX_USED = 20;

/**
 * "Activities used" in the logbook, quick on a phone: the session plan's activities, what is
 * already ticked and the coach's own activities stand as checkboxes (one tap each); anything else
 * from the library — built-in by theme, or shared by a colleague — is picked from one list and
 * added ticked.
 */
export function ActivitiesUsedField({
  session,
  known,
  selected,
  onChange,
}: {
  session: SessionDetailResponse;
  /** Titles the server already gave (the entry's own), for activities the library no longer shows. */
  known: PlanActivity[];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const library = useLibrary();
  const [pick, setPick] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const all = library.data?.activities ?? [];
  const byId = new Map(all.map((a) => [a.id, a]));
  const planIds = session.plan?.activityIds ?? [];
  const mine = all.filter((a) => a.mine).map((a) => a.id);
  const quick = [...new Set([...planIds, ...selected, ...mine])];
  const titleOf = (id: string) =>
    byId.get(id)?.title ?? known.find((a) => a.id === id)?.title ?? session.plan?.activities.find((a) => a.id === id)?.title ?? t('library.plans.removedActivity');
  const rest = all.filter((a) => !quick.includes(a.id));
  const themes = (library.data?.themes ?? []).map((theme) => ({ ...theme, activities: rest.filter((a) => a.builtIn && a.theme === theme.id) })).filter((g) => g.activities.length > 0);
  const colleagues = rest.filter((a) => !a.builtIn);
  const full = selected.length >= MAX_USED;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  const add = () => {
    if (!pick || full) return;
    onChange([...selected, pick]);
    setAnnouncement(t('sessions.detail.activityAdded', { title: titleOf(pick) }));
    setPick('');
  };
  return (
    <fieldset className="field">
      <legend>{t('sessions.detail.activitiesUsed')}</legend>
      <p className="help">{t('sessions.detail.activitiesUsedHelp')}</p>
      {quick.length > 0 && (
        <div className="checks">
          {quick.map((id) => (
            <label key={id}>
              <input type="checkbox" checked={selected.includes(id)} disabled={full && !selected.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
              <span>
                {titleOf(id)}
                {planIds.includes(id) ? <span className="muted-text"> · {t('sessions.detail.fromPlan')}</span> : mine.includes(id) ? <span className="muted-text"> · {t('sessions.detail.ownActivity')}</span> : null}
              </span>
            </label>
          ))}
        </div>
      )}
      {library.error && <p className="field-error">{library.error.message}</p>}
      {rest.length > 0 && (
        <div className="add-row">
          <SelectField label={t('sessions.detail.otherActivity')} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('sessions.detail.chooseActivity')}</option>
            {themes.map((g) => (
              <optgroup key={g.id} label={g.label}>
                {g.activities.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </optgroup>
            ))}
            {colleagues.length > 0 && (
              <optgroup label={t('sessions.detail.fromColleagues')}>
                {colleagues.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                    {a.authorName ? ` (${a.authorName})` : ''}
                  </option>
                ))}
              </optgroup>
            )}
          </SelectField>
          <button type="button" disabled={!pick || full} onClick={add}>
            {t('sessions.detail.addActivity')}
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
