import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoachesResponse, CoachPoolResponse } from '../../../contracts/programme';
import { nextCoachStatuses, type CoachStatus } from '../../../domain/programme/coach-lifecycle';
import { Alert } from '../../components/Alert';
import { CoachPhoto } from '../../components/CoachPhoto';
import { Field } from '../../components/Field';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { errorsOf, personName, SelectField, TableWrap } from '../../components/form-fields';
import { coachApi } from './api';
import { formatDateTime } from '../../format';

const STATUS_ACTION: Record<CoachStatus, string> = {
  onboarding: 'programme.coaches.onboarding',
  active: 'programme.coaches.activate',
  paused: 'programme.coaches.pause',
  leaving: 'programme.coaches.leave',
  left: 'programme.coaches.markLeft',
};

/** The coordinator's coach pipeline: applications, onboarding, supervision, active/paused/leaving. */
export function CoachesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('programme.coaches.title'));
  const programmes = useQuery({ queryKey: ['programme', 'structure'], queryFn: coachApi.programmes });
  const mine = programmes.data?.programmes.filter((p) => p.canManagePeople) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? mine[0]?.id ?? null;
  const coaches = useQuery({ queryKey: ['coaches', programmeId], queryFn: () => coachApi.coaches(programmeId!), enabled: programmeId !== null });
  return (
    <div className="stack">
      <h1>{t('programme.coaches.title')}</h1>
      {programmes.isPending && <p role="status">{t('programme.common.loading')}</p>}
      {mine.length > 1 && (
        <SelectField label={t('programme.coaches.programme')} value={programmeId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {mine.map((p) => (
            <option key={p.id} value={p.id}>
              {i18n.language === 'en' ? p.nameEn : p.nameNl} · {p.location}
            </option>
          ))}
        </SelectField>
      )}
      {programmes.data && mine.length === 0 && <p>{t('programme.structure.noProgrammes')}</p>}
      {coaches.error && <Alert kind="error">{coaches.error.message}</Alert>}
      {coaches.data && (
        <>
          <Applications data={coaches.data} />
          <Team data={coaches.data} />
          {programmeId && <Pool programmeId={programmeId} />}
        </>
      )}
    </div>
  );
}

