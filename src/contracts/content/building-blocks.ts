/**
 * Building blocks of the seed content contracts (`content/*.json`, see content/README.md): texts in
 * both languages, ids, versions, and the checks the file schemas share. Every human-readable text
 * is a {@link LocalizedText} with both Dutch (`nl`, primary) and English (`en`). All objects are
 * strict: unknown keys are rejected, so a typo in a key name is an error and not silently ignored.
 */
import { z } from 'zod';

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

/**
 * Reports every item whose `key` names no entry of `described` (`<key> "<value>" has no entry in
 * <describedList>`, path: `<listPath>[i].<key>`): each theme, category, … an item refers to is described.
 */
export function checkDescribed<K extends string>(
  items: ReadonlyArray<Readonly<Record<K, string>>>,
  key: K,
  listPath: string,
  described: ReadonlyArray<{ id: string }>,
  describedList: string,
  ctx: IssueSink,
): void {
  const ids = new Set(described.map((d) => d.id));
  items.forEach((item, i) => {
    if (!ids.has(item[key])) {
      ctx.addIssue({
        code: 'custom',
        message: `${key} "${item[key]}" has no entry in ${describedList}`,
        path: [listPath, i, key],
      });
    }
  });
}

/** Reports every id that occurs more than once among `items` (path: `<listPath>[i].id`). */
export function checkUniqueIds(
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

/** Reports a text with more than `max` words in either language (path: `<path>.nl` / `.en`). */
export function checkMaxWords(
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
