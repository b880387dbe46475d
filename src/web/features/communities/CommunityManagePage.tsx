import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CommunityManageResponse } from '../../../contracts/communities';
import { STOP_REASONS } from '../../../contracts/communities';
import { overfullTargets, proposeSpread } from '../../../domain/communities/redistribute';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CheckField, errorsOf, percent, personName, SelectField } from '../../components/form-fields';
import { ListCard } from '../../components/ListCard';
import { communityApi } from './api';
import { formatDate } from '../../format';

/** Edit one community: name and coach, members (add, move, stop), handover, history. */
export function CommunityManagePage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const query = useQuery({ queryKey: ['communities', 'manage', communityId], queryFn: () => communityApi.manage(communityId) });
  useDocumentTitle(query.data ? t('programme.communities.manageTitle', { name: query.data.name }) : t('programme.common.loading'));
  if (!query.data) return <PageState query={query} />;
  const c = query.data;
  const open = c.handovers.find((h) => h.status === 'open');
  return (
    <div className="stack">
      <p>
        <Link to={`/programme/intakes/${c.intakeId}/communities`}>{t('programme.common.back')}</Link>
      </p>
      <h1>{t('programme.communities.manageTitle', { name: c.name })}</h1>
      <p className="figure">
        {t('programme.communities.continuity')}: {t('programme.communities.coachShare', { value: percent(c.continuity.originalCoachShare) })} (
        {t(`programme.communities.coachBasis.${c.continuity.basis}`, { count: c.continuity.sessionsHeld })}),{' '}
        {t('programme.communities.memberShare', { value: percent(c.continuity.originalMembersShare) })}
      </p>
      <p className="help">{t('programme.communities.continuityHelp')}</p>
      <Details community={c} />
      <Members community={c} />
      {c.coach && !open && <StartHandover community={c} />}
      <ListCard id="handovers-title" title={t('programme.communities.handovers')} listClassName="rows" items={c.handovers}>
        {(h) => (
          <>
            <Link to={`/handovers/${h.id}`}>{t('programme.communities.viewHandover')}</Link> · {personName(h.fromCoach)} → {personName(h.toCoach) || '–'} ·{' '}
            {t(`programme.handover.status.${h.status}`)}
          </>
        )}
      </ListCard>
      <History community={c} />
    </div>
  );
}

function useConflictAware() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['communities'] });
}

