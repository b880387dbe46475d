import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ActivityView } from '../../../contracts/activities';
import { api } from '../../api';
import { ConfirmAction } from './ConfirmAction';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { minutesLabel, useLibrary } from './library';
import './sessions.css';

/** One activity: goal, phases, duration, group size, materials and steps; its author edits or removes it. */
export function ActivityPage() {
  const { activityId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const activity = useQuery({ queryKey: ['activity', activityId, i18n.language], queryFn: () => api<ActivityView>(`/api/activities/${activityId}`) });
  const themes = useLibrary().data?.themes ?? [];
  const remove = useMutation({
    mutationFn: () => api(`/api/activities/${activityId}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['activities'] });
      await client.invalidateQueries({ queryKey: ['session-plans'] });
      await navigate('/activities', { state: { removed: true } });
    },
  });
  const a = activity.data;
  useDocumentTitle(a?.title ?? t('library.title'));
  if (!a) return <PageState query={activity} />;
  return (
    <article className="stack">
      <p>
        <Link to="/activities">{t('library.back')}</Link>
      </p>
      <h1>{a.title}</h1>
      {!a.builtIn && <p className="muted-text">{a.mine ? (a.shared ? t('library.mineShared') : t('library.minePrivate')) : t('library.by', { name: a.authorName ?? '' })}</p>}
      <dl className="facts">
        <dt>{t('library.goal')}</dt>
        <dd>{a.goal}</dd>
        <dt>{t('library.theme')}</dt>
        <dd>{themes.find((x) => x.id === a.theme)?.label ?? a.theme}</dd>
        <dt>{t('library.phase')}</dt>
        <dd>{a.phases.map((p) => t(`library.phases.${p}`)).join(', ')}</dd>
        <dt>{t('library.duration')}</dt>
        <dd>{minutesLabel(t, a.durationMinutes)}</dd>
        <dt>{t('library.groupSize')}</dt>
        <dd>{t('library.group', a.groupSize)}</dd>
      </dl>
      <section className="card" aria-labelledby="materials-title">
        <h2 id="materials-title">{t('library.materials')}</h2>
        {a.materials.length === 0 ? (
          <p>{t('library.noMaterials')}</p>
        ) : (
          <ul>
            {a.materials.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('library.steps')}</h2>
        <ol className="steps">
          {a.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </section>
      {a.tips.length > 0 && (
        <section className="card" aria-labelledby="tips-title">
          <h2 id="tips-title">{t('library.tips')}</h2>
          <ul>
            {a.tips.map((tip, i) => (
              <li key={i}>{tip}</li>
            ))}
          </ul>
        </section>
      )}
      {a.canEdit && (
        <section className="card" aria-labelledby="own-title">
          <h2 id="own-title">{t('library.yourActivity')}</h2>
          <ul className="link-row">
            <li>
              <Link to={`/activities/${a.id}/edit`}>{t('library.edit')}</Link>
            </li>
          </ul>
          <ConfirmAction label={t('library.remove')} question={t('library.confirmRemove')} keep={t('library.keep')} error={remove.error} pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </section>
      )}
    </article>
  );
}
