/** Access rules for the data subject's rights (module `rights`): erasure requests. */
import type { Action } from '../actions';
import { holds, type Actor } from '../actor';

/** The erasure requests of an institution, as a list: who may see (some of) them. */
export type ErasureDeskResource = { kind: 'erasureDesk'; institutionId: string };

/** One person's erasure request, with the programmes they belonged to when asking. */
export type ErasureRequestResource = { kind: 'erasureRequest'; institutionId: string; programmeIds: readonly string[] };

export function erasureDeskRule(action: Action, a: Actor, r: ErasureDeskResource): boolean {
  // The beheerder sees every request; a coordinator those of their programmes (filtered in the use case).
  return action === 'erasure:list' && (holds(a, 'beheerder', r.institutionId) || holds(a, 'coordinator', r.institutionId));
}

export function erasureRequestRule(action: Action, a: Actor, r: ErasureRequestResource): boolean {
  if (action !== 'erasure:carryOut') return false;
  if (holds(a, 'beheerder', r.institutionId)) return true;
  return r.programmeIds.some((programmeId) => holds(a, 'coordinator', r.institutionId, programmeId));
}
