/**
 * fast-check arbitraries from the JSON schemas of the OpenAPI document (which the app generates
 * from each route's zod schemas, so a new route is fuzzed the day it is registered).
 *   valid     values the schema accepts (including its boundaries: min/max lengths and numbers)
 *   hostile   valid shapes whose texts carry NUL, right-to-left overrides, emoji, lone surrogates
 *   invalid   one thing wrong: a wrong type, a value out of range, a missing required field,
 *             an unknown field, a bad enum value
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  multipleOf?: number;
  nullable?: boolean;
  default?: unknown;
};

/** Texts that have broken servers before: NUL, bidi overrides, emoji, combining marks, lone surrogates, SQL and HTML. */
export const HOSTILE_TEXTS = [
  'nul\u0000byte',
  '\u202Eتحقق\u202C مرحبا',
  '👩🏽‍🎓🎉🏳️‍🌈',
  'e\u0301\u0301\u0301',
  '\uD800alone',
  "'; drop table people; --",
  '<script>alert(1)</script>',
  '%00%2e%2e%2f',
  ' ',
  '\t\n\r',
  'ﷺ'.repeat(50),
];

const UUIDISH = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 200));
  if (s.format === 'uuid') return UUIDISH;
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain strings.
    }
  }
  // Boundaries get their own weight: the shortest and the longest string the schema allows.
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 40)) }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(min)) },
    { weight: 1, arbitrary: fc.constant('y'.repeat(s.maxLength ?? Math.max(min, 64))) },
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const min = s.minimum ?? (exMin !== undefined ? exMin + (integer ? 1 : 1e-6) : -1_000_000);
  const max = s.maximum ?? (exMax !== undefined ? exMax - (integer ? 1 : 1e-6) : 1_000_000);
  const base = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const step = s.multipleOf;
  const value = step ? base.map((v) => Math.round(v / step) * step).filter((v) => v >= min && v <= max) : base;
  return fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(integer ? Math.ceil(min) : min, integer ? Math.floor(max) : max) });
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Values the schema accepts. `text` makes the strings: plain, or hostile ones where the schema allows. */
export function validArb(s: JsonSchema, hostile = false, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validArb(a, hostile, depth + 1)));
  if (s.allOf?.length) return validArb(Object.assign({}, ...s.allOf) as JsonSchema, hostile, depth + 1);
  const types = typesOf(s);
  const core = (type: string): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        if (hostile && !s.format && !s.pattern && !s.enum) {
          const max = s.maxLength ?? 200;
          return fc.constantFrom(...HOSTILE_TEXTS).map((t) => t.slice(0, max).padEnd(s.minLength ?? 0, 'z'));
        }
        return stringArb(s);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const item = s.items ? validArb(s.items, hostile, depth + 1) : fc.anything();
        return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, depth > 2 ? 1 : 4) });
      }
      case 'object':
      default:
        return objectArb(s, (p) => validArb(p, hostile, depth + 1), depth);
    }
  };
  const arb = types.length > 1 ? fc.oneof(...types.map(core)) : core(types[0] ?? (s.properties ? 'object' : 'string'));
  return s.nullable ? fc.option(arb, { nil: null }) : arb;
}

function objectArb(s: JsonSchema, field: (p: JsonSchema) => fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  if (Object.keys(props).length === 0) {
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), field(s.additionalProperties), { maxKeys: depth > 2 ? 1 : 3 });
    }
    return fc.constant({});
  }
  return fc.record(
    Object.fromEntries(Object.entries(props).map(([k, p]) => [k, field(p)])),
    { requiredKeys: [...required].filter((k) => k in props) },
  );
}

/** A value the schema refuses: one thing wrong (the rest valid). */
export function invalidArb(s: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(s);
  const wrongType = fc.oneof(fc.constant(null), fc.constant(12345), fc.constant('text'), fc.constant(true), fc.constant([]), fc.constant({})).filter((v) => {
    const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'integer' : typeof v;
    return !types.includes(t) && !(t === 'integer' && types.includes('number')) && !(v === null && s.nullable) && !(t === 'object' && types.length === 0);
  });
  if (s.enum) return fc.oneof(wrongType, fc.constant('not-one-of-the-values'));
  if (types.includes('string') && !s.enum) {
    const options: fc.Arbitrary<unknown>[] = [wrongType];
    if (s.maxLength !== undefined) options.push(fc.constant('z'.repeat(s.maxLength + 1)));
    if (s.minLength) options.push(fc.constant('z'.repeat(s.minLength - 1)));
    if (s.format === 'uuid' || s.pattern) options.push(fc.constantFrom('not-a-uuid', '../../etc/passwd', '1 OR 1=1'));
    if (s.format === 'date' || s.format === 'date-time') options.push(fc.constantFrom('2026-02-30', '31-12-2026', 'gisteren'));
    if (s.format === 'email') options.push(fc.constantFrom('geen-adres', 'a@', '@b.nl'));
    return fc.oneof(...options);
  }
  if (types.includes('integer') || types.includes('number')) {
    const options: fc.Arbitrary<unknown>[] = [wrongType];
    if (s.maximum !== undefined) options.push(fc.constant(s.maximum + 1));
    if (s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
    if (types.includes('integer')) options.push(fc.constant(1.5));
    options.push(fc.constantFrom(Number.MAX_SAFE_INTEGER * 10, -1e300));
    return fc.oneof(...options);
  }
  if (types.includes('array')) {
    const options: fc.Arbitrary<unknown>[] = [wrongType];
    if (s.maxItems !== undefined && s.items) options.push(fc.array(validArb(s.items), { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    if (s.items) options.push(fc.tuple(invalidArb(s.items)).map((a) => a));
    return fc.oneof(...options);
  }
  if (types.includes('object') || s.properties) {
    const props = Object.entries(s.properties ?? {});
    const base = validArb(s) as fc.Arbitrary<Record<string, unknown>>;
    const options: fc.Arbitrary<unknown>[] = [wrongType];
    // An unknown field: request bodies are strict.
    if (s.additionalProperties === false) options.push(base.map((v) => ({ ...v, onbekendVeld: 'x' })));
    const required = (s.required ?? []).filter((k) => s.properties?.[k]?.default === undefined);
    if (required.length) options.push(fc.tuple(base, fc.constantFrom(...required)).map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))));
    if (props.length) {
      options.push(
        fc.constantFrom(...props).chain(([k, p]) => fc.tuple(base, invalidArb(p)).map(([v, bad]) => ({ ...v, [k]: bad }))),
      );
    }
    return fc.oneof(...options);
  }
  return wrongType;
}