function ErrorOf({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { form, code } = errorsOf(error);
  if (!form) return null;
  return <Alert kind="error">{code === 'conflict' ? t('programme.common.conflict') : form}</Alert>;
}

function Details({ community }: { community: CommunityManageResponse }) {
  const { t } = useTranslation();
  const refresh = useConflictAware();
  const [name, setName] = useState(community.name);
  const [coachId, setCoach] = useState(community.coach?.id ?? '');
  const save = useMutation({
    mutationFn: (confirmSecondCommunity: boolean) => communityApi.update(community.id, { name, coachId: coachId || null, version: community.version, confirmSecondCommunity }),
    onSettled: refresh,
  });
  const coaches = community.coach && !community.coaches.some((c) => c.id === community.coach!.id) ? [community.coach, ...community.coaches] : community.coaches;
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('programme.communities.details')}</h2>
      <ErrorOf error={save.error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(false);
        }}
      >
        <div className="grid-2">
          <Field label={t('programme.communities.name')} value={name} onChange={(e) => setName(e.target.value)} />
          <SelectField label={t('programme.communities.coach')} value={coachId} onChange={(e) => setCoach(e.target.value)}>
            <option value="">{t('programme.communities.noCoach')}</option>
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {personName(c)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="actions">
          <button type="submit" className="secondary" disabled={save.isPending}>
            {t('programme.communities.saveDetails')}
          </button>
          {errorsOf(save.error).code === 'coach_already_leads' && (
            <button type="button" className="danger" disabled={save.isPending} onClick={() => save.mutate(true)}>
              {t('ux.assignAnyway')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function Members({ community }: { community: CommunityManageResponse }) {
  const { t } = useTranslation();
  const refresh = useConflictAware();
  const students = useQuery({ queryKey: ['communities', 'students', community.intakeId], queryFn: () => communityApi.students(community.intakeId) });
  const [personId, setPerson] = useState('');
  const [override, setOverride] = useState(false);
  const [reasons, setReasons] = useState<Record<string, (typeof STOP_REASONS)[number]>>({});
  // A switch to another programme: where to, and whether the student wants a welcome there (#21).
  const [switchTo, setSwitchTo] = useState<Record<string, { programmeId: string; agreed: boolean }>>({});
  const switching = Object.values(reasons).includes('switchedProgramme');
  const targets = useQuery({ queryKey: ['communities', 'switch-targets', community.programmeId], queryFn: () => communityApi.switchTargets(community.programmeId), enabled: switching });
  const add = useMutation({
    mutationFn: () => communityApi.addMember(community.id, { personId, version: community.version, overrideFull: override }),
    onSettled: refresh,
  });
  const stop = useMutation({
    mutationFn: (id: string) => {
      const reason = reasons[id] ?? 'stopped';
      const target = switchTo[id];
      return communityApi.stopMember(community.id, id, {
        reason,
        version: community.version,
        ...(reason === 'switchedProgramme' && target?.programmeId ? { switchTo: { programmeId: target.programmeId, welcomeAgreed: target.agreed } } : {}),
      });
    },
    onSettled: refresh,
  });
  const full = community.members.length >= community.size.max;
  const names = new Map([...community.otherCommunities.map((o) => [o.id, o.name] as const)]);
  const candidates = (students.data?.students ?? []).filter((s) => s.communityId !== community.id);
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('programme.communities.membersTitle', { count: community.members.length, max: community.size.max })}</h2>
      <ErrorOf error={add.error ?? stop.error} />
      {add.isSuccess && <Alert kind="success">{add.data.moved ? t('programme.communities.moved') : t('programme.communities.added')}</Alert>}
      {stop.isSuccess && <Alert kind="success">{t('programme.communities.stopped')}</Alert>}
      <ul className="rows">
        {community.members.map((m) => (
          <li key={m.id}>
            <strong>{personName(m)}</strong> · {m.studentNumber ?? ''} · {t('programme.communities.joinedOn')} {formatDate(m.joinedOn, 'long')}
            <div className="actions">
              <SelectField label={t('programme.communities.stopReason')} value={reasons[m.id] ?? 'stopped'} onChange={(e) => setReasons({ ...reasons, [m.id]: STOP_REASONS.find((r) => r === e.target.value) ?? 'stopped' })}>
                {STOP_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`programme.communities.stopReasons.${r}`)}
                  </option>
                ))}
              </SelectField>
              {reasons[m.id] === 'switchedProgramme' && (
                <>
                  <SelectField label={t('year.switch.target')} value={switchTo[m.id]?.programmeId ?? ''} onChange={(e) => setSwitchTo({ ...switchTo, [m.id]: { programmeId: e.target.value, agreed: switchTo[m.id]?.agreed ?? false } })}>
                    <option value="">{t('year.switch.chooseTarget')}</option>
                    {(targets.data?.programmes ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.location})
                      </option>
                    ))}
                  </SelectField>
                  <CheckField
                    label={t('year.switch.agreed')}
                    help={t('year.switch.agreedHelp')}
                    checked={switchTo[m.id]?.agreed ?? false}
                    onChange={(agreed) => setSwitchTo({ ...switchTo, [m.id]: { programmeId: switchTo[m.id]?.programmeId ?? '', agreed } })}
                  />
                </>
              )}
              <button type="button" className="secondary" onClick={() => stop.mutate(m.id)} disabled={stop.isPending}>
                {t('programme.communities.stop', { name: m.firstName })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (personId) add.mutate();
        }}
      >
        <h3>{t('programme.communities.addMember')}</h3>
        <SelectField label={t('programme.communities.student')} value={personId} onChange={(e) => setPerson(e.target.value)}>
          <option value="">{t('programme.communities.chooseStudent')}</option>
          {candidates.map((s) => (
            <option key={s.id} value={s.id}>
              {s.firstName} {s.lastName} ({s.classCode}) —{' '}
              {s.communityId ? t('programme.communities.inCommunity', { name: names.get(s.communityId) ?? '' }) : t('programme.communities.unplacedTag')}
            </option>
          ))}
        </SelectField>
        {full && (
          <>
            <p className="help">{t('programme.communities.fullWarning', { count: community.members.length, max: community.size.max })}</p>
            <CheckField label={t('programme.communities.overrideFull')} checked={override} onChange={setOverride} />
          </>
        )}
        <button type="submit" className="secondary" disabled={add.isPending || !personId}>
          {t('programme.communities.add')}
        </button>
      </form>
    </section>
  );
}

