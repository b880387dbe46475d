import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load-content';
import { contentChanges } from './content-changes';

describe('the offered update of the roadmap content', () => {
  it('lists added, removed and changed items by id, with the fields that differ and the factor they belong to, and nothing for the same content', async () => {
    const { roadmap } = await loadContent(path.resolve('content'));
    expect(contentChanges(roadmap, roadmap)).toEqual([]);
    const copy = structuredClone(roadmap);
    const factor = roadmap.factors[0]!;
    copy.factors[0]!.title.nl = 'Eigen titel';
    copy.factors[0]!.interventions[0]!.horizon = ['long'];
    copy.stakeholders.push({ id: 'eigen-betrokkene', name: { nl: 'Eigen', en: 'Own' } });
    const removed = copy.factors[1]!.interventions.pop()!;
    const changes = contentChanges(copy, roadmap);
    const group = { kind: 'factor', id: factor.id, number: factor.number, title: factor.title };
    expect(changes).toContainEqual({ item: `factor:${factor.id}`, kind: 'changed', before: { ...factor.title, nl: 'Eigen titel' }, after: factor.title, fields: ['title'], group });
    const iv = factor.interventions[0]!;
    expect(changes).toContainEqual({ item: `intervention:${iv.id}`, kind: 'changed', before: iv.title, after: iv.title, fields: ['horizon'], group });
    expect(changes).toContainEqual(expect.objectContaining({ item: `intervention:${removed.id}`, kind: 'added', after: removed.title, fields: [] }));
    expect(changes).toContainEqual({ item: 'stakeholder:eigen-betrokkene', kind: 'removed', before: { nl: 'Eigen', en: 'Own' }, fields: [], group: { kind: 'stakeholders', id: 'stakeholders', number: null, title: null } });
    expect(changes).toHaveLength(4);
  });
});
