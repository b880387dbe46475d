import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMaps, hasChanges } from './compare';
import { CHALLENGE_TIMES, LEVELS, PLACES, RESOURCE_KINDS, USAGES, belowPass, emptyMap, type ResilienceMap, type SupportResource } from './model';
import { addResource, groupResources, levelAt, moveResource, otherPlace, removeResource, stepLevel, updateResource } from './operations';
import { MIN_TALLY_CONTRIBUTORS, tallyResources } from './tally';
import { validateMap, type MapIssue } from './validate';

const resource = (id: string, over: Partial<SupportResource> = {}): SupportResource => ({
  id,
  label: `bron ${id}`,
  level: 'relational',
  place: 'inside',
  kind: 'person',
  usage: 'uses',
  easierIf: '',
  note: '',
  linkedPersonId: null,
  ...over,
});

const arbitraryResource = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  label: fc.string({ maxLength: 10 }),
  level: fc.constantFrom(...LEVELS),
  place: fc.constantFrom(...PLACES),
  kind: fc.constantFrom(...RESOURCE_KINDS),
  usage: fc.constantFrom(...USAGES),
  easierIf: fc.string({ maxLength: 5 }),
  note: fc.string({ maxLength: 5 }),
  linkedPersonId: fc.constantFrom(null, 'coach', 'fellow-1', 'fellow-2', 'stranger'),
});
const arbitraryMap: fc.Arbitrary<ResilienceMap> = fc.record({
  challenges: fc.array(fc.record({ id: fc.uuid(), text: fc.string(), when: fc.constantFrom(...CHALLENGE_TIMES) }), { maxLength: 3 }),
  goals: fc.string(),
  studyFit: fc.string(),
  wellbeing: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  wellbeingNeeds: fc.string(),
  resources: fc.uniqueArray(arbitraryResource, { selector: (r) => r.id, maxLength: 6 }),
  potential: fc.string(),
  firstStep: fc.string(),
});
const roles = { coachIds: new Set(['coach']), fellowIds: new Set(['fellow-1', 'fellow-2']) };
const ids = (rs: readonly SupportResource[]) => rs.map((r) => r.id).sort();

describe('resilience map operations', () => {
  it('adds, updates, moves and removes a resource without changing the input', () => {
    const start = emptyMap();
    const one = addResource(start, resource('a'));
    expect(start.resources).toEqual([]);
    const moved = moveResource(one, 'a', { level: 'contextual', place: 'outside' });
    expect(moved.resources[0]).toMatchObject({ level: 'contextual', place: 'outside' });
    expect(one.resources[0]).toMatchObject({ level: 'relational', place: 'inside' });
    expect(updateResource(moved, 'a', { usage: 'hard-to-reach' }).resources[0]?.usage).toBe('hard-to-reach');
    expect(removeResource(moved, 'a').resources).toEqual([]);
  });

  it.each([
    ['individual', 'in', 'individual'],
    ['individual', 'out', 'relational'],
    ['relational', 'in', 'individual'],
    ['relational', 'out', 'contextual'],
    ['contextual', 'out', 'contextual'],
  ] as const)('steps %s %s to %s', (from, direction, to) => {
    expect(stepLevel(from, direction)).toBe(to);
  });

  it('flips inside and outside', () => {
    expect(otherPlace('inside')).toBe('outside');
    expect(otherPlace('outside')).toBe('inside');
  });

  it.each([
    [50, 'individual'],
    [140, 'individual'],
    [141, 'relational'],
    [260, 'contextual'],
  ] as const)('finds the ring at distance %d: %s', (d, level) => {
    expect(levelAt(d, [140, 220, 300])).toBe(level);
  });

  it('groups resources by level and place in map order', () => {
    const g = groupResources([resource('a'), resource('b', { level: 'individual', kind: 'trait' }), resource('c')]);
    expect(ids(g.relational.inside)).toEqual(['a', 'c']);
    expect(ids(g.individual.inside)).toEqual(['b']);
    expect(g.contextual.outside).toEqual([]);
  });

  it('knows when wellbeing is below a pass', () => {
    expect(belowPass({ wellbeing: 5 })).toBe(true);
    expect(belowPass({ wellbeing: 6 })).toBe(false);
    expect(belowPass({ wellbeing: null })).toBe(false);
  });
});

