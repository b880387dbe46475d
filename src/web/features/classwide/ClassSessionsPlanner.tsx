import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassSessionProposalsResponse } from '../../../contracts/classwide';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf } from '../../components/form-fields';
import { classProposalReason } from '../../components/class-proposal-reason';
import { ProposedTimeFieldset, useProposedChoices, type ProposedChoice } from '../../components/ProposedTimes';
import { formatDate, formatDateTime } from '../../format';
import { classwideApi } from './api';

type Row = ClassSessionProposalsResponse['proposals'][number];

/**
 * "Plan de klassikale bijeenkomsten" (#21 item 3): a proposed session per teaching period, next to
 * the class's lessons, each with the reason in plain words; the coach (or coordinator) changes any
 * time and plans them in one go. Nothing is stored before "Plan".
 */
export function ClassSessionsPlanner({ communityId, code, onDone }: { communityId: string; code: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [duration, setDuration] = useState(60);
  const [location, setLocation] = useState('');
  const [meetingLink, setMeetingLink] = useState('');
  const { choices, fill, change, chosen: picked } = useProposedChoices();
  const propose = useMutation({
    mutationFn: () => classwideApi.propose(communityId, duration),
    onSuccess: (r) => fill(r.proposals.map((p) => ({ key: p.period.id, proposal: p.proposal }))),
  });
  const proposal = propose.data;
  const chosen = picked.map(({ key, ...c }) => ({ periodId: key, ...c }));
  const anyLink = chosen.some((s) => s.mode !== 'onCampus');
  const accept = useMutation({
    mutationFn: () => classwideApi.accept(communityId, { durationMinutes: proposal?.durationMinutes ?? duration, location, sessions: chosen, ...(anyLink && meetingLink ? { meetingLink } : {}) }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['classes', 'mine'] });
      await client.invalidateQueries({ queryKey: ['sessions'] });
      onDone(t('classwide.proposals.planned', { count: r.planned.length, code }));
    },
  });
  const asked = errorsOf(propose.error);
  const errors = errorsOf(accept.error);
  return (
    <div className="stack">
      <form
        noValidate
        aria-label={t('classwide.proposals.askTitle', { code })}
        onSubmit={(e) => {
          e.preventDefault();
          accept.reset();
          propose.mutate();
        }}
      >
        <p className="help">{t('classwide.proposals.help')}</p>
        {asked.form && <Alert kind="error">{asked.form}</Alert>}
        <div className="grid-2">
          <Field label={t('classwide.mine.duration')} type="number" min={30} max={180} value={duration} error={asked.fields.durationMinutes} onChange={(e) => setDuration(Number(e.target.value))} />
        </div>
        <div className="actions">
          <button type="submit" disabled={propose.isPending}>
            {t('classwide.proposals.propose')}
          </button>
        </div>
      </form>
      {proposal && (
        <form
          noValidate
          aria-label={t('classwide.proposals.planTitle', { code })}
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate();
          }}
        >
          {!proposal.hasTimetable && <Alert kind="info">{t('classwide.proposals.noTimetable')}</Alert>}
          {proposal.proposals.length === 0 && <p>{t('classwide.proposals.noPeriods')}</p>}
          {errors.form && <Alert kind="error">{errors.form}</Alert>}
          <ul className="rows">
            {proposal.proposals.map((row) => (
              <li key={row.period.id}>
                <PeriodRow row={row} index={chosen.findIndex((s) => s.periodId === row.period.id)} choice={choices[row.period.id]} errors={errors.fields} onChange={(patch) => change(row.period.id, patch)} />
              </li>
            ))}
          </ul>
          {Object.keys(choices).length === 0 ? (
            proposal.proposals.length > 0 && <p>{t('classwide.proposals.allPlanned')}</p>
          ) : (
            <>
              <div className="grid-2">
                <Field label={t('classwide.mine.location')} value={location} error={errors.fields.location} onChange={(e) => setLocation(e.target.value)} />
                {anyLink && <Field label={t('classwide.mine.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" value={meetingLink} error={errors.fields.meetingLink} onChange={(e) => setMeetingLink(e.target.value)} />}
              </div>
              <div className="actions">
                <button type="submit" className="primary" disabled={accept.isPending || chosen.length === 0}>
                  {t('classwide.proposals.accept', { count: chosen.length })}
                </button>
              </div>
            </>
          )}
        </form>
      )}
    </div>
  );
}

function PeriodRow({ row, index, choice, errors, onChange }: { row: Row; index: number; choice: ProposedChoice | undefined; errors: Record<string, string>; onChange: (patch: Partial<ProposedChoice>) => void }) {
  const { t } = useTranslation();
  const name = t('classwide.proposals.period', { name: row.period.name, from: formatDate(row.period.firstDate, 'short'), to: formatDate(row.period.lastDate, 'short') });
  const p = row.proposal;
  if (p.kind === 'alreadyPlanned')
    return (
      <>
        <strong>{name}</strong>
        <br />
        <span>{t('classwide.proposals.already', { when: formatDateTime(p.startsAt, 'weekday') })}</span>
      </>
    );
  // The server names a session by its place among those sent (periods without a time are not sent).
  const of = { name: row.period.name };
  return (
    <ProposedTimeFieldset
      legend={name}
      help={p.kind === 'slot' ? classProposalReason(t, p.reason) : t('classwide.proposals.none')}
      labels={{ date: t('classwide.proposals.dateOf', of), time: t('classwide.proposals.timeOf', of), mode: t('classwide.proposals.modeOf', of) }}
      choice={choice}
      errors={{ date: errors[`sessions.${index}.date`] ?? errors[`sessions.${index}.periodId`], time: errors[`sessions.${index}.startTime`] }}
      onChange={onChange}
    />
  );
}
