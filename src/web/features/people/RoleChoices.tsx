import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RoleChoicesResponse } from '../../../contracts/people';
import { api } from '../../api';
import { PageState } from '../../components/PageState';
import { classLabel } from './labels';

/** The classes (leercoach) or student coaches (seniorcoach) of a programme to tick for a role. */
export function RoleChoices({ personId, role, programmeId, selected, onChange }: { personId: string; role: 'leercoach' | 'seniorcoach'; programmeId: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['people', personId, 'choices', role, programmeId],
    queryFn: () => api<RoleChoicesResponse>(`/api/people/${personId}/roles/${role}/scopes/${programmeId}/choices`),
  });
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <PageState query={query} loading={t('people.person.loadingChoices')}>
      {(data) => {
        const items =
          role === 'leercoach'
            ? data.classes.map((c) => ({ id: c.id, label: classLabel(c, t), help: c.leercoach ? t('people.person.currentLeercoach', { name: `${c.leercoach.firstName} ${c.leercoach.lastName}` }) : null }))
            : data.coaches.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}`, help: c.seniorNames.length > 0 ? t('people.person.supervisedBy', { names: c.seniorNames.join(', ') }) : null }));
        return (
          <fieldset>
            <legend>{t(role === 'leercoach' ? 'people.person.chooseClasses' : 'people.person.chooseCoaches')}</legend>
            {items.length === 0 && <p>{t(role === 'leercoach' ? 'people.person.noClassesInProgramme' : 'people.person.noCoachesInProgramme')}</p>}
            <div className="checks">
              {items.map((item) => (
                <label key={item.id} className="check">
                  <input type="checkbox" checked={selected.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                  <span>
                    {item.label}
                    {item.help && <span className="help"> ({item.help})</span>}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      }}
    </PageState>
  );
}
