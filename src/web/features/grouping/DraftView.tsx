import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupingOptionsResponse, GroupingRunResponse } from '../../../contracts/grouping';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { PageState } from '../../components/PageState';
import { CheckField, errorsOf } from '../../components/form-fields';
import { groupingApi } from './api';

type Community = GroupingRunResponse['communities'][number];
type Member = Community['members'][number];

/** A run: its progress while it works, then the draft to adjust and accept, or what was created. */
export function DraftView({ runId, options, onNewRun }: { runId: string; options: GroupingOptionsResponse; onNewRun: () => void }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: ['grouping', 'run', runId],
    queryFn: () => groupingApi.run(runId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 400 : false),
  });
  if (!run.data) return <PageState query={run} />;
  const data = run.data;
  if (data.status === 'running') {
    const percent = Math.round(data.progress * 100);
    return (
      <section className="card" aria-labelledby="running-title">
        <h2 id="running-title">{t('grouping.run.running')}</h2>
        <progress aria-labelledby="running-title" max={100} value={percent}>
          {percent}%
        </progress>
        <p role="status" className="figure">
          {percent}%
        </p>
      </section>
    );
  }
  if (data.status === 'failed') {
    return (
      <div className="stack">
        <Alert kind="error">
          {t('grouping.run.failed')}: {data.error?.message}
        </Alert>
        <button type="button" className="secondary" onClick={onNewRun}>
          {t('grouping.draft.newRun')}
        </button>
      </div>
    );
  }
  return <Draft run={data} options={options} onNewRun={onNewRun} />;
}

