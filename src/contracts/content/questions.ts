/**
 * Contract of `content/questions.json`: the question sets (logbook, check-in, session close,
 * evaluations) and the guide of the individual resilience conversation.
 */
import { z } from 'zod';
import { checkMaxWords, checkUniqueIds, ContentId, ContentVersion, LocalizedList, LocalizedText } from './building-blocks';

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

/** A question of the coach's end-of-year report: a text, maybe quoted (with consent, without name) in the impact report. */
export const YearReportQuestion = z.strictObject({ ...TextQuestion.shape, quotable: z.boolean() });
export type YearReportQuestion = z.infer<typeof YearReportQuestion>;

/** The coach's end-of-year report ("kort eindverslag", issue 18 item 4): the reflection questions after the figures. */
export const YearReportSet = z
  .strictObject({ id: ContentId, title: LocalizedText, intro: LocalizedText, questions: z.array(YearReportQuestion).min(1).max(10) })
  .superRefine((set, ctx) => checkUniqueIds(set.questions, ['questions'], ctx, 'question'));
export type YearReportSet = z.infer<typeof YearReportSet>;

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
    coachYearReport: YearReportSet,
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
    file.coachYearReport.questions.forEach((q, i) => all.push({ id: q.id, path: ['coachYearReport', 'questions', i, 'id'] }));
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
