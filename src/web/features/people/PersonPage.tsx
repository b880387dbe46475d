import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PersonInvitationResponse } from '../../../contracts/invitations';
import type { HeldRole, PersonDetail } from '../../../contracts/people';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { ROLES, type Role } from '../../../domain/access/roles';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { errorsOf, SelectField, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { actorOf, useSession } from '../../session';
import { classLabel, date, programmeName, roleAt } from './labels';
import { RoleChoices } from './RoleChoices';
import { RoleHistory } from './RoleHistory';
import { PEOPLE_KEY } from './PeoplePage';
import './people.css';

const scopeOf = (programmeId: string | null) => programmeId ?? 'institution';
const roleUrl = (personId: string, role: string, programmeId: string | null) => `/api/people/${personId}/roles/${role}/scopes/${scopeOf(programmeId)}`;
const hasDetails = (role: Role): role is 'leercoach' | 'seniorcoach' => role === 'leercoach' || role === 'seniorcoach';

/** One person as the beheerder or a coordinator manages them: account, roles, grant, revoke, history. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { personId = '' } = useParams();
  const actor = actorOf(useSession().data);
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const query = useQuery({ queryKey: [...PEOPLE_KEY, personId], queryFn: () => api<PersonDetail>(`/api/people/${personId}`) });
  const name = query.data ? `${query.data.firstName} ${query.data.lastName}` : t('people.directory.title');
  useDocumentTitle(name);
  const back = <Link to="/people">{t('people.person.back')}</Link>;
  if (!query.data || !actor) return <PageState query={query} back={back} />;
  const person = query.data;
  return (
    <div className="stack">
      {back}
      <h1>
        {name}
        {person.status !== 'active' && <span className={`tag people-status${person.status === 'deactivated' ? ' warn' : ''}`}>{t(`people.status.${person.status}`)}</span>}
      </h1>
      {created && <Alert kind="success">{t('people.directory.created', { name })}</Alert>}
      <dl className="facts">
        <dt>{t('people.person.email')}</dt>
        <dd>{person.email}</dd>
        {person.studentNumber && (
          <>
            <dt>{t('people.person.studentNumber')}</dt>
            <dd>{person.studentNumber}</dd>
          </>
        )}
        <dt>{t('people.person.statusLabel')}</dt>
        <dd>{t(`people.status.${person.status}`)}</dd>
      </dl>
      {person.status === 'notActivated' && <p className="help">{t('people.person.notActivatedHelp')}</p>}
      {person.status === 'notActivated' && <InvitationCard personId={person.id} />}
      {person.status === 'deactivated' && person.deactivatedAt && <p>{t('people.person.deactivatedSince', { when: date(person.deactivatedAt, i18n.language) })}</p>}
      <HeldRoles person={person} actor={actor} />
      <GrantForm person={person} actor={actor} />
      {isAllowed(actor, 'person:deactivate', { kind: 'person', institutionId: actor.institutionId, personId: person.id, programmeIds: [], isStudent: false }) && <AccountSection person={person} />}
      <section className="stack" aria-labelledby="person-history">
        <h2 id="person-history">{t('people.person.history')}</h2>
        <RoleHistory events={person.history} programmes={person.programmes} headingId="person-history" />
      </section>
    </div>
  );
}

function useRefresh(personId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: PEOPLE_KEY }).then(() => client.invalidateQueries({ queryKey: ['people', personId] }));
}

function HeldRoles({ person, actor }: { person: PersonDetail; actor: Actor }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="person-roles">
      <h2 id="person-roles">{t('people.person.roles')}</h2>
      {person.heldRoles.length === 0 ? (
        <p>{t('people.person.noRoles')}</p>
      ) : (
        <ul className="people-roles">
          {person.heldRoles.map((held) => (
            <HeldRoleCard key={`${held.role}:${scopeOf(held.programmeId)}`} person={person} held={held} actor={actor} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HeldRoleCard({ person, held, actor }: { person: PersonDetail; held: HeldRole; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(person.id);
  const resource = { kind: 'roleGrant' as const, institutionId: actor.institutionId, holderId: person.id, role: held.role, programmeId: held.programmeId };
  const canRevoke = isAllowed(actor, 'role:revoke', resource);
  const canEdit = hasDetails(held.role) && held.programmeId !== null && isAllowed(actor, 'role:grant', resource);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>(held.role === 'leercoach' ? held.classes.map((c) => c.id) : held.supervised.map((s) => s.id));
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => api(roleUrl(person.id, held.role, held.programmeId), { method: 'PUT', body: held.role === 'leercoach' ? { classIds: selected } : { supervisedIds: selected } }),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => api(`${roleUrl(person.id, held.role, held.programmeId)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
  const title = roleAt(held.role, person.programmes, held.programmeId, t, i18n.language);
  const revokeErrors = errorsOf(revoke.error);
  return (
    <li className="card stack-sm">
      <h3>{title}</h3>
      <p className="help">{t('people.person.since', { when: date(held.since, i18n.language) })}</p>
      {held.role === 'leercoach' && (
        <>
          <p>{t('people.person.classes')}:</p>
          {held.classes.length === 0 ? <p>{t('people.person.noClasses')}</p> : <ul>{held.classes.map((c) => <li key={c.id}>{classLabel(c, t)}</li>)}</ul>}
        </>
      )}
      {held.role === 'seniorcoach' && (
        <>
          <p>{t('people.person.supervises')}:</p>
          {held.supervised.length === 0 ? <p>{t('people.person.nobodySupervised')}</p> : <ul>{held.supervised.map((s) => <li key={s.id}>{`${s.firstName} ${s.lastName}`}</li>)}</ul>}
        </>
      )}
      {save.isSuccess && <Alert kind="success">{t('people.person.detailsSaved')}</Alert>}
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      {canEdit && held.programmeId !== null && hasDetails(held.role) && (
        editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <RoleChoices personId={person.id} role={held.role} programmeId={held.programmeId} selected={selected} onChange={setSelected} />
            <div className="actions">
              <button type="submit" className="primary" disabled={save.isPending}>
                {t('people.person.saveDetails')}
              </button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`${t('people.person.editDetails')}: ${title}`}>
              {t('people.person.editDetails')}
            </button>
          </div>
        )
      )}
      {canRevoke && (
        <details>
          <summary>{t('people.person.revoke')}</summary>
          <form
            className="stack-sm"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              revoke.mutate();
            }}
          >
            {revokeErrors.form && <Alert kind="error">{revokeErrors.form}</Alert>}
            <TextAreaField label={t('people.person.revokeReason')} help={t('people.person.revokeHelp')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={revokeErrors.fields.reason} />
            <div className="actions">
              <button type="submit" className="primary" disabled={revoke.isPending} aria-label={`${t('people.person.revokeConfirm')}: ${title}`}>
                {t('people.person.revokeConfirm')}
              </button>
            </div>
          </form>
        </details>
      )}
    </li>
  );
}

function GrantForm({ person, actor }: { person: PersonDetail; actor: Actor }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(person.id);
  const scopes: (string | null)[] = [null, ...person.programmes.map((p) => p.id)];
  const held = (role: Role, programmeId: string | null) => person.heldRoles.some((h) => h.role === role && h.programmeId === programmeId);
  // Every role and scope the pure policy lets this actor grant (the server decides again).
  const options = ROLES.flatMap((role) =>
    scopes
      .filter((programmeId) => !held(role, programmeId) && isAllowed(actor, 'role:grant', { kind: 'roleGrant', institutionId: actor.institutionId, holderId: person.id, role, programmeId }))
      .map((programmeId) => ({ role, programmeId })),
  );
  const roles = [...new Set(options.map((o) => o.role))];
  const [role, setRole] = useState<Role | ''>('');
  const [scope, setScope] = useState<string>('');
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const chosenRole = role && roles.includes(role) ? role : roles[0];
  const scopesForRole = options.filter((o) => o.role === chosenRole).map((o) => scopeOf(o.programmeId));
  const chosenScope = scopesForRole.includes(scope) ? scope : scopesForRole[0];
  const grant = useMutation({
    mutationFn: () => {
      const details = chosenRole === 'leercoach' ? { classIds: selected } : chosenRole === 'seniorcoach' ? { supervisedIds: selected } : {};
      return api(`/api/people/${person.id}/roles/${chosenRole}/scopes/${chosenScope}`, { method: 'POST', body: { reason, ...details } });
    },
    onSuccess: async () => {
      setSelected([]);
      setReason('');
      await refresh();
    },
  });
  const errors = errorsOf(grant.error);
  return (
    <section className="card stack" aria-labelledby="person-grant">
      <h2 id="person-grant">{t('people.person.grant')}</h2>
      {grant.isSuccess && <Alert kind="success">{t('people.person.granted')}</Alert>}
      {!chosenRole || !chosenScope ? (
        <p>{t('people.person.nothingToGrant')}</p>
      ) : (
        <form
          className="stack-sm"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            grant.mutate();
          }}
        >
          <p className="help">{t('people.person.grantHelp')}</p>
          {errors.form && <Alert kind="error">{errors.form}</Alert>}
          <div className="grid-2">
            <SelectField
              label={t('people.person.role')}
              value={chosenRole}
              onChange={(e) => {
                setRole(e.target.value as Role);
                setSelected([]);
                grant.reset();
              }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('people.person.scope')}
              value={chosenScope}
              onChange={(e) => {
                setScope(e.target.value);
                setSelected([]);
              }}
            >
              {scopesForRole.map((s) => (
                <option key={s} value={s}>
                  {programmeName(person.programmes, s === 'institution' ? null : s, t, i18n.language)}
                </option>
              ))}
            </SelectField>
          </div>
          {hasDetails(chosenRole) && chosenScope !== 'institution' && (
            <RoleChoices personId={person.id} role={chosenRole} programmeId={chosenScope} selected={selected} onChange={setSelected} />
          )}
          <TextAreaField label={t('people.person.reasonOptional')} help={t('people.person.reasonHelp')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} />
          <div className="actions">
            <button type="submit" className="primary" disabled={grant.isPending}>
              {t('people.person.grantButton')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function AccountSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const active = person.status !== 'deactivated';
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: () => api(`/api/people/${person.id}/${active ? 'deactivate' : 'reactivate'}`, { method: 'POST', body: { reason } }),
    onSuccess: async () => {
      setReason('');
      await refresh();
    },
  });
  const errors = errorsOf(change.error);
  const [done, setDone] = useState<'deactivated' | 'reactivated' | null>(null);
  return (
    <section className="card stack" aria-labelledby="person-account">
      <h2 id="person-account">{t('people.person.account')}</h2>
      {done && <Alert kind="success">{t(`people.person.${done}`)}</Alert>}
      {active && <p className="help">{t('people.person.deactivateHelp')}</p>}
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate(undefined, { onSuccess: () => setDone(active ? 'deactivated' : 'reactivated') });
        }}
      >
        {errors.form && <Alert kind="error">{errors.form}</Alert>}
        <TextAreaField label={t('people.person.accountReason')} help={t('people.person.accountReasonHelp')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} />
        <div className="actions">
          <button type="submit" className={active ? 'secondary' : 'primary'} disabled={change.isPending}>
            {t(active ? 'people.person.deactivate' : 'people.person.reactivate')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The activation invitation of a person who has not activated their account yet: its status and
 * a button to send it (or send it again, which makes earlier links stop working).
 */
function InvitationCard({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const key = ['people', personId, 'invitation'];
  const invitation = useQuery({ queryKey: key, queryFn: () => api<PersonInvitationResponse>(`/api/people/${personId}/invitation`) });
  const send = useMutation({
    mutationFn: () => api<PersonInvitationResponse>(`/api/people/${personId}/invitation`, { method: 'POST' }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  return (
    <section className="card" aria-labelledby="person-invitation">
      <h2 id="person-invitation">{t('people.invitation.title')}</h2>
      <PageState query={invitation}>
        {(inv) => (
          <>
            <p>
              {t(`people.invitation.status.${inv.status}`)}
              {inv.sentAt && ` · ${t('people.invitation.sentAt', { when: date(inv.sentAt, i18n.language) })}`}
            </p>
            {send.isSuccess && <Alert kind="success">{t('people.invitation.sent')}</Alert>}
            {send.error && <Alert kind="error">{errorsOf(send.error).form}</Alert>}
            <button type="button" className="primary" disabled={send.isPending} onClick={() => send.mutate()}>
              {inv.sendCount > 0 ? t('people.invitation.resend') : t('people.invitation.send')}
            </button>
          </>
        )}
      </PageState>
    </section>
  );
}