function Draft({ run, options, onNewRun }: { run: GroupingRunResponse; options: GroupingOptionsResponse; onNewRun: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const nameOf = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;
  const allMembers = new Map(run.communities.flatMap((c) => c.members.map((m) => [m.id, m] as const)));
  const attributeName = (key: string) => t(`grouping.attributes.${key}.name`);
  const evenness = (value: number | null) => (value === null ? t('grouping.draft.suppressed') : `${value}%`);
  const move = useMutation({
    mutationFn: ({ studentId, toCommunity }: { studentId: string; toCommunity: number }) => groupingApi.move(run.id, { studentId, toCommunity, version: run.version }),
    onSuccess: (next, { studentId, toCommunity }) => {
      client.setQueryData(['grouping', 'run', run.id], next);
      const member = allMembers.get(studentId);
      const figures = (next.figures?.attributes ?? []).map((a) => t('grouping.draft.figureLine', { name: attributeName(a.attribute), value: evenness(a.evenness) })).join(', ');
      setAnnouncement(t('grouping.draft.moved', { name: member ? nameOf(member) : '', number: toCommunity + 1, figures }));
      setFocusAfterMove(studentId);
    },
    onError: () => client.invalidateQueries({ queryKey: ['grouping', 'run', run.id] }),
  });
  useEffect(() => {
    if (focusAfterMove === null) return;
    document.getElementById(`move-${focusAfterMove}`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, run]);
  const accepted = run.status === 'accepted';

  return (
    <div className="stack">
      <div aria-live="polite" role="status" className="announce">
        {announcement}
      </div>
      {move.error && <Alert kind="error">{move.error.message}</Alert>}
      <section className="card" aria-labelledby="figures-title">
        <h2 id="figures-title">{t('grouping.draft.figuresTitle')}</h2>
        <p className="help">{t('grouping.draft.figuresIntro')}</p>
        <table className="figures-table">
          <caption className="visually-hidden">{t('grouping.draft.figuresTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grouping.draft.attribute')}</th>
              <th scope="col">{t('grouping.draft.evenness')}</th>
              <th scope="col">{t('grouping.draft.counted')}</th>
            </tr>
          </thead>
          <tbody>
            {run.figures?.attributes.map((a) => (
              <tr key={a.attribute}>
                <th scope="row">{attributeName(a.attribute)}</th>
                <td className="figure" data-testid={`evenness-${a.attribute}`}>
                  {a.evenness !== null && (
                    <span className="bar-track" aria-hidden="true">
                      <span className="bar" style={{ width: `${a.evenness}%` }} />
                    </span>
                  )}
                  {evenness(a.evenness)}
                </td>
                <td className="figure">{t('grouping.draft.countedValue', { count: a.disclosed })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {run.figures &&
          (['sizeBounds', 'keepTogether', 'keepApart', 'mixedClasses'] as const).map((k) =>
            run.figures!.violations[k] > 0 ? (
              <p key={k} className="tag warn">
                {t(`grouping.draft.violations.${k}`, { count: run.figures!.violations[k] })}
              </p>
            ) : null,
          )}
        {run.elapsedMs !== null && <p className="help">{t('grouping.draft.elapsed', { seconds: (run.elapsedMs / 1000).toFixed(1) })}</p>}
      </section>

      {!accepted && <p>{t('grouping.draft.dragHint')}</p>}
      <div className="community-grid">
        {run.communities.map((c, i) => (
          <CommunityCard
            key={c.index}
            community={c}
            position={i}
            count={run.communities.length}
            bounds={run.settings.sizeBounds}
            editable={!accepted && !move.isPending}
            nameOf={nameOf}
            memberName={(id) => {
              const m = allMembers.get(id);
              return m ? nameOf(m) : '';
            }}
            onMove={(studentId, toCommunity) => move.mutate({ studentId, toCommunity })}
          />
        ))}
      </div>
      {accepted ? <AcceptedList run={run} options={options} onNewRun={onNewRun} /> : <AcceptForm run={run} onNewRun={onNewRun} />}
    </div>
  );
}

function CommunityCard(props: {
  community: Community;
  position: number;
  count: number;
  bounds: { min: number; max: number };
  editable: boolean;
  nameOf: (m: Member) => string;
  memberName: (id: string) => string;
  onMove: (studentId: string, toCommunity: number) => void;
}) {
  const { t } = useTranslation();
  const { community: c, position, editable } = props;
  const [over, setOver] = useState(false);
  const title = t('grouping.draft.community', { number: position + 1 });
  const headingId = `community-${position}`;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const studentId = e.dataTransfer.getData('text/plain');
    if (studentId && editable) props.onMove(studentId, position);
  };
  return (
    <section
      className={`card community-card${over ? ' drop-target' : ''}`}
      aria-labelledby={headingId}
      data-community={position}
      onDragOver={(e) => {
        if (!editable) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id={headingId}>
        {title}
        {c.label ? ` · ${c.label}` : ''}
        {c.classCode ? ` · ${c.classCode}` : ''}
      </h2>
      <p className="figure">
        {t('grouping.draft.size', { count: c.size })}
        {!c.withinBounds && <span className="tag warn">{t('grouping.draft.outsideBounds', props.bounds)}</span>}
      </p>
      {c.mix.length > 0 && (
        <ul className="mix-list">
          {c.mix.map((m) => (
            <li key={m.attribute}>{t('grouping.draft.mix', { name: t(`grouping.attributes.${m.attribute}.name`), present: m.present, of: m.of })}</li>
          ))}
        </ul>
      )}
      <ul className="member-list" aria-label={title}>
        {c.members.map((m) => (
          <MemberRow key={m.id} member={m} position={position} count={props.count} editable={editable} name={props.nameOf(m)} memberName={props.memberName} onMove={props.onMove} />
        ))}
      </ul>
    </section>
  );
}

function MemberRow({ member, position, count, editable, name, memberName, onMove }: { member: Member; position: number; count: number; editable: boolean; name: string; memberName: (id: string) => string; onMove: (id: string, to: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const firstOption = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) firstOption.current?.focus();
  }, [open]);
  const reason = (r: Member['reasons'][number]) => {
    switch (r.code) {
      case 'pre_placed':
        return t('grouping.draft.reasons.pre_placed', { label: r.label });
      case 'kept_with':
      case 'kept_apart_from':
        return t(`grouping.draft.reasons.${r.code}`, { names: r.studentIds.map(memberName).join(', ') });
      case 'adds_spread':
        return t('grouping.draft.reasons.adds_spread', { name: t(`grouping.attributes.${r.attribute}.name`).toLowerCase() });
      case 'better_elsewhere':
        return t('grouping.draft.reasons.better_elsewhere', { number: r.community + 1 });
      default:
        return t(`grouping.draft.reasons.${r.code}`);
    }
  };
  const targets = Array.from({ length: count }, (_, k) => k).filter((k) => k !== position);
  return (
    <li
      className="member"
      draggable={editable}
      data-student={member.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', member.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="member-line">
        <span className="member-name">
          {name} <span className="help">({member.classCode})</span>
        </span>
        {editable && (
          <button type="button" id={`move-${member.id}`} className="secondary small" aria-expanded={open} aria-label={t('grouping.draft.moveLabel', { name })} onClick={() => setOpen(!open)}>
            {t('grouping.draft.move')}
          </button>
        )}
      </div>
      {open && editable && (
        <div
          role="group"
          aria-label={t('grouping.draft.moveOptions', { name })}
          className="move-options"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              document.getElementById(`move-${member.id}`)?.focus();
            }
          }}
        >
          {targets.map((k, i) => (
            <button
              key={k}
              ref={i === 0 ? firstOption : undefined}
              type="button"
              className="secondary small"
              onClick={() => {
                setOpen(false);
                onMove(member.id, k);
              }}
            >
              {t('grouping.draft.moveTo', { number: k + 1 })}
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            {t('grouping.draft.cancel')}
          </button>
        </div>
      )}
      <details className="why">
        <summary>
          {t('grouping.draft.why')}
          <span className="visually-hidden"> {name}</span>
        </summary>
        <ul>
          {member.reasons.map((r, i) => (
            <li key={i}>{reason(r)}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function AcceptForm({ run, onNewRun }: { run: GroupingRunResponse; onNewRun: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [prefix, setPrefix] = useState(() => t('grouping.draft.defaultPrefix'));
  const [assignCoaches, setAssignCoaches] = useState(true);
  const [preferRoleModels, setPreferRoleModels] = useState(false);
  const accept = useMutation({
    mutationFn: () => groupingApi.accept(run.id, { version: run.version, namePrefix: prefix, assignCoaches, preferRoleModels }),
    onSuccess: async (next) => {
      client.setQueryData(['grouping', 'run', run.id], next);
      await client.invalidateQueries({ queryKey: ['programme'] });
      await client.invalidateQueries({ queryKey: ['grouping', 'options'] });
    },
  });
  const { form, fields } = errorsOf(accept.error);
  return (
    <form
      className="card stack-sm grouping-accept"
      aria-labelledby="accept-title"
      onSubmit={(e) => {
        e.preventDefault();
        accept.mutate();
      }}
    >
      <h2 id="accept-title">{t('grouping.draft.acceptTitle')}</h2>
      {form && <Alert kind="error">{form}</Alert>}
      <Field label={t('grouping.draft.namePrefix')} value={prefix} maxLength={40} onChange={(e) => setPrefix(e.target.value)} error={fields.namePrefix} />
      <CheckField label={t('grouping.draft.assignCoaches')} checked={assignCoaches} onChange={setAssignCoaches} />
      {assignCoaches && <CheckField label={t('grouping.draft.preferRoleModels')} checked={preferRoleModels} onChange={setPreferRoleModels} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={accept.isPending}>
          {t('grouping.draft.accept')}
        </button>
        <button type="button" className="secondary" onClick={onNewRun}>
          {t('grouping.draft.newRun')}
        </button>
      </div>
    </form>
  );
}

function AcceptedList({ run, options, onNewRun }: { run: GroupingRunResponse; options: GroupingOptionsResponse; onNewRun: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="accepted-title">
      <h2 id="accepted-title">{t('grouping.draft.acceptedTitle')}</h2>
      <Alert kind="success">{t('grouping.draft.accepted')}</Alert>
      <ul className="rows">
        {(run.accepted ?? []).map((c) => (
          <li key={c.id}>
            <Link to={`/communities/${c.id}/manage`}>{c.name}</Link> · {c.coach ? t('grouping.draft.coach', { name: `${c.coach.firstName} ${c.coach.lastName}` }) : t('grouping.draft.noCoach')}
          </li>
        ))}
      </ul>
      <div className="actions">
        <Link className="button-link" to={`/programme/intakes/${options.intake.id}/communities`}>
          {t('grouping.draft.toCommunities')}
        </Link>
        {options.students.length > 0 && (
          <button type="button" className="secondary" onClick={onNewRun}>
            {t('grouping.draft.newRun')}
          </button>
        )}
      </div>
    </section>
  );
}
