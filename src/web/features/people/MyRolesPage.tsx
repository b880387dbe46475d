import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyRolesResponse } from '../../../contracts/people';
import { api } from '../../api';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { classLabel, date, roleAt } from './labels';
import { RoleHistory } from './RoleHistory';
import './people.css';

/** "Mijn rollen": one's own roles and who changed them, when and why. */
export function MyRolesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('people.myRoles.title'));
  const query = useQuery({ queryKey: ['me', 'roles'], queryFn: () => api<MyRolesResponse>('/api/me/roles') });
  return (
    <div className="stack">
      <h1>{t('people.myRoles.title')}</h1>
      <p>{t('people.myRoles.intro')}</p>
      <PageState query={query}>
        {(data) => (
          <>
            {data.heldRoles.length === 0 ? (
              <p>{t('people.myRoles.none')}</p>
            ) : (
              <ul className="people-roles" aria-label={t('people.myRoles.title')}>
                {data.heldRoles.map((held) => (
                  <li key={`${held.role}:${held.programmeId ?? 'institution'}`} className="card stack-sm">
                    <h2>{roleAt(held.role, data.programmes, held.programmeId, t, i18n.language)}</h2>
                    <p className="help">{t('people.person.since', { when: date(held.since, i18n.language) })}</p>
                    {held.role === 'leercoach' && held.classes.length > 0 && (
                      <p>
                        {t('people.person.classes')}: {held.classes.map((c) => classLabel(c, t)).join(', ')}
                      </p>
                    )}
                    {held.role === 'seniorcoach' && (
                      <p>
                        {t('people.person.supervises')}: {held.supervised.length > 0 ? held.supervised.map((s) => `${s.firstName} ${s.lastName}`).join(', ') : t('people.person.nobodySupervised')}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <section className="stack" aria-labelledby="my-role-history">
              <h2 id="my-role-history">{t('people.myRoles.history')}</h2>
              <RoleHistory events={data.history} programmes={data.programmes} headingId="my-role-history" />
            </section>
          </>
        )}
      </PageState>
    </div>
  );
}
