/**
 * Access rules for coaches' growth and input (#21 item 6, module `growth`): nominating a student as
 * a future coach, and feedback after a coach training. The programme's overview of training
 * feedback goes with `programme:manageCoaches` (rules/programme.ts).
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type NomineeResource = {
  /** A student as someone to nominate: the programmes of the classes they are in, with each class's leercoach. */
  kind: 'nominee';
  institutionId: string;
  personId: string;
  classes: readonly { programmeId: string; leercoachId: string | null }[];
};

export type TrainingResource = {
  /** A coach training that took place: who attended it (present or late). */
  kind: 'training';
  institutionId: string;
  programmeId: string;
  sessionId: string;
  attendeeIds: readonly string[];
};

export type HandbookResource = {
  /** The coach handbook of an institution. */
  kind: 'handbook';
  institutionId: string;
};

/** The programme in which the actor may nominate this student: as the coordinator, or as the leercoach of their class. */
export function nominationScope(actor: Actor, r: NomineeResource): { programmeId: string; role: 'coordinator' | 'leercoach' } | null {
  if (actor.institutionId !== r.institutionId || r.personId === actor.personId) return null;
  for (const c of r.classes) if (isCoordinatorOf(actor, { institutionId: r.institutionId, programmeId: c.programmeId })) return { programmeId: c.programmeId, role: 'coordinator' };
  for (const c of r.classes)
    if (c.leercoachId === actor.personId && holds(actor, 'leercoach', r.institutionId, c.programmeId)) return { programmeId: c.programmeId, role: 'leercoach' };
  return null;
}

export function nomineeRule(action: Action, actor: Actor, r: NomineeResource): boolean {
  return action === 'coach:nominate' && nominationScope(actor, r) !== null;
}

export function trainingRule(action: Action, actor: Actor, r: TrainingResource): boolean {
  if (actor.institutionId !== r.institutionId) return false;
  // Only a coach who was there gives feedback on it.
  if (action === 'training:giveFeedback') return r.attendeeIds.includes(actor.personId);
  return false;
}

/** The handbook is for the people who coach and those who support them. */
export function handbookRule(action: Action, actor: Actor, r: HandbookResource): boolean {
  if (action !== 'handbook:read') return false;
  return holds(actor, 'studentcoach', r.institutionId) || holds(actor, 'seniorcoach', r.institutionId) || holds(actor, 'coordinator', r.institutionId);
}
