/**
 * The data subject's export (AVG art. 15 and 20), generated from the personal-data registry: for
 * every table whose entry names a `subject`, the rows where a column is the person, the rows that
 * hang off those (via), and rows addressed to their e-mail address. A table added later with a
 * subject is in the export without a change here; one without a subject fails the registry test.
 *
 * What leaves out: secrets (hashes, ciphertext, verifiers, CSRF tokens — by name), columns the
 * registry hides (another person's coaching content, e.g. a coach's notes of a conversation with
 * the coachee), and rows the registry exports as a number only (credentials, other people's
 * records the person merely touched, such as attendance they marked). Tokens of secret links in
 * mails are hidden as on the beheerder's outbox page. Registry-wide by design (ADR 0008).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { PERSONAL_DATA_REGISTRY, type RegistryEntry } from '../../db/personal-data-registry';
import { redactSecretLinks } from '../mail/public';

export type MyDataPart = { matchedBy: string; count: number; rows?: Record<string, unknown>[] };
export type MyDataTable = Pick<RegistryEntry, 'context' | 'category' | 'purpose' | 'retention'> & { table: string; parts: MyDataPart[] };
export type MyData = {
  generatedAt: string;
  person: { id: string; firstName: string; lastName: string; email: string };
  tables: MyDataTable[];
};

/** Column names that hold secrets: never exported, whoever's they are. */
const SECRET = /(hash|secret|encrypted|verifier|nonce|csrf|digest)/;

type Row = Record<string, unknown>;

async function rowsOf(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
  return (result as { rows: Row[] }).rows;
}

const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { file: true, bytes: value.byteLength, base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(plain);
  return value;
};

const shown = (row: Row, hide: readonly string[], redact: (s: string) => string): Row => {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (hide.includes(k) || SECRET.test(k)) continue;
    out[k] = typeof v === 'string' ? redact(v) : plain(v);
  }
  return out;
};

/** The tables of the registry that can hold a person's rows, with how. */
export function subjectTables(): [string, RegistryEntry][] {
  return Object.entries(PERSONAL_DATA_REGISTRY).filter(([, e]) => e.subject && !('none' in e.subject));
}

export async function collectMyData(options: { db: Db; personId: string; now: Date; hiddenToken: string }): Promise<MyData | null> {
  const { db, personId, now, hiddenToken } = options;
  const [me] = await rowsOf(db, sql`select id, first_name, last_name, email from people where id = ${personId}`);
  if (!me) return null;
  const email = String(me.email);
  const redact = (s: string) => redactSecretLinks(s, hiddenToken);
  const tables: MyDataTable[] = [];
  for (const [table, entry] of subjectTables()) {
    const subject = entry.subject!;
    if ('none' in subject) continue;
    const t = sql.identifier(table);
    const parts: MyDataPart[] = [];
    for (const [column, link] of Object.entries(subject.columns ?? {})) {
      const c = sql.identifier(column);
      if (link.exportAs === 'count') {
        const [row] = await rowsOf(db, sql`select count(*)::int as n from ${t} where ${c} = ${personId}`);
        parts.push({ matchedBy: column, count: Number(row?.n ?? 0) });
      } else {
        const rows = await rowsOf(db, sql`select * from ${t} where ${c} = ${personId}`);
        parts.push({ matchedBy: column, count: rows.length, rows: rows.map((r) => shown(r, link.hide, redact)) });
      }
    }
    if (subject.via) {
      const { column, parent, parentColumn, exportAs } = subject.via;
      const where = sql`${sql.identifier(column)} in (select id from ${sql.identifier(parent)} where ${sql.identifier(parentColumn)} = ${personId})`;
      if (exportAs === 'count') {
        const [row] = await rowsOf(db, sql`select count(*)::int as n from ${t} where ${where}`);
        parts.push({ matchedBy: `${column} → ${parent}.${parentColumn}`, count: Number(row?.n ?? 0) });
      } else {
        const rows = await rowsOf(db, sql`select * from ${t} where ${where}`);
        parts.push({ matchedBy: `${column} → ${parent}.${parentColumn}`, count: rows.length, rows: rows.map((r) => shown(r, [], redact)) });
      }
    }
    if (subject.email) {
      const rows = await rowsOf(db, sql`select * from ${t} where lower(${sql.identifier(subject.email)}) = lower(${email})`);
      parts.push({ matchedBy: subject.email, count: rows.length, rows: rows.map((r) => shown(r, [], redact)) });
    }
    tables.push({ table, context: entry.context, category: entry.category, purpose: entry.purpose, retention: entry.retention, parts });
  }
  return {
    generatedAt: now.toISOString(),
    person: { id: personId, firstName: String(me.first_name), lastName: String(me.last_name), email },
    tables,
  };
}
