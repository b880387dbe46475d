/**
 * Contracts for the seed content under `content/` (see content/README.md).
 *
 * Content is data: activity library (werkvormen), Roadmap to studentsucces, help directory
 * (sociale kaart), question sets and consent texts. Every human-readable text is a
 * {@link LocalizedText} with both Dutch (`nl`, primary) and English (`en`).
 * All objects are strict: unknown keys are rejected, so a typo in a key name is an error and not
 * silently ignored.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const NonEmptyText = z
  .string()
  .refine((s) => s.trim().length > 0, { message: 'must not be empty' });

/** A text in both languages. Both are required and non-empty. */
export const LocalizedText = z.strictObject({
  nl: NonEmptyText,
  en: NonEmptyText,
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** An ordered list of localized texts (steps, materials, follow-up questions, …). */
export const LocalizedList = z.array(LocalizedText);
export type LocalizedList = z.infer<typeof LocalizedList>;

/** Stable identifier: kebab-case, lowercase ASCII letters and digits. */
export const ContentId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a kebab-case id (a-z, 0-9, single hyphens)' });
export type ContentId = z.infer<typeof ContentId>;

/** File-level (or item-level) content version: a positive integer, raised on every edit. */
export const ContentVersion = z.number().int().positive();
export type ContentVersion = z.infer<typeof ContentVersion>;

/** Number of words in a text (whitespace-separated). */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed.length === 0 ? 0 : trimmed.split(/\s+/u).length;
}

type IssueSink = z.core.$RefinementCtx<unknown>;

/** Reports every id that occurs more than once among `items` (path: `<listPath>[i].id`). */
function checkUniqueIds(
  items: ReadonlyArray<{ id: string }>,
  listPath: ReadonlyArray<string | number>,
  ctx: IssueSink,
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `duplicate ${what} id "${item.id}" (first used at index ${first})`,
        path: [...listPath, i, 'id'],
      });
    } else {
      seen.set(item.id, i);
    }
  });
}

