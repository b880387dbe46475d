/**
 * The phases of the programme year an activity fits: first weeks, autumn, winter, spring, end of
 * year. Kept apart from the content contract (src/contracts/content/activities.ts, a zod schema)
 * so the library's screens can list them without loading zod into the browser (#20 item 7).
 */
export const YEAR_PHASES = ['start', 'autumn', 'winter', 'spring', 'end'] as const;
