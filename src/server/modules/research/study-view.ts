/** A study as the person asking may see it: never who proposed or decided, only whether it was them. */
import type { ExportLogEntry, StudySummary } from '../../../contracts/research';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { ExportRow, StudyProgrammeRow, StudyRow } from './repository';

export const studyResource = (study: StudyRow, programmeIds: readonly string[]) =>
  ({ kind: 'researchStudy', institutionId: study.institutionId, programmeIds, proposerId: study.proposerId }) as const;

export function summarise(actor: Actor, study: StudyRow, programmes: readonly StudyProgrammeRow[]): StudySummary {
  const mine = programmes.filter((p) => p.studyId === study.id);
  const resource = studyResource(study, mine.map((p) => p.programmeId));
  const canDecide = study.status === 'proposed' && isAllowed(actor, 'researchStudy:decide', resource);
  return {
    id: study.id,
    title: study.title,
    status: study.status as StudySummary['status'],
    periodStart: study.periodStart,
    periodEnd: study.periodEnd,
    programmes: mine.map((p) => ({
      id: p.programmeId,
      name: { nl: p.nameNl, en: p.nameEn },
      decision: p.decision as 'approved' | 'rejected' | null,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decidedByMe: p.decidedBy === actor.personId,
      note: p.note,
    })),
    proposedByMe: study.proposerId === actor.personId,
    awaitingMyDecision: canDecide && mine.some((p) => p.decision === null && isAllowed(actor, 'researchStudy:decide', { ...resource, programmeIds: [p.programmeId] })),
    createdAt: study.createdAt.toISOString(),
  };
}

export const exportEntry = (row: ExportRow, now: Date): ExportLogEntry => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  expired: row.expiresAt <= now,
  via: row.via as 'app' | 'cli',
  rows: row.rows,
  k: row.k,
  consenting: row.consenting,
  suppressedRows: row.suppressedRows,
  suppressedCells: row.suppressedCells,
  consentVersion: row.consentVersion,
  downloads: row.downloads,
});
