/** How far a guided conversation got: a theme counts as done when its main question was answered and every follow-up came up. */
import type { ConversationTheme } from '../../../contracts/content/questions';
import type { ConversationProgress } from '../../../contracts/resilience';

export function countCovered(themes: readonly ConversationTheme[], progress: ConversationProgress) {
  const done = themes.filter((t) => {
    const p = progress[t.id];
    return p !== undefined && p.mainAnswered && t.followUps.every((_, i) => p.followUpsCovered.includes(i));
  }).length;
  return { done, total: themes.length };
}
