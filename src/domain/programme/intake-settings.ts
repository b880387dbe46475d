/**
 * The settings of one intake: format, participation mode, phases with a reflection moment,
 * session frequency and community size. One schema for server, web and tests.
 *
 * Settings are stored per intake, and an intake belongs to one academic year, so last year's
 * settings stay as they were. The stored JSON carries `schemaVersion`; `readIntakeSettings`
 * upgrades older shapes so a settings model change never makes last year's intake unreadable.
 */
import { z } from 'zod';
import { CompensationSettings, defaultCompensationSettings } from '../compensation/scheme';

export const INTAKE_FORMATS = ['communities', 'individual', 'classWide'] as const;
export const PARTICIPATION_MODES = ['compulsory', 'voluntary', 'optInAfterFirstPhase', 'optIn'] as const;
export type ParticipationMode = (typeof PARTICIPATION_MODES)[number];

export const SETTINGS_SCHEMA_VERSION = 1;

/** Evaluation questionnaire moments (#18): start, around 100 days, end of year. */
export const EVALUATION_MOMENTS = ['T0', 'T1', 'T2'] as const;
export type EvaluationMoment = (typeof EVALUATION_MOMENTS)[number];
/** Anonymous: no link to the person stored at all; confidential: linked (T0→T2 change), research consent only. */
export const EVALUATION_MODES = ['anonymous', 'confidential'] as const;
export type EvaluationMode = (typeof EVALUATION_MODES)[number];

/** Who is asked at a moment: the intake's coachees, its coaches, or both. */
export const EVALUATION_AUDIENCES = ['coachees', 'coaches'] as const;
export type EvaluationAudience = (typeof EVALUATION_AUDIENCES)[number];

/** One questionnaire moment of an intake: when it opens and closes, its mode and who is asked (older settings: both). */
export const EvaluationMomentSetting = z.strictObject({
  moment: z.enum(EVALUATION_MOMENTS),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  mode: z.enum(EVALUATION_MODES),
  audience: z.array(z.enum(EVALUATION_AUDIENCES)).max(2).default(['coachees', 'coaches']),
});

/**
 * The days a questionnaire moment of an intake may fall on: from the start of its academic year
 * (1 September) to the end of the intake's own year — 31 August for a September intake, 31 January
 * of the year after for a February intake (which starts on 1 February).
 */
export function evaluationWindow(academicYear: string, month: 'september' | 'february'): { from: string; to: string } {
  const start = Number(academicYear.slice(0, 4));
  return { from: `${start}-09-01`, to: month === 'september' ? `${start + 1}-08-31` : `${start + 2}-01-31` };
}

/** An ISO day `years` later (29 February becomes 28 February in a year without it). */
function yearsLater(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = m === 2 ? (leap ? 29 : 28) : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Last year's settings for a new intake: the same, with the questionnaire moments moved to the
 * same days of the new intake's year (a copy of last year's dates would fall outside it).
 */
export function carryOverSettings(settings: IntakeSettings, fromAcademicYear: string, toAcademicYear: string): IntakeSettings {
  const years = Number(toAcademicYear.slice(0, 4)) - Number(fromAcademicYear.slice(0, 4));
  if (years === 0) return settings;
  return {
    ...settings,
    evaluations: settings.evaluations.map((e) => ({ ...e, opensOn: yearsLater(e.opensOn, years), closesOn: yearsLater(e.closesOn, years) })),
    signUp: { closesOn: settings.signUp.closesOn === null ? null : yearsLater(settings.signUp.closesOn, years) },
  };
}

/** The sign-up closing date when it falls outside the intake's year (the same window as the questionnaire moments): its field path, for a field message. */
export function signUpCloseOutside(signUp: { closesOn: string | null }, window: { from: string; to: string }): string[] {
  const day = signUp.closesOn;
  return day !== null && (day < window.from || day > window.to) ? ['signUp.closesOn'] : [];
}

/** The moments' dates outside the window: field paths under `evaluations`, for field messages. */
export function evaluationDatesOutside(evaluations: readonly EvaluationMomentSetting[], window: { from: string; to: string }): string[] {
  const paths: string[] = [];
  evaluations.forEach((e, i) => {
    for (const field of ['opensOn', 'closesOn'] as const) if (e[field] < window.from || e[field] > window.to) paths.push(`evaluations.${i}.${field}`);
  });
  return paths;
}
export type EvaluationMomentSetting = z.infer<typeof EvaluationMomentSetting>;

export const Phase = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** Length in days; the phases follow one another from the intake's start. */
  days: z.number().int().min(7).max(400),
  /** Ends with a reflection moment: continue or stop (Roadmap factor 4). */
  reflectionAtEnd: z.boolean(),
});

