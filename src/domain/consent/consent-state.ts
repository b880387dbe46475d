/**
 * Consent is an append-only ledger of grant and withdraw events per person and consent; the
 * current state is derived here, never stored. Pure: the server loads the events and asks.
 */

export type ConsentEventKind = 'grant' | 'withdraw';

export type ConsentEvent = {
  consentId: string;
  kind: ConsentEventKind;
  /** Version of the consent text the person was shown. */
  textVersion: number;
  at: Date;
};

export type ConsentStatus = 'granted' | 'withdrawn' | 'unanswered';

export type ConsentState = {
  consentId: string;
  status: ConsentStatus;
  /** Version of the text of the latest answer (null when never answered). */
  answeredVersion: number | null;
  answeredAt: Date | null;
  /** A newer text exists than the one the person answered: ask again. */
  outdated: boolean;
};

/** The latest event decides; ties in time go to the later event in the list (ledger order). */
export function deriveConsentState(consentId: string, currentVersion: number, events: readonly ConsentEvent[]): ConsentState {
  let latest: ConsentEvent | null = null;
  for (const event of events) {
    if (event.consentId !== consentId) continue;
    if (!latest || event.at.getTime() >= latest.at.getTime()) latest = event;
  }
  if (!latest) return { consentId, status: 'unanswered', answeredVersion: null, answeredAt: null, outdated: false };
  return {
    consentId,
    status: latest.kind === 'grant' ? 'granted' : 'withdrawn',
    answeredVersion: latest.textVersion,
    answeredAt: latest.at,
    outdated: latest.textVersion < currentVersion,
  };
}

/**
 * Does the consent hold now? A grant holds until it is withdrawn. A grant of an older text
 * version still holds — the person agreed to what that text said — but the UI asks again.
 */
export function consentHolds(state: ConsentState): boolean {
  return state.status === 'granted';
}