describe('resilience map validation', () => {
  const linkable = new Set(['coach', 'fellow-1']);
  it('accepts a valid map', () => {
    expect(validateMap({ ...emptyMap(), wellbeing: 7, resources: [resource('a', { linkedPersonId: 'coach' })] }, linkable)).toEqual([]);
  });
  const cases: [string, Partial<ResilienceMap>, MapIssue['code']][] = [
    ['duplicate resource ids', { resources: [resource('a'), resource('a')] }, 'duplicate_id'],
    ['a link to someone outside the community', { resources: [resource('a', { linkedPersonId: 'stranger' })] }, 'unknown_person'],
    ['a link on something that is not a person', { resources: [resource('a', { kind: 'place', linkedPersonId: 'coach' })] }, 'not_a_person'],
    ['wellbeing above 10', { wellbeing: 11 }, 'wellbeing_range'],
    ['too many resources', { resources: Array.from({ length: 61 }, (_, i) => resource(`r${i}`)) }, 'too_many'],
  ];
  it.each(cases)('rejects %s', (_what, change, code) => {
    expect(validateMap({ ...emptyMap(), ...change }, linkable).map((i) => i.code)).toContain(code);
  });
});

describe('comparing two versions of a map', () => {
  it('finds no change between a map and itself', () => {
    fc.assert(fc.property(arbitraryMap, (m) => !hasChanges(compareMaps(m, m, roles))));
  });

  it('is symmetric: what was added one way was removed the other way, and moves swap', () => {
    fc.assert(
      fc.property(arbitraryMap, arbitraryMap, (a, b) => {
        const ab = compareMaps(a, b, roles);
        const ba = compareMaps(b, a, roles);
        expect(ids(ab.added)).toEqual(ids(ba.removed));
        expect(ids(ab.removed)).toEqual(ids(ba.added));
        expect(ids(ab.moved.map((p) => p.after))).toEqual(ids(ba.moved.map((p) => p.before)));
        expect(ids(ab.usageChanged.map((p) => p.after))).toEqual(ids(ba.usageChanged.map((p) => p.before)));
        expect(ab.becameResources.map((c) => c.personId).sort()).toEqual(ba.noLongerResources.map((c) => c.personId).sort());
        expect(hasChanges(ab)).toBe(hasChanges(ba));
      }),
    );
  });

  it('reports a resource at most once among added, removed and the pairs', () => {
    fc.assert(
      fc.property(arbitraryMap, arbitraryMap, (a, b) => {
        const c = compareMaps(a, b, roles);
        const all = [...ids(c.added), ...ids(c.removed), ...ids(c.edited.map((p) => p.after))];
        return new Set(all).size === all.length;
      }),
    );
  });

  it('names a move, a change of accessibility, an edit, and the coach who became a resource', () => {
    const before: ResilienceMap = {
      ...emptyMap(),
      wellbeing: 5,
      resources: [resource('mum', { place: 'outside' }), resource('library', { kind: 'place', level: 'contextual', usage: 'could-use' }), resource('gone')],
    };
    const after: ResilienceMap = {
      ...before,
      wellbeing: 7,
      resources: [
        resource('mum', { place: 'outside', note: 'belt elke zondag' }),
        resource('library', { kind: 'place', level: 'contextual', usage: 'uses', place: 'outside' }),
        resource('coach', { label: 'Mijn coach', linkedPersonId: 'coach' }),
        resource('peer', { label: 'Sara', linkedPersonId: 'fellow-1' }),
      ],
    };
    const c = compareMaps(before, after, roles);
    expect(ids(c.added)).toEqual(['coach', 'peer']);
    expect(ids(c.removed)).toEqual(['gone']);
    expect(c.moved.map((p) => p.after.id)).toEqual(['library']);
    expect(c.usageChanged.map((p) => [p.before.usage, p.after.usage])).toEqual([['could-use', 'uses']]);
    expect(c.edited.map((p) => p.after.id)).toEqual(['mum']);
    expect(c.becameResources.map((p) => [p.personId, p.role])).toEqual([
      ['coach', 'coach'],
      ['fellow-1', 'fellow'],
    ]);
    expect(c.wellbeing).toEqual({ before: 5, after: 7 });
  });

  it('ignores links to people who are neither the coach nor a fellow member', () => {
    const after = { ...emptyMap(), resources: [resource('x', { linkedPersonId: 'stranger' })] };
    expect(compareMaps(emptyMap(), after, roles).becameResources).toEqual([]);
  });
});

describe('anonymous group tally', () => {
  it('stays hidden until enough members contributed', () => {
    const one = [resource('a')];
    expect(tallyResources(Array.from({ length: MIN_TALLY_CONTRIBUTORS - 1 }, () => one))).toBeNull();
    const tally = tallyResources([one, [resource('b', { level: 'individual', kind: 'trait' })], [resource('c'), resource('d')]]);
    expect(tally?.contributors).toBe(3);
    expect(tally?.counts.relational.person).toBe(3);
    expect(tally?.counts.individual.trait).toBe(1);
    expect(tally?.counts.contextual.service).toBe(0);
  });
});
