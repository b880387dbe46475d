/** Contract of `content/consents.json`: the consent texts a person agrees to, versioned. */
import { z } from 'zod';
import { checkMaxWords, checkUniqueIds, ContentVersion, LocalizedText } from './building-blocks';

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
