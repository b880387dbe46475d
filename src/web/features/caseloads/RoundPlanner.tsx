import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundProposalResponse } from '../../../contracts/caseloads';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, personName } from '../../components/form-fields';
import { ProposedTimeFieldset, useProposedChoices, type ProposedChoice } from '../../components/ProposedTimes';
import { formatDate, formatDateTime } from '../../format';
import { caseloadsApi } from './api';

type Row = RoundProposalResponse['proposals'][number];
type Reason = Extract<Row['proposal'], { kind: 'slot' }>['reason'];

/**
 * A round with proposed times (#21 item 3): the coach picks a week, gets a time per coachee from
 * the timetables with the reason, changes any of them and plans them all in one go. Nothing is
 * stored before "Plan".
 */
export function RoundPlanner({ caseloadId, onDone }: { caseloadId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [week, setWeek] = useState('');
  const [duration, setDuration] = useState(30);
  const [breakMinutes, setBreakMinutes] = useState(5);
  const [location, setLocation] = useState('');
  const [meetingLink, setMeetingLink] = useState('');
  const { choices, fill, change, chosen } = useProposedChoices();
  const propose = useMutation({
    mutationFn: () => caseloadsApi.proposeRound(caseloadId, { week, durationMinutes: duration, breakMinutes }),
    onSuccess: (r) => fill(r.proposals.map((p) => ({ key: p.coachee.id, proposal: p.proposal }))),
  });
  const proposal = propose.data;
  const slots = chosen.map(({ key, ...c }) => ({ coacheeId: key, ...c }));
  const anyLink = slots.some((s) => s.mode !== 'onCampus');
  const plan = useMutation({
    mutationFn: () => caseloadsApi.planRound(caseloadId, { date: proposal?.from ?? week, durationMinutes: duration, breakMinutes, location, slots, ...(anyLink ? { meetingLink } : {}) }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: ['caseloads', 'mine'] });
      onDone(t('caseloads.mine.roundPlanned', { count: r.planned.length }));
    },
  });
  const asked = errorsOf(propose.error);
  const planErrors = errorsOf(plan.error);
  return (
    <div className="stack">
      <form
        noValidate
        aria-label={t('caseloads.round.askTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          plan.reset();
          propose.mutate();
        }}
      >
        <p className="help">{t('caseloads.round.help')}</p>
        {asked.form && !asked.fields.week && <Alert kind="error">{asked.form}</Alert>}
        <div className="grid-2">
          <Field label={t('caseloads.round.week')} help={t('caseloads.round.weekHelp')} type="date" name="round-week" value={week} error={asked.fields.week} onChange={(e) => setWeek(e.target.value)} />
          <Field label={t('caseloads.mine.duration')} type="number" min={15} max={120} value={duration} error={asked.fields.durationMinutes} onChange={(e) => setDuration(Number(e.target.value))} />
          <Field label={t('caseloads.mine.breakMinutes')} type="number" min={0} max={60} value={breakMinutes} error={asked.fields.breakMinutes} onChange={(e) => setBreakMinutes(Number(e.target.value))} />
        </div>
        <div className="actions">
          <button type="submit" disabled={propose.isPending}>
            {t('caseloads.round.propose')}
          </button>
        </div>
      </form>
      {proposal && (
        <form
          noValidate
          aria-label={t('caseloads.round.planTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            plan.mutate();
          }}
        >
          <h3>{t('caseloads.round.proposed', { from: formatDate(proposal.from, 'medium'), to: formatDate(proposal.to, 'medium') })}</h3>
          {planErrors.form && <Alert kind="error">{planErrors.form}</Alert>}
          <ul className="rows">
            {proposal.proposals.map((row) => (
              <li key={row.coachee.id}>
                <ProposalRow row={row} slotIndex={slots.findIndex((s) => s.coacheeId === row.coachee.id)} choice={choices[row.coachee.id]} errors={planErrors.fields} onChange={(patch) => change(row.coachee.id, patch)} />
              </li>
            ))}
          </ul>
          <div className="grid-2">
            <Field label={t('caseloads.mine.location')} value={location} error={planErrors.fields.location} onChange={(e) => setLocation(e.target.value)} />
            {anyLink && <Field label={t('caseloads.mine.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" value={meetingLink} error={planErrors.fields.meetingLink} onChange={(e) => setMeetingLink(e.target.value)} />}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={plan.isPending || slots.length === 0}>
              {t('caseloads.round.plan', { count: slots.length })}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function ProposalRow({ row, slotIndex, choice, errors, onChange }: { row: Row; slotIndex: number; choice: ProposedChoice | undefined; errors: Record<string, string>; onChange: (patch: Partial<ProposedChoice>) => void }) {
  const { t } = useTranslation();
  const name = personName(row.coachee);
  const p = row.proposal;
  if (p.kind === 'alreadyPlanned')
    return (
      <>
        <strong>{name}</strong>
        <br />
        {t('caseloads.round.already', { when: formatDateTime(p.startsAt, 'medium') })}
      </>
    );
  // The server names a slot by its place among the slots sent (rows without a time are not sent).
  return (
    <ProposedTimeFieldset
      legend={name}
      help={p.kind === 'slot' ? reasonText(t, p.reason) : t('caseloads.round.none')}
      labels={{ date: t('caseloads.round.dateOf', { name }), time: t('caseloads.round.timeOf', { name }), mode: t('caseloads.round.modeOf', { name }) }}
      choice={choice}
      errors={{ date: errors[`slots.${slotIndex}.date`], time: errors[`slots.${slotIndex}.startTime`] }}
      onChange={onChange}
    />
  );
}

function reasonText(t: (key: string, options?: Record<string, string>) => string, reason: Reason): string {
  switch (reason.code) {
    case 'afterLesson':
      return t('caseloads.round.reasons.afterLesson', { time: reason.time });
    case 'beforeLesson':
      return t('caseloads.round.reasons.beforeLesson', { time: reason.time });
    case 'campusDay':
      return t('caseloads.round.reasons.campusDay');
    case 'noLessonsOnline':
      return t('caseloads.round.reasons.noLessonsOnline');
    case 'awayFromLessonsOnline':
      return t('caseloads.round.reasons.awayFromLessonsOnline');
    case 'noTimetable':
      return t('caseloads.round.reasons.noTimetable');
  }
}
