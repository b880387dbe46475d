import { describe, expect, it } from 'vitest';
import type { ResilienceMap, SupportResource } from '../../../domain/resilience/model';
import { mergeMaps } from './merge';
import { labelShift, wrapLabel } from './MapPicture';

const empty: ResilienceMap = { challenges: [], goals: '', studyFit: '', wellbeing: null, wellbeingNeeds: '', resources: [], potential: '', firstStep: '' };
const resource = (id: string, label: string): SupportResource => ({ id, label, level: 'relational', place: 'outside', kind: 'person', usage: 'uses', easierIf: '', note: '', linkedPersonId: null });

describe('merging two changes to one map', () => {
  it('keeps both answers when each side changed another field', () => {
    const merged = mergeMaps(empty, { ...empty, goals: 'Jongerenwerker worden' }, { ...empty, firstStep: 'Mijn coach bellen' });
    expect(merged).toEqual({ ...empty, goals: 'Jongerenwerker worden', firstStep: 'Mijn coach bellen' });
  });

  it('merges resources item by item: an addition on each side, a removal on one', () => {
    const base = { ...empty, resources: [resource('a', 'Zus'), resource('b', 'Sport')] };
    const mine = { ...base, resources: [resource('a', 'Zus'), resource('b', 'Sport'), resource('c', 'Decaan')] };
    const theirs = { ...base, resources: [resource('a', 'Zus'), resource('d', 'Mijn coach')] };
    expect(mergeMaps(base, mine, theirs)?.resources.map((r) => r.label)).toEqual(['Zus', 'Mijn coach', 'Decaan']);
  });

  it('gives up when both changed the same answer differently', () => {
    expect(mergeMaps(empty, { ...empty, goals: 'A' }, { ...empty, goals: 'B' })).toBeNull();
    const base = { ...empty, resources: [resource('a', 'Zus')] };
    expect(mergeMaps(base, { ...base, resources: [resource('a', 'Mijn zus')] }, { ...base, resources: [] })).toBeNull();
  });

  it('keeps my answer where both changed it, and their other changes, when I choose mine', () => {
    const theirs = { ...empty, goals: 'B', firstStep: 'Bellen' };
    expect(mergeMaps(empty, { ...empty, goals: 'A' }, theirs, 'mine')).toEqual({ ...empty, goals: 'A', firstStep: 'Bellen' });
  });

  it('takes the same change on both sides once', () => {
    expect(mergeMaps(empty, { ...empty, wellbeing: 6 }, { ...empty, wellbeing: 6 })).toEqual({ ...empty, wellbeing: 6 });
  });
});

describe('labels on the picture', () => {
  it('wrap between words and are never cut while they fit three lines', () => {
    expect(wrapLabel('Mijn studentcoach')).toEqual(['Mijn', 'studentcoach']);
    expect(wrapLabel('Studentendecaan in het hoofdgebouw')).toEqual(['Studentendecaan', 'in het', 'hoofdgebouw']);
    expect(wrapLabel('Mijn studentcoach Fatima').join(' ')).toBe('Mijn studentcoach Fatima');
    expect(wrapLabel('Doorzetten')).toEqual(['Doorzetten']);
  });

  it('break a word longer than a line, and end a very long name in … (its full text is in the key and on focus)', () => {
    expect(wrapLabel('Studentenpsycholoog')).toEqual(['Studentenpsychol', 'oog']);
    expect(wrapLabel('Studentenpsycholoog').join('')).toBe('Studentenpsycholoog');
    const long = wrapLabel('De bibliotheek op de tweede verdieping van het hoofdgebouw');
    expect(long).toHaveLength(3);
    expect(long[2]!.endsWith('…')).toBe(true);
  });

  it('set a label near the left or right edge inwards, so that it stays inside the picture', () => {
    expect(labelShift(0, ['Studentendecaan'])).toBe(0);
    const left = labelShift(-190, ['Studentendecaan']);
    expect(left).toBeGreaterThan(0);
    expect(-190 + left - (15 * 6.8) / 2).toBeCloseTo(-212, 5);
    const right = labelShift(195, ['Voetbalclub', 'zaterdag']);
    expect(right).toBeLessThan(0);
    expect(195 + right + (11 * 6.8) / 2).toBeCloseTo(212, 5);
    expect(labelShift(150, ['Mijn'])).toBe(0);
  });
});
