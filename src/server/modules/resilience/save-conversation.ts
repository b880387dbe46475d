/** Saves which themes came up and the coach's private notes. Unknown themes are refused. */
import type { ConversationProgress } from '../../../contracts/resilience';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { saveConversationProgress } from './repository';

export async function saveConversation({ services, conversationId, progress }: { services: Services; conversationId: string; progress: ConversationProgress }) {
  const themes = new Map(services.content.questions.conversationGuide.themes.map((t) => [t.id, t]));
  const bad = Object.entries(progress).flatMap(([id, p]) => {
    const theme = themes.get(id);
    if (!theme) return [{ path: `progress.${id}`, message: 'unknown theme' }];
    return p.followUpsCovered.some((i) => i >= theme.followUps.length) ? [{ path: `progress.${id}.followUpsCovered`, message: 'unknown follow-up' }] : [];
  });
  if (bad.length > 0) throw new AppError('validation_failed', 'conversation progress', {}, bad);
  await saveConversationProgress(services.db, conversationId, progress, services.now());
}
