import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_REGISTRY, renderPrivacyDoc } from './personal-data-registry';
import * as schema from './schema';
import { RETENTION_RULES } from '../modules/retention/rules';

const DOC = path.resolve(import.meta.dirname, '../../../docs/privacy.md');

const tables = Object.entries(schema)
  .filter(([, value]) => is(value, PgTable))
  .map(([exportName, table]) => ({ exportName, name: getTableName(table as PgTable) }));

describe('personal-data registry', () => {
  it('has an entry for every table in the schema', () => {
    const missing = tables.filter((t) => !(t.name in PERSONAL_DATA_REGISTRY));
    const advice = missing.map(
      (t) =>
        `Table "${t.name}" (export \`${t.exportName}\` of src/server/db/schema.ts) has no entry in PERSONAL_DATA_REGISTRY.\n` +
        `Add to src/server/db/personal-data-registry.ts:\n` +
        `  ${t.name}: { context: '<your context>', purpose: '<why you keep it>', category: 'none' | 'personal' | 'special', ` +
        `retention: '<how long>', export: '<how a person’s rows reach their export>', erasure: '<what erasure does>' },\n` +
        `then regenerate docs/privacy.md: UPDATE_PRIVACY_DOC=1 npx vitest run --project small src/server/db/personal-data-registry.test.ts`,
    );
    expect(advice.join('\n\n'), advice.join('\n\n')).toBe('');
  });

  it('has no entry for a table that does not exist', () => {
    const known = new Set(tables.map((t) => t.name));
    expect(Object.keys(PERSONAL_DATA_REGISTRY).filter((name) => !known.has(name))).toEqual([]);
  });

  it('fills in every field of every entry', () => {
    for (const [name, entry] of Object.entries(PERSONAL_DATA_REGISTRY)) {
      for (const [field, value] of Object.entries(entry)) if (typeof value === 'string') expect(value.trim(), `${name}.${field}`).not.toBe('');
    }
  });

  it('says for every table with personal data how its retention is enforced', () => {
    const missing = Object.entries(PERSONAL_DATA_REGISTRY)
      .filter(([, entry]) => entry.category !== 'none' && !entry.purge)
      .map(([name]) => `${name}: add purge: pass(…) (the daily retention pass), elsewhere('<what enforces it>') or noAgeRule('<why no age rule, and what removes the rows>')`);
    expect(missing).toEqual([]);
  });

  it('has a rule of the retention pass for every table the registry says it purges, and no other', () => {
    const promised = Object.entries(PERSONAL_DATA_REGISTRY)
      .filter(([, entry]) => entry.purge?.by === 'retention pass')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(RETENTION_RULES).sort()).toEqual(promised);
  });

  it('says for every table with personal data how to find a person’s rows (subject)', () => {
    const missing = Object.entries(PERSONAL_DATA_REGISTRY)
      .filter(([, entry]) => entry.category !== 'none' && !entry.subject)
      .map(
        ([name]) =>
          `${name}: add subject: by({ <column>: del() | unlink('count') | hold() }) — every column holding a person id, what erasure does to ` +
          `those rows and whether the export shows them or counts them — or { via: { column, parent, parentColumn } }, { email: '<column>' }, ` +
          `or nobody('<why no row is a particular person’s>'). See docs/CONTRIBUTING.md, “Personal data”.`,
      );
    expect(missing.join('\n'), missing.join('\n')).toBe('');
  });

  it('names every column that references people.id in the table’s subject, with the erasure its foreign key allows', () => {
    const problems: string[] = [];
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value as PgTable);
      const subject = PERSONAL_DATA_REGISTRY[config.name]?.subject;
      const columns = subject && 'columns' in subject ? (subject.columns ?? {}) : {};
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        if (getTableName(ref.foreignTable) !== 'people' || ref.foreignColumns[0]?.name !== 'id') continue;
        const column = ref.columns[0]!.name;
        const link = columns[column];
        if (!link) {
          problems.push(`${config.name}.${column} references people.id but is not in the registry's subject: add ${column}: del() | unlink() | hold()`);
          continue;
        }
        const allowed = fk.onDelete === 'cascade' ? ['delete'] : fk.onDelete === 'set null' ? ['unlink', 'delete'] : ['legal hold'];
        if (!allowed.includes(link.erase)) problems.push(`${config.name}.${column}: ON DELETE ${fk.onDelete ?? 'no action'} does not fit erase '${link.erase}' (expected ${allowed.join(' or ')})`);
      }
      const names = new Set(config.columns.map((c) => c.name));
      const named = [...Object.keys(columns), ...Object.values(columns).flatMap((c) => c.hide)];
      if (subject && 'email' in subject && subject.email) named.push(subject.email);
      if (subject && 'via' in subject && subject.via) named.push(subject.via.column);
      for (const n of named) if (!names.has(n)) problems.push(`${config.name}: the subject names a column "${n}" the table does not have`);
    }
    expect(problems.join('\n'), problems.join('\n')).toBe('');
  });

  it('matches docs/privacy.md', () => {
    const rendered = renderPrivacyDoc();
    if (process.env.UPDATE_PRIVACY_DOC === '1') fs.writeFileSync(DOC, rendered);
    const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    expect(
      current === rendered,
      'docs/privacy.md is out of date: UPDATE_PRIVACY_DOC=1 npx vitest run --project small src/server/db/personal-data-registry.test.ts',
    ).toBe(true);
  });
});
