/** Request and response schemas of the consent ledger. Shared by server, web and tests. */
import { z } from 'zod';
import { LocalizedText } from './content/building-blocks';
import { ConsentId } from './content/consents';

export const ConsentStatus = z.enum(['granted', 'withdrawn', 'unanswered']);

export const ConsentSummary = z.object({
  id: ConsentId,
  /** The current text, in both languages. */
  version: z.number().int(),
  title: LocalizedText,
  text: LocalizedText,
  agreeLabel: LocalizedText,
  status: ConsentStatus,
  answeredVersion: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
  /** A newer text than the one answered: the person is asked again. */
  outdated: z.boolean(),
});
export type ConsentSummary = z.infer<typeof ConsentSummary>;

export const MyConsentsResponse = z.object({ consents: z.array(ConsentSummary) });
export type MyConsentsResponse = z.infer<typeof MyConsentsResponse>;

/**
 * Grant or withdraw one consent. `textVersion` is the version the person saw: when the text has
 * changed since the screen loaded, the answer is refused (409) and the new text is shown.
 */
export const AnswerConsentRequest = z.strictObject({
  decision: z.enum(['grant', 'withdraw']),
  textVersion: z.number().int().positive(),
  shownLocale: z.enum(['nl', 'en']),
});
export type AnswerConsentRequest = z.infer<typeof AnswerConsentRequest>;

export const ConsentHistoryResponse = z.object({
  events: z.array(
    z.object({
      consentId: ConsentId,
      event: z.enum(['grant', 'withdraw']),
      textVersion: z.number().int(),
      at: z.string(),
    }),
  ),
});
export type ConsentHistoryResponse = z.infer<typeof ConsentHistoryResponse>;

/**
 * Who read the person's data: one line per reader, object and hour (the audit keeps every read),
 * with the latest read in that hour and how many there were.
 */
export const ReadsResponse = z.object({
  reads: z.array(
    z.object({
      at: z.string(),
      resourceType: z.string(),
      reader: z.object({ firstName: z.string(), lastName: z.string() }).nullable(),
      count: z.number().int().positive(),
    }),
  ),
});
export type ReadsResponse = z.infer<typeof ReadsResponse>;
