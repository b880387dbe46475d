/**
 * Signals to the programme (PRODUCT P9): a coach raises a need, a theme from the group or an
 * incident with the coordinator, optionally anonymised; the coordinator passes it on to the
 * degree programme and the status comes back to the coach. Pure rules only.
 */

export const SIGNAL_KINDS = ['need', 'theme', 'incident'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['open', 'in_progress', 'forwarded', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** Which status may follow which. A closed signal can be reopened (back to in progress). */
const NEXT: Record<SignalStatus, readonly SignalStatus[]> = {
  open: ['in_progress', 'forwarded', 'closed'],
  in_progress: ['forwarded', 'closed'],
  forwarded: ['in_progress', 'forwarded', 'closed'],
  closed: ['in_progress'],
};

export function canMoveSignal(from: SignalStatus, to: SignalStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextSignalStatuses(from: SignalStatus): readonly SignalStatus[] {
  return NEXT[from];
}

/**
 * Whether a viewer may learn who raised the signal. An anonymised signal names its raiser to
 * the raiser alone: not to the coordinator, not to the degree programme.
 */
export function mayIdentifyRaiser(viewerId: string, signal: { raisedById: string; anonymous: boolean }): boolean {
  return signal.raisedById === viewerId || !signal.anonymous;
}
