import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeResponse } from '../../../contracts/home';
import type { SignalsOverviewResponse } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Role } from '../../../domain/access/roles';
import { api } from '../../api';

/** Where a coordinator places an intake's students, by its format, and the words for it. */
const PLACING = {
  communities: { page: 'grouping', words: 'groups' },
  individual: { page: 'caseloads', words: 'caseloads' },
  classWide: { page: 'classes', words: 'classes' },
} as const;

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
  const intakeName = (month: 'september' | 'february', year: string) => t('home.intake', { month: t(`home.months.${month}`), year });
  const tasks: { key: string; node: React.ReactNode }[] = [];
  // A student of an opt-in intake answers whether they take part (#21): first, while sign-up is open.
  if (data.signUps && data.signUps.waiting > 0) tasks.push({ key: 'sign-up', node: <Link to="/meedoen">{t('participation.signUp.task', { count: data.signUps.waiting })}</Link> });

  if (handlesSignals) {
    const waiting = signals.data?.inbox.filter((s) => WAITING.has(s.status)).length;
    if (waiting !== undefined)
      tasks.push({ key: 'signals', node: waiting > 0 ? <Link to="/support/signals">{t('ux.home.openSignals', { count: waiting })}</Link> : <>{t('ux.home.noOpenSignals')}</> });
  }
  // Each task says what is left, or that it is done (#20 item 3): the state comes from the server.
  const byIntake = new Map(data.intakeTasks.map((task) => [task.intakeId, task]));
  for (const p of data.programmes) {
    for (const i of p.intakes) {
      const state = byIntake.get(i.id);
      if (!state) continue;
      const intake = `${p.name} · ${intakeName(i.month, i.academicYear)}`;
      const g = state.grouping;
      if (g) {
        // Placing a student: in a group, with a coach (a caseload), or in a class that has a coach.
        const { page, words } = PLACING[state.format];
        const to = `/programme/intakes/${i.id}/${page}`;
        if (g.unplaced > 0) tasks.push({ key: `g-${i.id}`, node: <Link to={to}>{t(`ux.home.${words}.unplaced`, { intake, count: g.unplaced })}</Link> });
        else if (g.students === 0) tasks.push({ key: `g-${i.id}`, node: <span className="help">{t('ux.home.noStudentsYet', { intake })}</span> });
        else tasks.push({ key: `g-${i.id}`, node: <span className="help">{t(`ux.home.${words}.ready`, { intake })}</span> });
      }
      const s = state.scheduling;
      if (s) {
        const to = `/programme/intakes/${i.id}/scheduling`;
        const left = s.periods - s.published;
        if (s.periods === 0) tasks.push({ key: `s-${i.id}`, node: <Link to={to}>{t('ux.home.noPeriods', { intake })}</Link> });
        else if (left > 0) tasks.push({ key: `s-${i.id}`, node: <Link to={to}>{t('ux.home.schedulePeriods', { intake, count: left })}</Link> });
        else tasks.push({ key: `s-${i.id}`, node: <span className="help">{t('ux.home.scheduleReady', { intake })}</span> });
      }
    }
  }
  if (data.statementsToApprove !== null)
    tasks.push({ key: 'statements', node: data.statementsToApprove > 0 ? <Link to="/compensation">{t('ux.home.statementsWaiting', { count: data.statementsToApprove })}</Link> : <span className="help">{t('ux.home.statementsDone')}</span> });
  if (data.payoutsToMake !== null)
    tasks.push({ key: 'payouts', node: data.payoutsToMake > 0 ? <Link to="/finance">{t('ux.home.payoutsWaiting', { count: data.payoutsToMake })}</Link> : <span className="help">{t('ux.home.payoutsDone')}</span> });
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
