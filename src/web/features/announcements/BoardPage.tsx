import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ANNOUNCEMENT_MAX, type CommunityBoardResponse } from '../../../contracts/announcements';
import { SESSION_MODES } from '../../../domain/sessions/session-mode';
import { api, ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { SelectField, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useServerState } from '../../components/useServerState';
import { formatDateTime } from '../../format';
import './announcements.css';

const fieldErrors = (error: unknown): Record<string, string> => (error instanceof ApiError ? Object.fromEntries(error.fields.map((f) => [f.path, f.message])) : {});

/** The community's board: the coach's messages and the group's own links, for coach and members (issue 21). */
export function BoardPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const query = useQuery({ queryKey: ['board', communityId], queryFn: () => api<CommunityBoardResponse>(`/api/communities/${communityId}/board`) });
  useDocumentTitle(query.data ? `${t('formats.announcements.title')} · ${query.data.communityName}` : t('app.loading'));
  if (!query.data) return <PageState query={query} back={<Link to="/">{t('app.backHome')}</Link>} />;
  const board = query.data;
  return (
    <div className="stack board">
      <p>
        <Link to={`/communities/${board.communityId}`}>{board.communityName}</Link>
      </p>
      <h1>{t('formats.announcements.title')}</h1>
      <section className="card" aria-labelledby="board-links">
        <h2 id="board-links">{t('formats.announcements.links')}</h2>
        {!board.chatLink && !board.meetingLink && <p>{t('formats.announcements.noLinks')}</p>}
        <p className="board-links">
          {board.chatLink && (
            <a className="button-link" href={board.chatLink} target="_blank" rel="noopener noreferrer">
              {t('formats.announcements.chat')}
            </a>
          )}
          {board.meetingLink && board.sessionMode !== 'onCampus' && (
            <a className="button-link" href={board.meetingLink} target="_blank" rel="noopener noreferrer">
              {t('formats.announcements.meeting')}
            </a>
          )}
        </p>
      </section>
      {board.can.announce && <SendForm communityId={board.communityId} />}
      <section aria-labelledby="board-messages" className="stack-sm">
        <h2 id="board-messages">{t('formats.announcements.title')}</h2>
        {board.announcements.length === 0 ? (
          <p>{t('formats.announcements.empty')}</p>
        ) : (
          <ul className="board-messages">
            {board.announcements.map((a) => (
              <li key={a.id} className="card">
                <p className="board-body">{a.body}</p>
                <p className="help">
                  {a.authorName ? `${t('formats.announcements.from', { name: a.authorName })} · ` : ''}
                  {formatDateTime(a.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {board.can.setLinks && <LinksForm board={board} />}
    </div>
  );
}

function SendForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => api<{ id: string; mailed: number }>(`/api/communities/${communityId}/announcements`, { method: 'POST', body: { body } }),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: ['board', communityId] });
    },
  });
  const errors = fieldErrors(send.error);
  const left = ANNOUNCEMENT_MAX - body.length;
  return (
    <section className="card" aria-labelledby="board-send">
      <h2 id="board-send">{t('formats.announcements.send')}</h2>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <TextAreaField label={t('formats.announcements.label')} help={t('formats.announcements.help')} value={body} onChange={(e) => setBody(e.target.value)} error={errors.body} />
        <p className={left < 0 ? 'board-count board-over' : 'board-count'} aria-live="polite">
          {t('formats.announcements.charactersLeft', { count: Math.max(0, left) })}
        </p>
        {send.error && !errors.body && <Alert kind="error">{send.error.message}</Alert>}
        {send.isSuccess && <p role="status">{t('formats.announcements.sent', { count: send.data.mailed })}</p>}
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('formats.announcements.sending') : t('formats.announcements.send')}
        </button>
      </form>
    </section>
  );
}

function LinksForm({ board }: { board: CommunityBoardResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useServerState({ sessionMode: board.sessionMode, meetingLink: board.meetingLink, chatLink: board.chatLink });
  const save = useMutation({
    mutationFn: () => api(`/api/communities/${board.communityId}/links`, { method: 'PUT', body: { ...form, meetingLink: form.sessionMode === 'onCampus' ? '' : form.meetingLink, version: board.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['board', board.communityId] }),
  });
  const errors = fieldErrors(save.error);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card" aria-labelledby="board-settings">
      <h2 id="board-settings">{t('formats.announcements.settings')}</h2>
      <p className="help">{t('formats.announcements.settingsHelp')}</p>
      <form
        className="stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <SelectField label={t('formats.mode.label')} value={form.sessionMode} onChange={set('sessionMode')} error={errors.sessionMode}>
          {SESSION_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`formats.mode.${m}`)}
            </option>
          ))}
        </SelectField>
        {form.sessionMode !== 'onCampus' && (
          <Field label={t('formats.mode.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" inputMode="url" value={form.meetingLink} onChange={set('meetingLink')} maxLength={500} error={errors.meetingLink} />
        )}
        <Field label={t('formats.announcements.chatLink')} help={t('formats.announcements.chatLinkHelp')} type="url" inputMode="url" value={form.chatLink} onChange={set('chatLink')} maxLength={500} error={errors.chatLink} />
        {save.error && Object.keys(errors).length === 0 && <Alert kind="error">{save.error.message}</Alert>}
        {save.isSuccess && <p role="status">{t('formats.announcements.saved')}</p>}
        <button type="submit" disabled={save.isPending}>
          {t('formats.announcements.save')}
        </button>
      </form>
    </section>
  );
}
