/**
 * Demo data (issue 22): the demo programme's roadmap of this coaching year and last year. Last
 * year every factor has an agreed status; this year a few have moved on, a coach gave their view
 * on two factors (one differs from the coordinator's), and the plan holds two interventions.
 */
import { addDays, zonedParts } from '../../../domain/sessions/zoned-time';
import type { RoadmapStatus } from '../../../domain/roadmap/roadmap';
import { coachingYearOf } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { contentInForce } from './content';
import { schedulePlanReminder } from './plan-reminders';
import { roadmapRepository } from './repository';

export type RoadmapDemoOptions = { institutionId: string; programmeId: string; coordinatorId: string; stakeholderId: string };

const LAST_YEAR: RoadmapStatus[] = ['started', 'notStarted', 'notStarted', 'started', 'started', 'inPlace', 'started', 'inPlace', 'notStarted', 'started', 'started', 'notStarted', 'started', 'notStarted'];
const THIS_YEAR: RoadmapStatus[] = ['inPlace', 'started', 'notStarted', 'inPlace', 'started', 'inPlace', 'inPlace', 'embedded', 'started', 'started', 'inPlace', 'started', 'inPlace', 'started'];

export async function loadRoadmapDemo(tx: Db, services: Services, o: RoadmapDemoOptions): Promise<void> {
  const repo = roadmapRepository(tx);
  const now = services.now();
  const year = coachingYearOf(now);
  const { content, version } = await contentInForce(services, tx, o.institutionId);
  for (const [y, statuses] of [
    [year - 1, LAST_YEAR],
    [year, THIS_YEAR],
  ] as const) {
    const roadmap = await repo.insertRoadmap({ institutionId: o.institutionId, programmeId: o.programmeId, year: y, contentVersion: version });
    if (!roadmap) continue;
    for (const [i, factor] of content.factors.entries()) {
      const status = statuses[i];
      if (!status) continue;
      await repo.recordAssessment({ roadmapId: roadmap.id, factorId: factor.id, status, evidenceNote: '', ownerStakeholderId: 'directie-opleiding', ownerPersonId: null, recordedBy: o.coordinatorId, version: 0, now });
    }
    if (y !== year) continue;
    const f4 = content.factors.find((f) => f.id === 'f4-sociale-en-academische-integratie') ?? content.factors[0]!;
    const f14 = content.factors.find((f) => f.id === 'f14-eerste-en-tweedelijns-coaching') ?? content.factors[1]!;
    await repo.upsertStakeholder({ roadmapId: roadmap.id, personId: o.stakeholderId, stakeholderId: 'studentcoaches', factorIds: [f4.id, f14.id] });
    await repo.upsertView({ roadmapId: roadmap.id, factorId: f4.id, personId: o.stakeholderId, status: 'started', note: 'Nog niet iedere eerstejaars heeft een vaste peercoach.', now });
    await repo.upsertView({ roadmapId: roadmap.id, factorId: f4.id, personId: o.coordinatorId, status: 'inPlace', note: 'Alle eerstejaars zitten in een community.', now });
    await repo.upsertView({ roadmapId: roadmap.id, factorId: f14.id, personId: o.stakeholderId, status: 'inPlace', note: '', now });
    const due = (days: number) => addDays(zonedParts(now).date, days);
    for (const [interventionId, days, owner] of [
      [f4.interventions[1]?.id ?? f4.interventions[0]!.id, 60, o.coordinatorId],
      [f14.interventions[1]?.id ?? f14.interventions[0]!.id, 120, null],
    ] as const) {
      const item = await repo.insertPlanItem({ roadmapId: roadmap.id, interventionId, ownerPersonId: owner, ownerStakeholderId: owner ? null : 'studentdecanen', horizon: 'short', dueDate: due(days), status: 'planned' });
      if (item) await schedulePlanReminder(tx, item, now);
    }
  }
}
