import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CreateStaffPersonRequest, FindPeopleResponse, PersonSummary } from '../../../contracts/people';
import { isAllowed } from '../../../domain/access/policy';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, SelectField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';
import './people.css';

export const PEOPLE_KEY = ['people'] as const;

/** "Mensen en rollen": find the institution's people (paginated) and create a staff member. */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.directory.title'));
  const actor = actorOf(useSession().data);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [text, setText] = useState(q);
  const query = useQuery({
    queryKey: [...PEOPLE_KEY, 'search', q, page],
    queryFn: () => api<FindPeopleResponse>(`/api/people?q=${encodeURIComponent(q)}&page=${page}`),
    placeholderData: keepPreviousData,
  });
  const canCreate = actor ? isAllowed(actor, 'people:create', { kind: 'peopleDirectory', institutionId: actor.institutionId }) : false;
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const goTo = (next: number) => setParams({ ...(q ? { q } : {}), page: String(next) });

  return (
    <div className="stack">
      <h1>{t('people.directory.title')}</h1>
      <p>{t('people.directory.intro')}</p>
      <form className="people-search" role="search" onSubmit={search}>
        <Field label={t('people.directory.searchLabel')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary">
          {t('people.directory.search')}
        </button>
      </form>
      <PageState query={query} empty={{ when: (d) => d.total === 0, text: t('people.directory.empty') }}>
        {(data) => <Results data={data} onPage={goTo} />}
      </PageState>
      {canCreate && <NewStaffForm />}
    </div>
  );
}

function Results({ data, onPage }: { data: FindPeopleResponse; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <p role="status">{t('people.directory.found', { count: data.total })}</p>
      <ul className="people-list" aria-label={t('people.directory.listLabel')}>
        {data.people.map((p) => (
          <PersonRow key={p.id} person={p} />
        ))}
      </ul>
      {pages > 1 && (
        <nav className="people-pager" aria-label={t('people.directory.page', { page: data.page, pages })}>
          <button type="button" className="secondary" disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
            {t('people.directory.previous')}
          </button>
          <span>{t('people.directory.page', { page: data.page, pages })}</span>
          <button type="button" className="secondary" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
            {t('people.directory.next')}
          </button>
        </nav>
      )}
    </>
  );
}

function PersonRow({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const roles = [...new Set(person.roles.map((r) => t(`roles.${r.role}`)))];
  return (
    <li className="card">
      <Link to={`/people/${person.id}`}>{`${person.firstName} ${person.lastName}`}</Link>
      {person.status !== 'active' && <span className={`tag people-status${person.status === 'deactivated' ? ' warn' : ''}`}>{t(`people.status.${person.status}`)}</span>}
      <p className="people-meta">
        {person.email}
        {person.studentNumber ? ` · ${person.studentNumber}` : ''}
      </p>
      <p className="people-meta">{roles.length > 0 ? roles.join(', ') : t('people.directory.noRoles')}</p>
    </li>
  );
}

function NewStaffForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const empty: CreateStaffPersonRequest = { firstName: '', lastName: '', email: '', locale: 'nl' };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: (body: CreateStaffPersonRequest) => api<{ id: string }>('/api/people', { method: 'POST', body }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: PEOPLE_KEY });
      await navigate(`/people/${id}`, { state: { created: true } });
    },
  });
  const { form: formError, fields } = errorsOf(create.error);
  const set = (key: keyof CreateStaffPersonRequest, value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="card stack" aria-labelledby="new-staff">
      <h2 id="new-staff">{t('people.directory.newStaff')}</h2>
      <p className="help">{t('people.directory.newStaffHelp')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form);
        }}
      >
        {formError && <Alert kind="error">{formError}</Alert>}
        <div className="grid-2">
          <Field label={t('people.directory.firstName')} value={form.firstName} autoComplete="off" onChange={(e) => set('firstName', e.target.value)} error={fields.firstName} />
          <Field label={t('people.directory.lastName')} value={form.lastName} autoComplete="off" onChange={(e) => set('lastName', e.target.value)} error={fields.lastName} />
        </div>
        <Field label={t('people.directory.email')} type="email" autoComplete="off" value={form.email} onChange={(e) => set('email', e.target.value)} error={fields.email} />
        <SelectField label={t('people.directory.language')} value={form.locale} onChange={(e) => set('locale', e.target.value)} error={fields.locale}>
          <option value="nl">{t('people.directory.languages.nl')}</option>
          <option value="en">{t('people.directory.languages.en')}</option>
        </SelectField>
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('people.directory.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
