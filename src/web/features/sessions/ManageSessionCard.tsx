import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { ConfirmAction } from './ConfirmAction';
import { useServerState } from '../../components/useServerState';
import { fieldErrorsOf } from './library';
import { SessionModeFields, SessionTimeFields } from './SessionFields';
import { amsterdamParts } from '../../format';

/** Move or cancel a session; everyone invited gets an e-mail (server side). */
export function ManageSessionCard({ session }: { session: SessionDetailResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const start = amsterdamParts(session.startsAt);
  const [form, setForm] = useServerState({
    date: start.date,
    startTime: start.time,
    durationMinutes: String(Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000)),
    location: session.location,
    mode: session.mode,
    meetingLink: session.meetingLink ?? '',
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['session', session.id] });
    await client.invalidateQueries({ queryKey: ['sessions'] });
    await client.invalidateQueries({ queryKey: ['year-plan'] });
  };
  const move = useMutation({
    mutationFn: () => {
      const { meetingLink, ...rest } = form;
      return api(`/api/sessions/${session.id}`, { method: 'PUT', body: { ...rest, ...(form.mode === 'onCampus' ? {} : { meetingLink }), durationMinutes: Number(form.durationMinutes), version: session.version } });
    },
    onSuccess: refresh,
  });
  const cancel = useMutation({ mutationFn: () => api(`/api/sessions/${session.id}/cancel`, { method: 'POST', body: { version: session.version } }), onSuccess: refresh });
  const errors = fieldErrorsOf(move.error, t);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t('sessionInsight.manage.title')}</h2>
      <p className="help">{t('sessionInsight.manage.help')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <SessionTimeFields form={form} set={set} errors={errors} />
        <SessionModeFields form={form} set={set} errors={errors} />
        {move.error && <Alert kind="error">{move.error.message}</Alert>}
        {move.isSuccess && <p role="status">{t('sessionInsight.manage.moved')}</p>}
        <button type="submit" disabled={move.isPending}>
          {t('sessionInsight.manage.move')}
        </button>
      </form>
      <h3>{t('sessionInsight.manage.cancelTitle')}</h3>
      <ConfirmAction label={t('sessionInsight.manage.cancel')} question={t('sessionInsight.manage.confirmCancel')} keep={t('sessionInsight.manage.keep')} error={cancel.error} pending={cancel.isPending} onConfirm={() => cancel.mutate()} />
    </section>
  );
}
