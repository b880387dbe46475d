/** Contract of `content/help-directory.json`: the institution's help directory (sociale kaart). */
import { z } from 'zod';
import { checkDescribed, checkUniqueIds, ContentId, ContentVersion, LocalizedText } from './building-blocks';

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
    checkDescribed(file.entries, 'category', 'entries', file.categories, 'categories', ctx);
  });
export type HelpDirectoryFile = z.infer<typeof HelpDirectoryFile>;
