/**
 * Access rules for the Roadmap to studentsucces (issue 22): a programme's roadmap belongs to its
 * coordinators and its opleidingsmanagement; the institution's roadmap to the beheerder. People the
 * owners invite as stakeholders (anyone of the institution: a student representative, a teacher, a
 * coach) read and assess only the factors they were invited for. A coachee or leercoach sees nothing
 * unless invited. The beheerder keeps the institution's copy of the roadmap content.
 */
import type { Action } from '../actions';
import { holds, type Actor } from '../actor';

export type RoadmapResource = {
  /** A roadmap of a programme (or, with `programmeId` null, of the institution) for one year. */
  kind: 'roadmap';
  institutionId: string;
  programmeId: string | null;
  /** Invited stakeholders and the factors each may give a view on. */
  stakeholders: ReadonlyArray<{ personId: string; factorIds: readonly string[] }>;
  /** The factor the request is about (a view), when it is about one. */
  factorId?: string;
};

export type RoadmapContentResource = {
  /** The institution's copy of the roadmap content (texts, stakeholders, horizons). */
  kind: 'roadmapContent';
  institutionId: string;
};

/** Owns the roadmap: records agreed statuses, invites stakeholders, keeps the plan. */
export function ownsRoadmap(a: Actor, r: { institutionId: string; programmeId: string | null }): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (r.programmeId === null) return holds(a, 'beheerder', r.institutionId);
  return holds(a, 'coordinator', r.institutionId, r.programmeId) || holds(a, 'opleidingsmanagement', r.institutionId, r.programmeId);
}

export function roadmapRule(action: Action, a: Actor, r: RoadmapResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const owner = ownsRoadmap(a, r);
  const invited = r.stakeholders.find((s) => s.personId === a.personId);
  switch (action) {
    case 'roadmap:read':
      return owner || (invited !== undefined && invited.factorIds.length > 0);
    case 'roadmap:giveView':
      if (r.factorId === undefined) return false;
      return owner || (invited !== undefined && invited.factorIds.includes(r.factorId));
    case 'roadmap:manage':
      return owner;
    default:
      return false;
  }
}

export function roadmapContentRule(action: Action, a: Actor, r: RoadmapContentResource): boolean {
  if (action !== 'roadmapContent:manage') return false;
  return holds(a, 'beheerder', r.institutionId);
}