function checkMaxWords(
  text: LocalizedText,
  max: number,
  path: ReadonlyArray<string | number>,
  ctx: IssueSink,
): void {
  for (const lang of ['nl', 'en'] as const) {
    const n = countWords(text[lang]);
    if (n > max) {
      ctx.addIssue({ code: 'custom', message: `has ${n} words, at most ${max} allowed`, path: [...path, lang] });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// content/activities.json — activity library (werkvormen)
// ---------------------------------------------------------------------------------------------

export const ACTIVITY_THEMES = [
  'kennismaken',
  'groepsband',
  'studievaardigheden',
  'veerkracht',
  'motivatie',
  'tentamens',
  'hulp-vinden',
  'diversiteit',
  'uitje',
  'evaluatie',
  'afsluiting',
] as const;
export const ActivityTheme = z.enum(ACTIVITY_THEMES);
export type ActivityTheme = z.infer<typeof ActivityTheme>;

/** Phases of the programme year: first weeks, autumn, winter, spring, end of year. */
export const YEAR_PHASES = ['start', 'autumn', 'winter', 'spring', 'end'] as const;
export const YearPhase = z.enum(YEAR_PHASES);
export type YearPhase = z.infer<typeof YearPhase>;

export const GroupSize = z
  .strictObject({
    min: z.number().int().min(1),
    max: z.number().int().min(1),
  })
  .refine((g) => g.min <= g.max, { message: 'min must not be greater than max' });
export type GroupSize = z.infer<typeof GroupSize>;

export const Activity = z
  .strictObject({
    id: ContentId,
    title: LocalizedText,
    goal: LocalizedText,
    theme: ActivityTheme,
    phase: z.array(YearPhase).min(1),
    durationMinutes: z.number().int().min(5).max(480),
    groupSize: GroupSize,
    materials: LocalizedList,
    steps: LocalizedList.min(3).max(7),
    tips: LocalizedList.optional(),
  })
  .superRefine((a, ctx) => {
    if (new Set(a.phase).size !== a.phase.length) {
      ctx.addIssue({ code: 'custom', message: 'phase lists a phase more than once', path: ['phase'] });
    }
  });
export type Activity = z.infer<typeof Activity>;

export const ActivityThemeInfo = z.strictObject({
  id: ActivityTheme,
  label: LocalizedText,
  description: LocalizedText.optional(),
});
export type ActivityThemeInfo = z.infer<typeof ActivityThemeInfo>;

export const ActivitiesFile = z
  .strictObject({
    version: ContentVersion,
    themes: z.array(ActivityThemeInfo).min(1),
    activities: z.array(Activity).min(1),
  })
  .superRefine((file, ctx) => {
    checkUniqueIds(file.themes, ['themes'], ctx, 'theme');
    checkUniqueIds(file.activities, ['activities'], ctx, 'activity');
    const described = new Set(file.themes.map((t) => t.id));
    file.activities.forEach((a, i) => {
      if (!described.has(a.theme)) {
        ctx.addIssue({
          code: 'custom',
          message: `theme "${a.theme}" has no entry in themes`,
          path: ['activities', i, 'theme'],
        });
      }
    });
  });
export type ActivitiesFile = z.infer<typeof ActivitiesFile>;

// ---------------------------------------------------------------------------------------------
// content/roadmap.json — Roadmap to studentsucces
// ---------------------------------------------------------------------------------------------

export const HORIZONS = ['short', 'medium', 'long'] as const;
/** Time horizon of an intervention: short (kort), medium (midden), long (lang) term. */
export const Horizon = z.enum(HORIZONS);
export type Horizon = z.infer<typeof Horizon>;

export const RoadmapStakeholder = z.strictObject({
  id: ContentId,
  name: LocalizedText,
  description: LocalizedText.optional(),
});
export type RoadmapStakeholder = z.infer<typeof RoadmapStakeholder>;

export const RoadmapIntervention = z.strictObject({
  id: ContentId,
  title: LocalizedText,
  description: LocalizedText.optional(),
  /** Stakeholder ids (from `stakeholders`) involved, as the source lists them for the item. */
  stakeholders: z.array(ContentId).min(1),
  /**
   * Horizon(s) as the source gives them; a range such as "kort–midden" is `["short","medium"]`.
   * Absent when the source gives no horizon (the institution may fill it in).
   */
  horizon: z.array(Horizon).min(1).optional(),
});
export type RoadmapIntervention = z.infer<typeof RoadmapIntervention>;

export const RoadmapPrinciple = z.strictObject({
  id: ContentId,
  number: z.number().int().positive(),
  title: LocalizedText,
  interventions: z.array(RoadmapIntervention).min(1),
});
export type RoadmapPrinciple = z.infer<typeof RoadmapPrinciple>;

export const RoadmapCluster = z.strictObject({
  id: ContentId,
  title: LocalizedText,
});
export type RoadmapCluster = z.infer<typeof RoadmapCluster>;

export const RoadmapFactor = z.strictObject({
  id: ContentId,
  number: z.number().int().positive(),
  cluster: ContentId,
  title: LocalizedText,
  note: LocalizedText.optional(),
  interventions: z.array(RoadmapIntervention).min(1),
});
export type RoadmapFactor = z.infer<typeof RoadmapFactor>;

export const RoadmapFile = z
  .strictObject({
    version: ContentVersion,
    title: LocalizedText,
    source: LocalizedText,
    stakeholders: z.array(RoadmapStakeholder).min(1),
    clusters: z.array(RoadmapCluster).min(1),
    principles: z.array(RoadmapPrinciple).min(1),
    factors: z.array(RoadmapFactor).min(1),
  })
  .superRefine((file, ctx) => {
    checkUniqueIds(file.stakeholders, ['stakeholders'], ctx, 'stakeholder');
    checkUniqueIds(file.clusters, ['clusters'], ctx, 'cluster');
    checkUniqueIds([...file.principles, ...file.factors], [], ctx, 'principle/factor');
    const checkNumbers = (items: ReadonlyArray<{ number: number }>, list: string): void => {
      const seen = new Set<number>();
      items.forEach((item, i) => {
        if (seen.has(item.number)) {
          ctx.addIssue({ code: 'custom', message: `duplicate number ${item.number}`, path: [list, i, 'number'] });
        }
        seen.add(item.number);
      });
    };
    checkNumbers(file.principles, 'principles');
    checkNumbers(file.factors, 'factors');

    const stakeholderIds = new Set(file.stakeholders.map((s) => s.id));
    const clusterIds = new Set(file.clusters.map((c) => c.id));
    const interventionIds = new Map<string, string>();
    const checkInterventions = (
      list: 'principles' | 'factors',
      owners: ReadonlyArray<{ interventions: RoadmapIntervention[] }>,
    ): void => {
      owners.forEach((owner, i) => {
        owner.interventions.forEach((iv, j) => {
          const here = `${list}[${i}].interventions[${j}]`;
          const first = interventionIds.get(iv.id);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `duplicate intervention id "${iv.id}" (first used at ${first})`,
              path: [list, i, 'interventions', j, 'id'],
            });
          } else {
            interventionIds.set(iv.id, here);
          }
          iv.stakeholders.forEach((s, k) => {
            if (!stakeholderIds.has(s)) {
              ctx.addIssue({
                code: 'custom',
                message: `unknown stakeholder "${s}" (not in stakeholders)`,
                path: [list, i, 'interventions', j, 'stakeholders', k],
              });
            }
          });
          if (new Set(iv.stakeholders).size !== iv.stakeholders.length) {
            ctx.addIssue({
              code: 'custom',
              message: 'lists a stakeholder more than once',
              path: [list, i, 'interventions', j, 'stakeholders'],
            });
          }
          if (iv.horizon && new Set(iv.horizon).size !== iv.horizon.length) {
            ctx.addIssue({
              code: 'custom',
              message: 'lists a horizon more than once',
              path: [list, i, 'interventions', j, 'horizon'],
            });
          }
        });
      });
    };
    checkInterventions('principles', file.principles);
    checkInterventions('factors', file.factors);
    file.factors.forEach((f, i) => {
      if (!clusterIds.has(f.cluster)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown cluster "${f.cluster}" (not in clusters)`,
          path: ['factors', i, 'cluster'],
        });
      }
    });
  });
export type RoadmapFile = z.infer<typeof RoadmapFile>;

// ---------------------------------------------------------------------------------------------
// content/help-directory.json — help directory (sociale kaart)
// ---------------------------------------------------------------------------------------------

/** Inside the institution (`inside`) or outside it (`outside`). */
export const HelpKind = z.enum(['inside', 'outside']);
export type HelpKind = z.infer<typeof HelpKind>;

export const HELP_CATEGORIES = [
  'study-progress',
  'personal-circumstances',
  'mental-health',
  'safety',
  'study-choice',
  'community',
  'health',
  'crisis',
  'listening',
  'money',
] as const;
export const HelpCategory = z.enum(HELP_CATEGORIES);
export type HelpCategory = z.infer<typeof HelpCategory>;

export const HelpCategoryInfo = z.strictObject({
  id: HelpCategory,
  label: LocalizedText,
});
export type HelpCategoryInfo = z.infer<typeof HelpCategoryInfo>;

export const HelpEntry = z.strictObject({
  id: ContentId,
  kind: HelpKind,
  category: HelpCategory,
  name: LocalizedText,
  whenToGo: LocalizedText,
  howToReach: LocalizedText,
  url: z.url({ protocol: /^https?$/ }).optional(),
  phone: z
    .string()
    .regex(/^[0-9+][0-9 -]{1,18}[0-9]$/, { message: 'must be a phone number (digits, spaces, hyphens)' })
    .optional(),
  email: z.email().optional(),
});
export type HelpEntry = z.infer<typeof HelpEntry>;

export const HelpDirectoryFile = z
  .strictObject({
    version: ContentVersion,
    institution: z.strictObject({
      name: LocalizedText,
      /** True for the fictional demo institution: its contact data is made up. */
      demo: z.boolean(),
    }),
    categories: z.array(HelpCategoryInfo).min(1),
    entries: z.array(HelpEntry).min(1),
  })
  .superRefine((file, ctx) => {
    checkUniqueIds(file.categories, ['categories'], ctx, 'category');
    checkUniqueIds(file.entries, ['entries'], ctx, 'entry');
    const described = new Set(file.categories.map((c) => c.id));
    file.entries.forEach((e, i) => {
      if (!described.has(e.category)) {
        ctx.addIssue({
          code: 'custom',
          message: `category "${e.category}" has no entry in categories`,
          path: ['entries', i, 'category'],
        });
      }
    });
  });
export type HelpDirectoryFile = z.infer<typeof HelpDirectoryFile>;

// ---------------------------------------------------------------------------------------------
// content/questions.json — question sets
// ---------------------------------------------------------------------------------------------

const QuestionBase = {
  id: ContentId,
  label: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean().optional(),
};

export const TextQuestion = z.strictObject({
  ...QuestionBase,
  kind: z.literal('text'),
  maxLength: z.number().int().min(1).max(10_000),
});
export type TextQuestion = z.infer<typeof TextQuestion>;

export const ScaleQuestion = z
  .strictObject({
    ...QuestionBase,
    kind: z.literal('scale'),
    min: z.number().int(),
    max: z.number().int(),
    minLabel: LocalizedText,
    maxLabel: LocalizedText,
  })
  .refine((q) => q.min < q.max, { message: 'min must be less than max' });
export type ScaleQuestion = z.infer<typeof ScaleQuestion>;

export const ChoiceOption = z.strictObject({
  id: ContentId,
  label: LocalizedText,
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const ChoiceQuestion = z
  .strictObject({
    ...QuestionBase,
    kind: z.literal('choice'),
    multiple: z.boolean(),
    options: z.array(ChoiceOption).min(2),
  })
  .superRefine((q, ctx) => checkUniqueIds(q.options, ['options'], ctx, 'option'));
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;

export const Question = z.discriminatedUnion('kind', [TextQuestion, ScaleQuestion, ChoiceQuestion]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

export const QuestionSet = z
  .strictObject({
    id: ContentId,
    title: LocalizedText,
    intro: LocalizedText.optional(),
    questions: z.array(Question).min(1),
  })
  .superRefine((set, ctx) => checkUniqueIds(set.questions, ['questions'], ctx, 'question'));
export type QuestionSet = z.infer<typeof QuestionSet>;

/** The five themes of the individual resilience conversation (Veerkrachtpraatplaat). */
export const CONVERSATION_FOCUSES = ['challenges', 'individual', 'relational', 'contextual', 'closing'] as const;
export const ConversationFocus = z.enum(CONVERSATION_FOCUSES);
export type ConversationFocus = z.infer<typeof ConversationFocus>;

export const ConversationTheme = z.strictObject({
  id: ContentId,
  number: z.number().int().positive(),
  focus: ConversationFocus,
  title: LocalizedText,
  mainQuestion: LocalizedText,
  followUps: LocalizedList.min(3).max(6),
});
export type ConversationTheme = z.infer<typeof ConversationTheme>;

/** Longest allowed coach instruction for the conversation guide, in words per language. */
export const CONVERSATION_INSTRUCTION_MAX_WORDS = 120;

export const ConversationGuide = z
  .strictObject({
    id: ContentId,
    title: LocalizedText,
    instruction: LocalizedText,
    themes: z.array(ConversationTheme).min(1),
    resourcePrompts: LocalizedList.min(1),
    closing: LocalizedText.optional(),
  })
  .superRefine((guide, ctx) => {
    checkUniqueIds(guide.themes, ['themes'], ctx, 'theme');
    checkMaxWords(guide.instruction, CONVERSATION_INSTRUCTION_MAX_WORDS, ['instruction'], ctx);
    const focuses = new Set<string>();
    guide.themes.forEach((t, i) => {
      if (focuses.has(t.focus)) {
        ctx.addIssue({ code: 'custom', message: `focus "${t.focus}" used twice`, path: ['themes', i, 'focus'] });
      }
      focuses.add(t.focus);
      if (t.number !== i + 1) {
        ctx.addIssue({ code: 'custom', message: `expected number ${i + 1}`, path: ['themes', i, 'number'] });
      }
    });
  });
export type ConversationGuide = z.infer<typeof ConversationGuide>;

export const QuestionsFile = z
  .strictObject({
    version: ContentVersion,
    logbook: QuestionSet,
    checkin: ScaleQuestion,
    sessionClose: QuestionSet,
    conversationGuide: ConversationGuide,
    evaluation: z.strictObject({
      coachee: QuestionSet,
      coach: QuestionSet,
    }),
  })
  .superRefine((file, ctx) => {
    const all: Array<{ id: string; path: Array<string | number> }> = [];
    const add = (set: QuestionSet, path: Array<string | number>): void => {
      set.questions.forEach((q, i) => all.push({ id: q.id, path: [...path, 'questions', i, 'id'] }));
    };
    add(file.logbook, ['logbook']);
    all.push({ id: file.checkin.id, path: ['checkin', 'id'] });
    add(file.sessionClose, ['sessionClose']);
    add(file.evaluation.coachee, ['evaluation', 'coachee']);
    add(file.evaluation.coach, ['evaluation', 'coach']);
    const seen = new Set<string>();
    for (const q of all) {
      if (seen.has(q.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate question id "${q.id}" in this file`, path: q.path });
      }
      seen.add(q.id);
    }
    if (file.checkin.min !== 0 || file.checkin.max !== 10) {
      ctx.addIssue({ code: 'custom', message: 'the check-in scale must run from 0 to 10', path: ['checkin'] });
    }
  });
