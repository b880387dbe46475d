/** A grouping run as the coordinator sees it: names, sizes, aggregate figures and reasons — never values. */
import { eq } from 'drizzle-orm';
import type { GroupingRunResponse } from '../../../contracts/grouping';
import { draftFigures, type DraftCommunity } from '../../../domain/grouping/draft-figures';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { communities as communitiesTable, groupingRuns, people } from '../../db/schema';
import type { StoredRequest } from './start-grouping-run';
import { studentsByIds, studentsForGrouping, type GroupingRunRow } from './repository';

/** A run still "running" this long after its time budget ran out was cut off (the process stopped). */
const GRACE_MS = 60_000;

export type StoredCommunity = DraftCommunity & { communityId?: string };

export async function presentRun(services: Services, institutionId: string, run: GroupingRunRow, locale: 'nl' | 'en'): Promise<GroupingRunResponse> {
  const request = run.request as StoredRequest;
  if (run.status === 'running' && services.now().getTime() - run.createdAt.getTime() > request.seconds * 1000 + GRACE_MS) {
    await services.db.update(groupingRuns).set({ status: 'failed', error: { code: 'grouping_interrupted' }, finishedAt: services.now() }).where(eq(groupingRuns.id, run.id));
    run = { ...run, status: 'failed', error: { code: 'grouping_interrupted' } };
  }
  const stored = run.communities as StoredCommunity[];
  const assignment = run.assignment as Record<string, number>;
  const base = {
    id: run.id,
    intakeId: run.intakeId,
    classId: run.classId,
    status: run.status as GroupingRunResponse['status'],
    progress: run.progress,
    version: run.version,
    error: run.error ? { code: (run.error as { code: string }).code, message: translate(locale, `errors.${(run.error as { code: string }).code}`) } : null,
    settings: { attributes: request.attributes.map((a) => ({ key: a.key, weight: a.weight })), perClass: request.perClass, sizeBounds: request.sizeBounds, seconds: request.seconds, seed: request.seed },
    elapsedMs: run.elapsedMs,
  };
  if (run.status !== 'draft' && run.status !== 'accepted') return { ...base, communities: [], figures: null, accepted: null };

  // Students who left the intake since the run drop out of the proposal.
  const members = await studentsByIds(services.db, run.intakeId, Object.keys(assignment));
  const present = Object.fromEntries(members.map((m) => [m.id, assignment[m.id]!]));
  const forGrouping = await studentsForGrouping(services.db, institutionId, members);
  const figures = draftFigures(forGrouping, request, stored, present);
  const classCodes = new Map(members.map((m) => [m.classId, m.classCode]));
  return {
    ...base,
    communities: stored.map((c, i) => {
      const figure = figures.communities[i]!;
      return {
        index: c.index,
        label: c.label,
        classCode: c.classId === null ? null : (classCodes.get(c.classId) ?? null),
        size: figure.size,
        withinBounds: figure.withinBounds,
        mix: [...figure.mix],
        members: members
          .filter((m) => present[m.id] === i)
          .map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, classCode: m.classCode, reasons: [...(figures.reasons[m.id] ?? [])].map((r) => ({ ...r })) as GroupingRunResponse['communities'][number]['members'][number]['reasons'] })),
      };
    }),
    figures: {
      attributes: figures.attributes.map((a) => ({ ...a })),
      violations: {
        sizeBounds: figures.violations.sizeBounds.length,
        keepTogether: figures.violations.keepTogether.length,
        keepApart: figures.violations.keepApart.length,
        mixedClasses: figures.violations.mixedClasses.length,
      },
    },
    accepted: run.status === 'accepted' ? await acceptedCommunities(services, stored) : null,
  };
}

async function acceptedCommunities(services: Services, stored: StoredCommunity[]) {
  const result: NonNullable<GroupingRunResponse['accepted']> = [];
  for (const c of stored) {
    if (!c.communityId) continue;
    const [row] = await services.db
      .select({ id: communitiesTable.id, name: communitiesTable.name, coachId: people.id, coachFirst: people.firstName, coachLast: people.lastName })
      .from(communitiesTable)
      .leftJoin(people, eq(people.id, communitiesTable.coachId))
      .where(eq(communitiesTable.id, c.communityId));
    if (row) result.push({ id: row.id, name: row.name, coach: row.coachId ? { id: row.coachId, firstName: row.coachFirst ?? '', lastName: row.coachLast ?? '' } : null });
  }
  return result;
}