function Applications({ data }: { data: CoachesResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [when, setWhen] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: (v: Parameters<typeof coachApi.decide>[1] & { id: string }) => coachApi.decide(v.id, v),
    onSettled: () => client.invalidateQueries({ queryKey: ['coaches'] }),
  });
  const languages = (codes: string[]) => codes.map((c) => t(`programme.apply.languageNames.${c}`)).join(', ');
  return (
    <section className="card" aria-labelledby="applications-title">
      <h2 id="applications-title">{t('programme.coaches.applications')}</h2>
      {decide.error && <Alert kind="error">{errorsOf(decide.error).form}</Alert>}
      {data.applications.length === 0 && <p>{t('programme.coaches.noApplications')}</p>}
      <ul className="rows">
        {data.applications.map((a) => (
          <li key={a.id} className="stack-sm">
            <h3>
              {t('programme.coaches.applicationFrom', { name: `${a.firstName} ${a.lastName}`, year: a.studyYear })} ·{' '}
              <span className="tag">{t(`programme.coaches.applicationStatus.${a.status}`)}</span>
            </h3>
            {a.nomination && <p className="help">{t('growth.applications.nominatedBy', { name: a.nomination.nominatorName, role: t(`growth.roles.${a.nomination.nominatorRole}`) })}</p>}
            <dl>
              <dt>{t('programme.coaches.motivation')}</dt>
              <dd>{a.motivation}</dd>
              <dt>{t('programme.coaches.availability')}</dt>
              <dd>{a.availability}</dd>
              <dt>{t('programme.coaches.languages')}</dt>
              <dd>{languages(a.languages)}</dd>
              {a.roleModelText && (
                <>
                  <dt>{t('programme.coaches.roleModel')}</dt>
                  <dd>{a.roleModelText}</dd>
                </>
              )}
              {a.conversationAt && (
                <>
                  <dt>{t('programme.coaches.conversationAt')}</dt>
                  <dd>{formatDateTime(a.conversationAt, 'medium')}</dd>
                </>
              )}
            </dl>
            <Field label={`${t('programme.coaches.conversationAt')}: ${a.firstName}`} type="datetime-local" value={when[a.id] ?? ''} onChange={(e) => setWhen({ ...when, [a.id]: e.target.value })} />
            <div className="actions">
              <button type="button" className="secondary" disabled={!when[a.id]} onClick={() => decide.mutate({ id: a.id, status: 'conversationPlanned', conversationAt: new Date(when[a.id]!).toISOString() })}>
                {t('programme.coaches.planConversation')}
              </button>
              {a.status === 'conversationPlanned' && (
                <button type="button" className="secondary" onClick={() => decide.mutate({ id: a.id, status: 'selected' })}>
                  {t('programme.coaches.select')} ({a.firstName})
                </button>
              )}
              <button type="button" className="secondary" onClick={() => decide.mutate({ id: a.id, status: 'rejected' })}>
                {t('programme.coaches.reject')} ({a.firstName})
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Team({ data }: { data: CoachesResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['coaches'] });
  const status = useMutation({ mutationFn: (v: { id: string; status: CoachStatus }) => coachApi.setStatus(v.id, v.status), onSettled: refresh });
  const supervisor = useMutation({ mutationFn: (v: { id: string; seniorId: string | null }) => coachApi.setSupervisor(v.id, v.seniorId), onSettled: refresh });
  const onboarding = useMutation({ mutationFn: (v: { id: string; agreementSignedOn: string | null; firstTrainingOn: string | null }) => coachApi.setOnboarding(v.id, v), onSettled: refresh });
  const error = status.error ?? supervisor.error ?? onboarding.error;
  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t('programme.coaches.team')}</h2>
      {error && <Alert kind="error">{errorsOf(error).form}</Alert>}
      {status.isSuccess && <Alert kind="success">{t('programme.coaches.statusSaved')}</Alert>}
      <ul className="rows">
        {data.coaches.map((c) => (
          <li key={c.id} className="stack-sm">
            <h3 style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
              <CoachPhoto coachId={c.id} version={c.photoVersion} name={personName(c)} size={48} />
              {personName(c)} · <span className={c.status === 'leaving' ? 'tag warn' : 'tag'}>{t(`programme.coaches.status.${c.status}`)}</span>
              {c.isSenior && <span className="tag"> {t('programme.coaches.senior')}</span>}
            </h3>
            <p>
              {t('programme.coaches.leads')}: {c.communities.length === 0 ? t('programme.coaches.noCommunities') : c.communities.map((m) => m.name).join(', ')}
            </p>
            {c.status === 'leaving' && c.communities.length > 0 && (
              <>
                <p>{t('programme.coaches.leavingHint')}</p>
                <ul>
                  {c.communities.map((m) => (
                    <li key={m.id}>
                      <Link to={`/communities/${m.id}/manage`}>{t('programme.coaches.handOver', { community: m.name })}</Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {!c.isSenior && (
              <SelectField label={t('programme.coaches.setSupervisor', { name: c.firstName })} value={c.supervisor?.id ?? ''} onChange={(e) => supervisor.mutate({ id: c.id, seniorId: e.target.value || null })}>
                <option value="">{t('programme.coaches.noSupervisor')}</option>
                {data.seniors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {personName(s)}
                  </option>
                ))}
              </SelectField>
            )}
            {c.status === 'onboarding' && (
              <div className="grid-2">
                <Field label={`${t('programme.coaches.agreementSignedOn')} (${c.firstName})`} type="date" defaultValue={c.agreementSignedOn ?? ''} onBlur={(e) => onboarding.mutate({ id: c.id, agreementSignedOn: e.target.value || null, firstTrainingOn: c.firstTrainingOn })} />
                <Field label={`${t('programme.coaches.firstTrainingOn')} (${c.firstName})`} type="date" defaultValue={c.firstTrainingOn ?? ''} onBlur={(e) => onboarding.mutate({ id: c.id, agreementSignedOn: c.agreementSignedOn, firstTrainingOn: e.target.value || null })} />
              </div>
            )}
            <div className="actions">
              {nextCoachStatuses(c.status).map((s) => (
                <button key={s} type="button" className="secondary" disabled={status.isPending} onClick={() => status.mutate({ id: c.id, status: s })}>
                  {t(c.status === 'paused' && s === 'active' ? 'programme.coaches.resume' : STATUS_ACTION[s])} ({c.firstName})
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The pool's make-up (P11): counts only, small groups suppressed by the server. */
function Pool({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const pool = useQuery({ queryKey: ['coaches', 'pool', programmeId], queryFn: () => coachApi.pool(programmeId) });
  if (pool.error) return <Alert kind="error">{pool.error.message}</Alert>;
  if (!pool.data) return null;
  const p = pool.data;
  const count = (n: number | null) => (n === null ? t('programme.coaches.pool.fewer', { min: p.minCell }) : String(n));
  const table = (caption: string, rows: { label: string; count: number | null }[]) => (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.coaches.pool.what')}</th>
            <th scope="col">{t('programme.coaches.pool.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{count(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <section className="card" aria-labelledby="pool-title">
      <h2 id="pool-title">{t('programme.coaches.pool.title')}</h2>
      <p className="help">{t('programme.coaches.pool.intro', { min: p.minCell })}</p>
      <p>{t('programme.coaches.pool.total', { count: p.total })}</p>
      <PoolTables pool={p} table={table} />
      <p>{t('programme.coaches.pool.roleModels', { count: count(p.roleModels) })}</p>
      <p className="help">{t('programme.coaches.pool.roleModelsHelp')}</p>
    </section>
  );
}

function PoolTables({ pool, table }: { pool: CoachPoolResponse; table: (caption: string, rows: { label: string; count: number | null }[]) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      {table(
        t('programme.coaches.pool.byStatus'),
        pool.byStatus.map((c) => ({ label: t(`programme.coaches.status.${c.key}`), count: c.count })),
      )}
      {table(
        t('programme.coaches.pool.byYear'),
        pool.byYear.map((c) => ({ label: c.key === 'unknown' ? t('programme.coaches.pool.unknownYear') : t('programme.coaches.pool.year', { year: c.key }), count: c.count })),
      )}
      {table(
        t('programme.coaches.pool.byLanguage'),
        pool.byLanguage.map((c) => ({ label: t(`programme.apply.languageNames.${c.key}`, { defaultValue: c.key }), count: c.count })),
      )}
    </div>
  );
}
