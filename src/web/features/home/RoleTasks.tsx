import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeResponse } from '../../../contracts/home';
import type { SignalsOverviewResponse } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Role } from '../../../domain/access/roles';
import { api } from '../../api';

/** Signals that still need the coordinator: not closed, not forwarded. */
const WAITING = new Set(['open', 'in_progress']);

/**
 * "Nu te doen" for the roles whose work is not sessions: the coordinator's open signals, groups to
 * form and schedules to make per intake, the money to approve; finance's payouts; the beheerder's
 * people; the leercoach's class. Only what this person may do and what exists is listed.
 */
export function RoleTasks({ actor, roles, data }: { actor: Actor; roles: Role[]; data: HomeResponse }) {
  const { t } = useTranslation();
  const handlesSignals = data.programmes.some((p) => isAllowed(actor, 'programme:handleSignals', { kind: 'programme', institutionId: actor.institutionId, programmeId: p.id }));
  const signals = useQuery({ queryKey: ['signals'], queryFn: () => api<SignalsOverviewResponse>('/api/signals'), enabled: handlesSignals });
  const may = (action: 'programme:formCommunities' | 'programme:manageScheduling', programmeId: string) => isAllowed(actor, action, { kind: 'programme', institutionId: actor.institutionId, programmeId });
  const intakeName = (month: 'september' | 'february', year: string) => t('home.intake', { month: t(`home.months.${month}`), year });
  const tasks: { key: string; node: React.ReactNode }[] = [];

  if (handlesSignals) {
    const waiting = signals.data?.inbox.filter((s) => WAITING.has(s.status)).length;
    if (waiting !== undefined)
      tasks.push({ key: 'signals', node: waiting > 0 ? <Link to="/support/signals">{t('ux.home.openSignals', { count: waiting })}</Link> : <>{t('ux.home.noOpenSignals')}</> });
  }
  for (const p of data.programmes) {
    for (const i of p.intakes) {
      if (may('programme:formCommunities', p.id)) tasks.push({ key: `g-${i.id}`, node: <Link to={`/programme/intakes/${i.id}/grouping`}>{t('ux.home.formGroups', { intake: `${p.name} · ${intakeName(i.month, i.academicYear)}` })}</Link> });
      if (may('programme:manageScheduling', p.id)) tasks.push({ key: `s-${i.id}`, node: <Link to={`/programme/intakes/${i.id}/scheduling`}>{t('ux.home.makeSchedule', { intake: `${p.name} · ${intakeName(i.month, i.academicYear)}` })}</Link> });
    }
  }
  if (roles.includes('coordinator')) tasks.push({ key: 'statements', node: <Link to="/compensation">{t('ux.home.statements')}</Link> });
  if (isAllowed(actor, 'payout:manage', { kind: 'financeDesk', institutionId: actor.institutionId })) tasks.push({ key: 'payouts', node: <Link to="/finance">{t('ux.home.payouts')}</Link> });
  if (roles.includes('leercoach'))
    for (const c of data.classes) tasks.push({ key: `c-${c.id}`, node: <><Link to={`/classes/${c.id}`}>{t('ux.nav.myClass')}: {c.code}</Link> — {t('ux.home.classIntro')}</> });
  if (isAllowed(actor, 'people:search', { kind: 'peopleDirectory', institutionId: actor.institutionId }) && roles.includes('beheerder')) {
    tasks.push({ key: 'people', node: <Link to="/people">{t('ux.home.beheerderPeople')}</Link> });
    if (isAllowed(actor, 'outbox:read', { kind: 'institution', institutionId: actor.institutionId })) tasks.push({ key: 'outbox', node: <Link to="/admin/outbox">{t('ux.home.beheerderOutbox')}</Link> });
  }
  const needsCard = tasks.length > 0 || !(roles.includes('coachee') || roles.includes('studentcoach'));
  if (!needsCard) return null;
  return (
    <section className="card" aria-labelledby="todo-title">
      <h2 id="todo-title">{t('ux.home.todo')}</h2>
      {tasks.length === 0 ? (
        <>
          <p>{t('ux.home.nothingToDo')}</p>
          {roles.includes('onderzoeker') && <p className="help">{t('ux.home.researcher')}</p>}
        </>
      ) : (
        <ul className="rows">
          {tasks.map((task) => (
            <li key={task.key}>{task.node}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
