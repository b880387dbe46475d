import { useTranslation } from 'react-i18next';
import type { ProgrammeName, RoleEvent } from '../../../contracts/people';
import type { z } from 'zod';
import { EmptyState } from '../../components/PageState';
import { dateTime, roleAt } from './labels';

/** The append-only history of a person's roles and account: what, who (name and role), when, why. */
export function RoleHistory({ events, programmes, headingId }: { events: RoleEvent[]; programmes: z.infer<typeof ProgrammeName>[]; headingId: string }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <EmptyState>{t('people.history.empty')}</EmptyState>;
  return (
    <ol className="people-history" aria-labelledby={headingId}>
      {events.map((e) => {
        const role = e.role ? roleAt(e.role, programmes, e.programmeId, t, i18n.language) : '';
        const when = dateTime(e.at, i18n.language);
        const extra =
          e.kind === 'granted' && e.classCodes.length > 0
            ? t('people.history.withClasses', { classes: e.classCodes.join(', ') })
            : e.kind === 'granted' && e.supervisedCount !== null
              ? t('people.history.withSupervised', { count: e.supervisedCount })
              : null;
        return (
          <li key={e.id} className="card">
            <p className="people-history-what">
              {e.kind === 'classesChanged'
                ? t('people.history.classesChanged', { classes: e.classCodes.join(', ') || t('people.history.noClasses') })
                : e.kind === 'supervisionChanged'
                  ? t('people.history.supervisionChanged', { count: e.supervisedCount ?? 0 })
                  : t(`people.history.${e.kind}`, { role })}
              {extra && ` (${extra})`}
            </p>
            <p className="help">
              {e.actor
                ? t('people.history.by', { name: `${e.actor.firstName} ${e.actor.lastName}`, role: e.actor.role ? t(`roles.${e.actor.role}`) : '–', when })
                : t('people.history.byUnknown', { when })}
            </p>
            {e.reason && <p>{t('people.history.reason', { reason: e.reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
