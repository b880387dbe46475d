/**
 * Contract of `content/handbook.json` (#21 item 6): the coach handbook — what a coach does, the
 * year's rhythm, the first session, the logbook, one-on-ones, referring, pay and hours, support,
 * stopping well — as sections of paragraphs in Dutch and English; and the topics coaches can pick
 * when they suggest what a next training should be about.
 */
import { z } from 'zod';
import { checkUniqueIds, ContentId, ContentVersion, LocalizedList, LocalizedText } from './building-blocks';

export const HandbookSection = z.strictObject({
  id: ContentId,
  title: LocalizedText,
  paragraphs: LocalizedList.min(1),
});

export const TrainingTopic = z.strictObject({ id: ContentId, label: LocalizedText });

export const HandbookFile = z
  .strictObject({
    version: ContentVersion,
    title: LocalizedText,
    intro: LocalizedText,
    sections: z.array(HandbookSection).min(1),
    trainingTopics: z.array(TrainingTopic).min(1),
  })
  .superRefine((f, ctx) => {
    checkUniqueIds(f.sections, ['sections'], ctx, 'section');
    checkUniqueIds(f.trainingTopics, ['trainingTopics'], ctx, 'topic');
  });
export type HandbookFile = z.infer<typeof HandbookFile>;
