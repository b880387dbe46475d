/** The roadmaps a person may open (as owner or invited stakeholder) and where they may start one. */
import type { z } from 'zod';
import type { RoadmapListResponse } from '../../../contracts/roadmap';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { coachingYearOf } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import { contentOfVersion } from './content';
import { roadmapRepository } from './repository';
import { roadmapResourceOf } from './resource';

export async function listRoadmaps(o: { services: Services; actor: Actor }): Promise<z.infer<typeof RoadmapListResponse>> {
  const repo = roadmapRepository(o.services.db);
  const rows = await repo.roadmapsOf(o.actor.institutionId);
  const stakeholders = await repo.stakeholders(rows.map((r) => r.id));
  const assessments = await repo.assessments(rows.map((r) => r.id));
  const programmes = new Map((await repo.programmesOf(o.actor.institutionId)).map((p) => [p.id, { nl: p.nameNl, en: p.nameEn }]));
  const visible = rows.filter((r) => isAllowed(o.actor, 'roadmap:read', roadmapResourceOf(r, stakeholders)));
  const roadmaps = await Promise.all(
    visible.map(async (r) => {
      const content = await contentOfVersion(o.services, o.services.db, r.institutionId, r.contentVersion);
      const canManage = isAllowed(o.actor, 'roadmap:manage', roadmapResourceOf(r, stakeholders));
      return {
        id: r.id,
        programmeId: r.programmeId,
        programmeName: r.programmeId ? (programmes.get(r.programmeId) ?? null) : null,
        year: r.year,
        canManage,
        assessed: assessments.filter((a) => a.roadmapId === r.id).length,
        factors: content.factors.length,
      };
    }),
  );
  const scopes: { programmeId: string | null; programmeName: { nl: string; en: string } | null }[] = [];
  if (isAllowed(o.actor, 'roadmap:manage', { kind: 'roadmap', institutionId: o.actor.institutionId, programmeId: null, stakeholders: [] })) scopes.push({ programmeId: null, programmeName: null });
  for (const [id, name] of programmes) {
    if (isAllowed(o.actor, 'roadmap:manage', { kind: 'roadmap', institutionId: o.actor.institutionId, programmeId: id, stakeholders: [] })) scopes.push({ programmeId: id, programmeName: name });
  }
  return { roadmaps, canStart: scopes, currentYear: coachingYearOf(o.services.now()) };
}