export type QuestionsFile = z.infer<typeof QuestionsFile>;

// ---------------------------------------------------------------------------------------------
// content/consents.json — consent texts
// ---------------------------------------------------------------------------------------------

export const CONSENT_IDS = ['coaching-data', 'share-checkins-with-coach', 'research-use', 'audio-recording', 'grouping-background'] as const;
export const ConsentId = z.enum(CONSENT_IDS);
export type ConsentId = z.infer<typeof ConsentId>;

/** Longest allowed consent text, in words per language. */
export const CONSENT_MAX_WORDS = 90;

export const ConsentText = z
  .strictObject({
    id: ConsentId,
    /** Version of this consent text; a consent record stores the version the person agreed to. */
    version: ContentVersion,
    /** Date (YYYY-MM-DD) from which this version is shown. */
    effectiveFrom: z.iso.date(),
    title: LocalizedText,
    text: LocalizedText,
    /** Short label for the yes/no control. */
    agreeLabel: LocalizedText,
  })
  .superRefine((c, ctx) => checkMaxWords(c.text, CONSENT_MAX_WORDS, ['text'], ctx));
export type ConsentText = z.infer<typeof ConsentText>;

export const ConsentsFile = z
  .strictObject({
    version: ContentVersion,
    consents: z.array(ConsentText).min(1),
  })
  .superRefine((file, ctx) => checkUniqueIds(file.consents, ['consents'], ctx, 'consent'));
export type ConsentsFile = z.infer<typeof ConsentsFile>;

// ---------------------------------------------------------------------------------------------
// All content
// ---------------------------------------------------------------------------------------------

/** File name (inside the content directory) and schema of every content file. */
export const CONTENT_FILES = {
  activities: { file: 'activities.json', schema: ActivitiesFile },
  roadmap: { file: 'roadmap.json', schema: RoadmapFile },
  helpDirectory: { file: 'help-directory.json', schema: HelpDirectoryFile },
  questions: { file: 'questions.json', schema: QuestionsFile },
  consents: { file: 'consents.json', schema: ConsentsFile },
} as const;
export type ContentKey = keyof typeof CONTENT_FILES;

export interface Content {
  activities: ActivitiesFile;
  roadmap: RoadmapFile;
  helpDirectory: HelpDirectoryFile;
  questions: QuestionsFile;
  consents: ConsentsFile;
}