function StartHandover({ community }: { community: CommunityManageResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'newCoach' | 'redistribute'>('newCoach');
  const coaches = community.coaches.filter((c) => c.id !== community.coach?.id);
  const [toCoachId, setTo] = useState(coaches[0]?.id ?? '');
  const [intro, setIntro] = useState('');
  const firstOther = community.otherCommunities[0]?.id ?? '';
  const max = community.size.max;
  const targets = community.otherCommunities.map((o) => ({ id: o.id, size: o.memberCount }));
  // The proposal: everyone where there is the most room; the coordinator changes what fits better.
  const proposal = new Map(proposeSpread(community.members.map((m) => m.id), targets, max).map((m) => [m.personId, m.communityId]));
  const [moves, setMoves] = useState<Record<string, string>>({});
  const [overrideFull, setOverrideFull] = useState(false);
  const plan = community.members.map((m) => ({ personId: m.id, communityId: moves[m.id] ?? proposal.get(m.id) ?? firstOther }));
  const overfull = overfullTargets(plan, targets, max).map((id) => community.otherCommunities.find((o) => o.id === id)?.name ?? '');
  const start = useMutation({
    mutationFn: () => {
      const introProposedAt = intro ? new Date(intro).toISOString() : null;
      return communityApi.startHandover(
        community.id,
        mode === 'newCoach' ? { mode, toCoachId, introProposedAt, version: community.version } : { mode, introProposedAt, version: community.version, moves: plan, overrideFull },
      );
    },
    onSuccess: async (r) => navigate(`/handovers/${r.id}`),
  });
  const { fields } = errorsOf(start.error);
  return (
    <section className="card" aria-labelledby="handover-title">
      <h2 id="handover-title">{t('programme.communities.startHandover')}</h2>
      <p>{t('programme.communities.handoverIntro')}</p>
      <ErrorOf error={start.error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <fieldset>
          <legend>{t('programme.communities.mode')}</legend>
          {(['newCoach', 'redistribute'] as const).map((m) => (
            <div key={m} className="check-field">
              <input type="radio" id={`mode-${m}`} name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} disabled={m === 'redistribute' && !firstOther} />
              <label htmlFor={`mode-${m}`}>{t(`programme.communities.modes.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        {mode === 'newCoach' ? (
          <SelectField label={t('programme.communities.newCoach')} value={toCoachId} onChange={(e) => setTo(e.target.value)} error={fields.toCoachId}>
            {coaches.map((c) => (
              <option key={c.id} value={c.id}>
                {personName(c)}
              </option>
            ))}
          </SelectField>
        ) : (
          <fieldset>
            <legend>{t('programme.communities.modes.redistribute')}</legend>
            <p className="help">{t('programme.communities.spreadHelp')}</p>
            {fields.moves && <p className="field-error">{fields.moves}</p>}
            {community.members.map((m) => (
              <SelectField
                key={m.id}
                label={t('programme.communities.moveTo', { name: personName(m) })}
                value={plan.find((p) => p.personId === m.id)?.communityId ?? firstOther}
                onChange={(e) => setMoves({ ...moves, [m.id]: e.target.value })}
              >
                {community.otherCommunities.map((o) => (
                  <option key={o.id} value={o.id}>
                    {t(o.memberCount >= max ? 'programme.communities.targetFull' : 'programme.communities.targetOption', { name: o.name, count: o.memberCount, max })}
                  </option>
                ))}
              </SelectField>
            ))}
            {overfull.length > 0 && (
              <>
                <p>{t('programme.communities.spreadOverfull', { names: overfull.join(', ') })}</p>
                <CheckField label={t('programme.communities.overrideSpread')} checked={overrideFull} onChange={setOverrideFull} />
              </>
            )}
          </fieldset>
        )}
        <Field label={t('programme.communities.introAt')} help={t('programme.communities.introHelp')} type="datetime-local" value={intro} onChange={(e) => setIntro(e.target.value)} />
        <button type="submit" className="primary" disabled={start.isPending || (mode === 'newCoach' && !toCoachId)}>
          {t('programme.communities.startHandover')}
        </button>
      </form>
    </section>
  );
}

function History({ community }: { community: CommunityManageResponse }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('programme.communities.history')}</h2>
      <ul className="rows">
        {community.history.map((e, i) => (
          <li key={i}>
            <span className="figure">{formatDate(e.at, 'medium')}</span> ·{' '}
            {t(`programme.communities.historyEvents.${e.kind}`, { name: personName(e.person) })}
            {e.reason && ` (${t(`programme.communities.reasons.${e.reason}`, { defaultValue: e.reason })})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
