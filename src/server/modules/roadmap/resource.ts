/** A roadmap row as a policy resource, with its invited stakeholders. */
import type { Resource } from '../../../domain/access/policy';
import type { RoadmapRow } from './repository';

export function roadmapResourceOf(row: RoadmapRow, stakeholders: ReadonlyArray<{ roadmapId: string; personId: string; factorIds: string[] }>, factorId?: string): Resource {
  return {
    kind: 'roadmap',
    institutionId: row.institutionId,
    programmeId: row.programmeId,
    stakeholders: stakeholders.filter((s) => s.roadmapId === row.id).map((s) => ({ personId: s.personId, factorIds: s.factorIds })),
    ...(factorId === undefined ? {} : { factorId }),
  };
}
