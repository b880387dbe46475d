/** Kinds of session and who takes part in each. */
export const SESSION_TYPES = ['community', 'oneOnOne', 'coachTraining', 'intervision', 'outing', 'classWide'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Sessions with coachees, whose attendance counts towards a community's figures. */
export const COACHEE_SESSION_TYPES: readonly SessionType[] = ['community', 'outing', 'classWide', 'oneOnOne'];

/** Sessions for coaches themselves (training and intervision, organised by the programme). */
export const isCoachSession = (type: SessionType): boolean => type === 'coachTraining' || type === 'intervision';

/** The logbook is written after sessions with a group. */
export const needsLogbook = (type: SessionType): boolean => type === 'community' || type === 'outing' || type === 'classWide';

/** Days after a session before a missing logbook triggers a reminder. */
export const LOGBOOK_REMINDER_DAYS = 2;
