import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../i18n/translate';
import { fieldErrors, fieldMessage, type IssueLike } from './validation-messages';

/** Real zod 4 issues, as the request validator produces them (input kept, then reduced to its type). */
function issuesOf(schema: z.ZodType, input: unknown): IssueLike[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues.map((issue) => {
    const { input: received, ...rest } = issue;
    return { ...rest, received: received === undefined ? 'undefined' : typeof received };
  });
}

const message = (locale: Locale, schema: z.ZodType, input: unknown) => fieldErrors(locale, issuesOf(schema, input))[0]!.message;

/** One case per zod issue code (and the variants people meet), with the Dutch message they must get. */
const CASES: [string, z.ZodType, unknown, string][] = [
  ['missing field', z.object({ name: z.string() }), {}, 'Dit veld is verplicht.'],
  ['wrong type', z.object({ n: z.number() }), { n: 'x' }, 'Vul een getal in.'],
  ['not a whole number', z.object({ n: z.number().int() }), { n: 1.5 }, 'Vul een heel getal in.'],
  ['text too short', z.object({ s: z.string().min(10) }), { s: 'kort' }, 'Gebruik minstens 10 tekens.'],
  ['text too long', z.object({ s: z.string().max(3) }), { s: 'lang' }, 'Gebruik hoogstens 3 tekens.'],
  ['number too small', z.object({ n: z.number().min(1) }), { n: 0 }, 'Vul 1 of meer in.'],
  ['number not above', z.object({ n: z.number().positive() }), { n: 0 }, 'Vul meer dan 0 in.'],
  ['number too big', z.object({ n: z.number().max(10) }), { n: 11 }, 'Vul 10 of minder in.'],
  ['too few items', z.object({ a: z.array(z.string()).min(2) }), { a: ['x'] }, 'Kies er minstens 2.'],
  ['too many items', z.object({ a: z.array(z.string()).max(1) }), { a: ['x', 'y'] }, 'Kies er hoogstens 1.'],
  ['unknown field', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'Dit veld is onbekend.'],
  ['e-mail', z.object({ e: z.email() }), { e: 'nope' }, 'Dit is geen geldig e-mailadres.'],
  ['link', z.object({ u: z.url() }), { u: 'nope' }, 'Dit is geen geldige link.'],
  ['date', z.object({ d: z.iso.date() }), { d: '31-12-2026' }, 'Dit is geen geldige datum.'],
  ['time', z.object({ t: z.iso.time() }), { t: '25:99' }, 'Dit is geen geldige tijd.'],
  ['pattern', z.object({ s: z.string().regex(/^[a-z]+$/) }), { s: 'A1' }, 'De vorm klopt niet.'],
  ['unticked box', z.object({ agreed: z.literal(true) }), { agreed: false }, 'Vink dit aan om door te gaan.'],
  ['choice', z.object({ c: z.enum(['planned', 'held']) }), { c: 'x' }, 'Kies een van de mogelijkheden.'],
  ['multiple of', z.object({ n: z.number().multipleOf(5) }), { n: 7 }, 'Vul een veelvoud van 5 in.'],
  ['union', z.object({ v: z.union([z.number(), z.boolean()]) }), { v: 'x' }, 'Deze waarde klopt niet.'],
  ['known refinement', z.object({ a: z.string() }).refine(() => false, { message: 'end_before_start', path: ['end'] }), { a: 'x' }, 'Het einde ligt voor het begin.'],
  ['other refinement', z.object({ a: z.string() }).refine(() => false, { message: 'something internal' }), { a: 'x' }, 'Deze waarde klopt niet.'],
  ['record key', z.object({ r: z.record(z.string().regex(/^[a-z]+$/), z.string()) }), { r: { B1: 'x' } }, 'Deze waarde klopt niet.'],
  ['set element', z.object({ s: z.set(z.number()) }), { s: new Set(['x']) }, 'Vul een getal in.'],
];

describe('field messages for every kind of zod issue', () => {
  it.each(CASES)('%s', (_, schema, input, dutch) => {
    expect(message('nl', schema, input)).toBe(dutch);
  });

  it('has a message in plain words in both languages for every case: no codes, keys or raw values', () => {
    for (const locale of LOCALES) {
      for (const [name, schema, input] of CASES) {
        const text = message(locale, schema, input);
        expect(text, `${locale} ${name}`).toMatch(/^[A-Z].*\.$/);
        expect(text, `${locale} ${name}`).not.toMatch(/validation\.|undefined|true|false|planned|_/);
      }
    }
  });

  it('translates the codes use cases give as field messages, passes words on, and never shows an unknown code', () => {
    expect(fieldMessage('nl', 'self')).toBe('Iemand kan niet de eigen seniorcoach zijn.');
    expect(fieldMessage('en', 'required')).toBe('This field is required.');
    expect(fieldMessage('nl', 'De community is vol.')).toBe('De community is vol.');
    expect(fieldMessage('en', 'some_new_code')).toBe('This value is not right.');
  });

  it('says a date bound as a date, in the person’s language', () => {
    const schema = z.object({ d: z.date().min(new Date('2026-09-01T00:00:00Z')) });
    expect(message('nl', schema, { d: new Date('2026-08-01T00:00:00Z') })).toBe('Kies 1 september 2026 of later.');
    expect(message('en', schema, { d: new Date('2026-08-01T00:00:00Z') })).toBe('Choose 1 September 2026 or later.');
  });
});

describe('every code a use case gives as a field message', () => {
  it('has its words in both languages', async () => {
    // Scan the server's sources for `message: '<code>'` in field errors, so a new code cannot be forgotten.
    const { readdir, readFile } = await import('node:fs/promises');
    const root = new URL('../', import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const codes = new Set<string>();
    for (const file of files) {
      const text = await readFile(new URL(file, root), 'utf8');
      for (const match of text.matchAll(/\bpath: [^,}]+, message: '([a-z][a-zA-Z_]*)'/g)) codes.add(match[1]!);
    }
    expect(codes.size).toBeGreaterThan(10);
    codes.delete('invalid'); // the general message itself
    for (const code of codes) for (const locale of LOCALES) expect(fieldMessage(locale, code), `${locale} ${code}`).not.toBe(fieldMessage(locale, 'no_such_code_anywhere'));
  });
});
