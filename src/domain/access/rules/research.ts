/**
 * Access rules for research (issue 19): studies, their approval and their pseudonymised exports.
 * An onderzoeker proposes studies and makes and downloads exports — never seeing a name, e-mail,
 * student number or person id, because no research answer carries one. The coordinator of a
 * programme a study covers reads it and decides on it (four eyes: never on a study they proposed
 * themselves) and sees its export log, but does not download pseudonymised data unless they are
 * also an onderzoeker for every programme of the study.
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type ResearchDeskResource = {
  /** The institution's research: the list of studies, proposing a new one. */
  kind: 'researchDesk';
  institutionId: string;
};

export type ResearchStudyResource = {
  /** One study with the programmes it covers and who proposed it. */
  kind: 'researchStudy';
  institutionId: string;
  programmeIds: readonly string[];
  proposerId: string | null;
};

/** An onderzoeker for the whole institution, or for every programme of the study. */
const isResearcherFor = (a: Actor, r: ResearchStudyResource) =>
  r.programmeIds.length > 0 && r.programmeIds.every((programmeId) => holds(a, 'onderzoeker', r.institutionId, programmeId));

const coordinatesOne = (a: Actor, r: ResearchStudyResource) =>
  r.programmeIds.some((programmeId) => isCoordinatorOf(a, { institutionId: r.institutionId, programmeId }));

export function researchDeskRule(action: Action, a: Actor, r: ResearchDeskResource): boolean {
  if (action === 'research:propose') return holds(a, 'onderzoeker', r.institutionId);
  if (action === 'research:list') return holds(a, 'onderzoeker', r.institutionId) || holds(a, 'coordinator', r.institutionId);
  return false;
}

export function researchStudyRule(action: Action, a: Actor, r: ResearchStudyResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  switch (action) {
    case 'researchStudy:read':
      return isResearcherFor(a, r) || coordinatesOne(a, r);
    case 'researchStudy:decide':
      return coordinatesOne(a, r) && r.proposerId !== a.personId;
    case 'researchStudy:export':
      return isResearcherFor(a, r);
    default:
      return false;
  }
}