export const IntakeSettings = z
  .strictObject({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    format: z.enum(INTAKE_FORMATS),
    participation: z.enum(PARTICIPATION_MODES),
    phases: z.array(Phase).min(1).max(6),
    sessionsPerMonth: z.number().int().min(1).max(8),
    communitySize: z.strictObject({ min: z.number().int().min(2).max(30), max: z.number().int().min(2).max(30) }),
    /** Individual coaching (#21): how many coachees one coach takes on (the caseload screen's target). Older settings get 12. */
    caseloadSize: z.number().int().min(1).max(40).default(12),
    /** Coach compensation (#17): scheme, rates, standard lengths, preparation, pay day. Older settings get the defaults. */
    compensation: CompensationSettings.default(defaultCompensationSettings),
    /** Evaluation questionnaire moments (#18). Older settings have none. */
    evaluations: z.array(EvaluationMomentSetting).max(3).default([]),
    /** Opt-in sign-up (#21): the last day students can sign up (Europe/Amsterdam), or none. Older settings have none. */
    signUp: z.strictObject({ closesOn: z.iso.date().nullable().default(null) }).default({ closesOn: null }),
  })
  .superRefine((s, ctx) => {
    if (s.communitySize.min > s.communitySize.max) {
      ctx.addIssue({ code: 'custom', path: ['communitySize', 'min'], message: 'size_min_above_max', params: { key: 'sizeMinAboveMax' } });
    }
    if (s.participation === 'optInAfterFirstPhase' && (s.phases.length < 2 || !s.phases[0]?.reflectionAtEnd)) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'opt_in_needs_reflection', params: { key: 'optInNeedsReflection' } });
    }
    const moments = new Set<string>();
    s.evaluations.forEach((e, i) => {
      if (e.closesOn <= e.opensOn) ctx.addIssue({ code: 'custom', path: ['evaluations', i, 'closesOn'], message: 'evaluation_closes_before_opening', params: { key: 'evaluationClosesBeforeOpening' } });
      if (e.audience.length === 0) ctx.addIssue({ code: 'custom', path: ['evaluations', i, 'audience'], message: 'evaluation_no_audience', params: { key: 'evaluationNoAudience' } });
      if (new Set(e.audience).size !== e.audience.length) ctx.addIssue({ code: 'custom', path: ['evaluations', i, 'audience'], message: 'evaluation_no_audience', params: { key: 'evaluationNoAudience' } });
      if (moments.has(e.moment)) ctx.addIssue({ code: 'custom', path: ['evaluations', i, 'moment'], message: 'evaluation_moment_twice', params: { key: 'evaluationMomentTwice' } });
      moments.add(e.moment);
    });
  });

export type IntakeSettings = z.infer<typeof IntakeSettings>;
export type IntakeFormat = (typeof INTAKE_FORMATS)[number];

/**
 * The defaults follow the report and the Roadmap: communities of 7–8, twice a month, a first
 * phase of 100 days ending in a reflection moment, then the rest of the year.
 */
export function defaultIntakeSettings(month: 'september' | 'february'): IntakeSettings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    format: 'communities',
    // Compulsory keeps what the leercoach saw before modes acted: attendance counts of their class (ADR 0020).
    participation: 'compulsory',
    phases: [
      { name: month === 'september' ? 'Eerste 100 dagen' : 'Eerste 100 dagen (februari)', days: 100, reflectionAtEnd: true },
      { name: 'Rest van het jaar', days: month === 'september' ? 200 : 120, reflectionAtEnd: true },
    ],
    sessionsPerMonth: 2,
    communitySize: { min: 7, max: 8 },
    caseloadSize: 12,
    compensation: defaultCompensationSettings(),
    evaluations: [],
    signUp: { closesOn: null },
  };
}

/**
 * Reads stored settings of any schema version. Version 0 (the foundation's empty `{}` or a
 * partial object) is completed with the defaults; anything unreadable falls back to the
 * defaults with `upgraded: true` so the screen can say so.
 */
export function readIntakeSettings(raw: unknown, month: 'september' | 'february'): { settings: IntakeSettings; upgraded: boolean } {
  const parsed = IntakeSettings.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, upgraded: false };
  const defaults = defaultIntakeSettings(month);
  if (raw && typeof raw === 'object') {
    const merged = IntakeSettings.safeParse({ ...defaults, ...(raw as Record<string, unknown>), schemaVersion: SETTINGS_SCHEMA_VERSION });
    if (merged.success) return { settings: merged.data, upgraded: true };
  }
  return { settings: defaults, upgraded: true };
}

/** The day (counted from the intake start) of each reflection moment. */
export function reflectionDays(settings: IntakeSettings): number[] {
  let day = 0;
  const result: number[] = [];
  for (const phase of settings.phases) {
    day += phase.days;
    if (phase.reflectionAtEnd) result.push(day);
  }
  return result;
}

/** Academic years look like 2026-2027: the second year follows the first. */
export const AcademicYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/)
  .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, { message: 'academic_year_sequence' });

/** The academic year before `year` (for copying last year's settings). */
export function previousAcademicYear(year: string): string {
  const start = Number(year.slice(0, 4));
  return `${start - 1}-${start}`;
}

export const SETTINGS_FIELDS = ['format', 'participation', 'phases', 'sessionsPerMonth', 'communitySize', 'caseloadSize', 'compensation', 'evaluations', 'signUp'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Which settings differ between two versions (the change log shows these, old → new). */
export function changedSettings(before: IntakeSettings | null, after: IntakeSettings): SettingsField[] {
  if (!before) return [];
  return SETTINGS_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
