/**
 * Access rules for a programme's evidence (module `insight`, issue 18): the programme dashboard
 * and the yearly impact report. The coordinator of the programme reads everything, including the
 * operational three-missed list with names, and writes the report's texts. Opleidingsmanagement
 * (scoped to the programme) reads the aggregates only — never a person. Nobody else.
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type ProgrammeInsightResource = {
  /** A programme's dashboard and impact report. */
  kind: 'programmeInsight';
  institutionId: string;
  programmeId: string;
};

const isManagementOf = (a: Actor, r: ProgrammeInsightResource) => holds(a, 'opleidingsmanagement', r.institutionId, r.programmeId);

export function programmeInsightRule(action: Action, a: Actor, r: ProgrammeInsightResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (action === 'insight:read') return isCoordinatorOf(a, r) || isManagementOf(a, r);
  // Names (the three-missed list) and the report's texts: the coordinator alone.
  if (action === 'insight:readPeople' || action === 'insight:writeReport') return isCoordinatorOf(a, r);
  return false;
}
