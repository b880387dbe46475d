/**
 * Row counts and a checksum per table: md5 over every row's text, ordered by the primary key (by
 * the whole row where a table has none), for the tables of the app (`public`) and the migration
 * journal (`drizzle`). Equal checksums mean equal contents, value by value.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';

export type TableSum = { rows: number; md5: string };
/** Per table (`schema.table`), its columns in order: what a checksum covers. */
export type TableColumns = Record<string, string[]>;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
  return (result as { rows: T[] }).rows;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables and their columns, in column order. */
export async function tableColumns(db: Db): Promise<TableColumns> {
  const found = await rows<{ table_schema: string; table_name: string; column_name: string }>(
    db,
    sql`select c.table_schema, c.table_name, c.column_name
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema in ('public', 'drizzle')
        order by c.table_schema, c.table_name, c.ordinal_position`,
  );
  const columns: TableColumns = {};
  for (const r of found) (columns[`${r.table_schema}.${r.table_name}`] ??= []).push(r.column_name);
  return columns;
}

/** Count and checksum of each table, over the given columns (default: all of them, now). */
export async function tableChecksums(db: Db, columns?: TableColumns): Promise<Record<string, TableSum>> {
  const which = columns ?? (await tableColumns(db));
  const keys = await rows<{ name: string; pk: string[] | null }>(
    db,
    sql`select n.nspname || '.' || c.relname as name,
          (select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
           from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
           where i.indrelid = c.oid and i.indisprimary) as pk
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname in ('public', 'drizzle')`,
  );
  const pkOf = new Map(keys.map((k) => [k.name, k.pk]));
  const sums: Record<string, TableSum> = {};
  for (const [name, cols] of Object.entries(which).sort(([a], [b]) => a.localeCompare(b))) {
    const [schema, table] = name.split('.') as [string, string];
    const rowText = `row(${cols.map(ident).join(', ')})::text`;
    const pk = pkOf.get(name);
    const order = pk && pk.length > 0 ? pk.map(ident).join(', ') : rowText;
    const [sum] = await rows<{ n: number; md5: string | null }>(
      db,
      sql.raw(`select count(*)::int as n, md5(string_agg(${rowText}, E'\\n' order by ${order})) as md5 from ${ident(schema)}.${ident(table)}`),
    );
    sums[name] = { rows: sum!.n, md5: sum!.md5 ?? '' };
  }
  return sums;
}
