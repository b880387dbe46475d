/**
 * The guided resilience conversation: one short instruction, then the five themes of the guide,
 * each with its main question, follow-ups to tick off, a check and private notes. The coachee's
 * map sits alongside when they shared it; changing it needs their 'edit together' share.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConversationResponse, ThemeProgress } from '../../../contracts/resilience';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { keys, saveConversation, useConversation, useMap } from './api';
import { TextArea } from './fields';
import { MapEditor } from './MapEditor';
import './resilience.css';

const blank: ThemeProgress = { mainAnswered: false, followUpsCovered: [], note: '' };

export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const query = useConversation(conversationId);
  const name = query.data ? `${query.data.coachee.firstName} ${query.data.coachee.lastName}` : '';
  useDocumentTitle(query.data ? t('resilience.conversation.title', { name }) : t('app.loading'));
  if (!query.data) return <PageState query={query} />;
  return <Conversation conversation={query.data} />;
}

function Conversation({ conversation }: { conversation: ConversationResponse }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const guide = conversation.guide;
  const [progress, setProgress] = useState(conversation.progress);
  const [started, setStarted] = useState(Object.keys(conversation.progress).length > 0);
  const [index, setIndex] = useState(0);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const map = useMap(conversation.mapId);
  const name = conversation.coachee.firstName;
  useEffect(() => setStatus(null), [index]);

  const theme = guide.themes[index]!;
  const current = progress[theme.id] ?? blank;
  const update = (change: Partial<ThemeProgress>) => setProgress({ ...progress, [theme.id]: { ...current, ...change } });
  const missing = (id: string) => {
    const th = guide.themes.find((x) => x.id === id)!;
    const p = progress[id] ?? blank;
    const parts: string[] = [];
    if (!p.mainAnswered) parts.push(t('resilience.conversation.missingMain'));
    const open = th.followUps.length - th.followUps.filter((_, i) => p.followUpsCovered.includes(i)).length;
    if (open > 0) parts.push(t('resilience.conversation.missingFollowUps', { count: open }));
    return parts;
  };
  const done = guide.themes.filter((th) => missing(th.id).length === 0).length;
  const save = async () => {
    try {
      await saveConversation(conversation.id, progress);
      setStatus({ kind: 'success', text: t('resilience.conversation.saved') });
      await client.invalidateQueries({ queryKey: keys.coachees });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <div className="stack">
      <h1>{t('resilience.conversation.title', { name: `${conversation.coachee.firstName} ${conversation.coachee.lastName}` })}</h1>
      {!started ? (
        <section className="card" aria-labelledby="rmap-instruction-title">
          <h2 id="rmap-instruction-title">{t('resilience.conversation.instructionTitle')}</h2>
          <p>{guide.instruction[lang]}</p>
          <button type="button" className="primary" onClick={() => setStarted(true)}>
            {t('resilience.conversation.begin')}
          </button>
        </section>
      ) : (
        <div className="rmap-conversation">
          <div className="stack">
            <nav aria-label={t('resilience.conversation.themes')} className="card">
              <p className="help">{t('resilience.conversation.progress', { done, total: guide.themes.length })}</p>
              <ol className="rmap-themes">
                {guide.themes.map((th, i) => (
                  <li key={th.id}>
                    <button type="button" className="rmap-theme-link" aria-current={i === index ? 'step' : undefined} onClick={() => setIndex(i)}>
                      {th.title[lang]} <span className="help">({missing(th.id).length === 0 ? t('resilience.conversation.complete') : t('resilience.conversation.open')})</span>
                    </button>
                  </li>
                ))}
              </ol>
              <button type="button" className="rmap-button" onClick={() => setStarted(false)}>
                {t('resilience.conversation.showInstruction')}
              </button>
            </nav>
            <section className="card" aria-labelledby="rmap-theme-title">
              <p className="help">{t('resilience.conversation.theme', { number: theme.number, total: guide.themes.length })}</p>
              <h2 id="rmap-theme-title">{theme.title[lang]}</h2>
              <h3>{t('resilience.conversation.mainQuestion')}</h3>
              <p className="rmap-main-question">{theme.mainQuestion[lang]}</p>
              <label className="rmap-check">
                <input type="checkbox" checked={current.mainAnswered} onChange={(e) => update({ mainAnswered: e.target.checked })} />
                {t('resilience.conversation.mainAnswered')}
              </label>
              <fieldset>
                <legend>{t('resilience.conversation.followUps')}</legend>
                {theme.followUps.map((q, i) => (
                  <label key={i} className="rmap-check">
                    <input
                      type="checkbox"
                      checked={current.followUpsCovered.includes(i)}
                      onChange={(e) =>
                        update({ followUpsCovered: e.target.checked ? [...current.followUpsCovered, i].sort((a, b) => a - b) : current.followUpsCovered.filter((x) => x !== i) })
                      }
                    />
                    {q[lang]}
                  </label>
                ))}
              </fieldset>
              <p className={missing(theme.id).length === 0 ? 'rmap-check-ok' : 'help'} role="status">
                {t('resilience.conversation.check')}{' '}
                <strong>
                  {missing(theme.id).length === 0 ? t('resilience.conversation.complete') : t('resilience.conversation.incomplete', { missing: missing(theme.id).join(', ') })}
                </strong>
              </p>
              <TextArea label={t('resilience.conversation.notes')} value={current.note} maxLength={2000} onChange={(e) => update({ note: e.target.value })} />
              <div className="rmap-actions">
                <button type="button" className="rmap-button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
                  {t('resilience.conversation.previous')}
                </button>
                <button type="button" className="rmap-button" disabled={index === guide.themes.length - 1} onClick={() => setIndex(index + 1)}>
                  {t('resilience.conversation.next')}
                </button>
                <button type="button" className="rmap-button primary-inline" onClick={() => void save()}>
                  {t('resilience.conversation.save')}
                </button>
              </div>
              {status && <Alert kind={status.kind}>{status.text}</Alert>}
            </section>
            <section className="card" aria-labelledby="rmap-prompts-title">
              <h2 id="rmap-prompts-title">{t('resilience.conversation.resourcePrompts')}</h2>
              <ul>
                {guide.resourcePrompts.map((p, i) => (
                  <li key={i}>{p[lang]}</li>
                ))}
              </ul>
            </section>
          </div>
          <section aria-labelledby="rmap-conv-map-title" className="stack">
            <h2 id="rmap-conv-map-title">{t('resilience.conversation.map', { name })}</h2>
            {!conversation.mapId && <Alert kind="info">{t('resilience.conversation.noMap', { name })}</Alert>}
            {map.error && <Alert kind="info">{t('resilience.conversation.noMap', { name })}</Alert>}
            {map.data && (
              <>
                {map.data.access === 'view' && <Alert kind="info">{t('resilience.conversation.viewOnly', { name })}</Alert>}
                <MapEditor map={map.data} editable={map.data.access !== 'view'} queryKey={keys.map(map.data.id)} />
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
