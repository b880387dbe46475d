import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load-content';
import { contentChanges } from './content-changes';

describe('the offered update of the roadmap content', () => {
  it('lists added, removed and changed items by id, and nothing for the same content', async () => {
    const { roadmap } = await loadContent(path.resolve('content'));
    expect(contentChanges(roadmap, roadmap)).toEqual([]);
    const copy = structuredClone(roadmap);
    copy.factors[0]!.title.nl = 'Eigen titel';
    copy.stakeholders.push({ id: 'eigen-betrokkene', name: { nl: 'Eigen', en: 'Own' } });
    const removed = copy.factors[1]!.interventions.pop()!;
    const changes = contentChanges(copy, roadmap);
    expect(changes).toContainEqual({ item: `factor:${roadmap.factors[0]!.id}`, kind: 'changed', before: 'Eigen titel', after: roadmap.factors[0]!.title.nl });
    expect(changes).toContainEqual({ item: `intervention:${removed.id}`, kind: 'added', after: removed.title.nl });
    expect(changes).toContainEqual({ item: 'stakeholder:eigen-betrokkene', kind: 'removed', before: 'Eigen' });
  });
});
