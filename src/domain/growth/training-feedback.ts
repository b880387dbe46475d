/**
 * Training feedback's figures (#21 item 6), pure: per training the number of responses and the
 * average usefulness — hidden (null) when fewer than the insight threshold of people answered —
 * and the topics coaches asked for, counted across trainings.
 */
import { suppress } from '../insight/suppression';

/** The average rating (one decimal), or null when it would describe 1–4 people. */
export function averageRating(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
  return suppress(Math.round(mean * 10) / 10, ratings.length);
}

/** A topic as counted: a content topic by its id, a coach's own words by their case- and space-folded text. */
export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/**
 * Counts topics across responses, most asked-for first (ties alphabetically by label). `label`
 * turns a key into what the reader sees (a content topic's name in their language; own words as
 * first written). One response counts a topic once.
 */
export function topicCounts(responses: readonly (readonly string[])[], label: (key: string, firstWritten: string) => string): { label: string; count: number }[] {
  const counts = new Map<string, { count: number; first: string }>();
  for (const topics of responses) {
    const seen = new Set<string>();
    for (const t of topics) {
      const key = topicKey(t);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else counts.set(key, { count: 1, first: t.trim().replace(/\s+/g, ' ') });
    }
  }
  return [...counts.entries()]
    .map(([key, v]) => ({ label: label(key, v.first), count: v.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
