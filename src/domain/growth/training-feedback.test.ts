import { describe, expect, it } from 'vitest';
import { averageRating, topicCounts, topicKey } from './training-feedback';

describe('training feedback figures', () => {
  it('hides the average of 1–4 people and rounds it to one decimal from 5', () => {
    expect(averageRating([])).toBeNull();
    expect(averageRating([5, 5, 5, 5])).toBeNull();
    expect(averageRating([4, 4, 4, 4, 2])).toBe(3.6);
    expect(averageRating([1, 2, 2, 2, 2, 2])).toBe(1.8);
  });

  it('counts a topic once per response, folds case and spaces, most asked-for first', () => {
    expect(topicKey('  Omgaan  met STILTE ')).toBe('omgaan met stilte');
    const counts = topicCounts(
      [['motivation', 'Omgaan met stilte', 'omgaan met stilte'], ['OMGAAN   met stilte'], ['motivation'], ['Zelfzorg']],
      (key, first) => (key === 'motivation' ? 'Motivatie' : first),
    );
    expect(counts).toEqual([
      { label: 'Motivatie', count: 2 },
      { label: 'Omgaan met stilte', count: 2 },
      { label: 'Zelfzorg', count: 1 },
    ]);
    expect(topicCounts([[' ', '']], (k) => k)).toEqual([]);
  });
});
