/**
 * One database client over two drivers: PGlite (PostgreSQL compiled to WebAssembly, embedded,
 * file-backed — the default) and PostgreSQL through `pg` when DATABASE_URL is set. Both run the
 * same SQL and the same migrations (docs/adr/0001-database.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ACCESS_CHANNEL, AccessChanges, registerAccessChanges } from './access-cache';
import { holdInstanceKey, registerInstanceKey, takeInstanceKey } from './instance-liveness';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

/** A `pg` pool's connections at this moment (PGlite has no pool: one embedded connection). */
export type PoolStats = { max: number; total: number; idle: number; waiting: number };
const poolStats = new WeakMap<Db, () => PoolStats>();

/** The pool behind a PostgreSQL `Db`, for the metrics endpoint; undefined on PGlite. */
export function poolStatsOf(db: Db): PoolStats | undefined {
  return poolStats.get(db)?.();
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** Arbitrary but fixed: serialises migrations when several app instances start at once. */
const MIGRATION_LOCK_KEY = 727_074_001;

export type OpenDatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** Told when an idle pooled connection breaks (a server restart, a failover). */
      onIdleError?: (error: Error) => void;
    };

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
    // One connection, in this process: a change's notification arrives before the writing call
    // returns, so the access caches are always live.
    const changes = new AccessChanges();
    const unlisten = await client.listen(ACCESS_CHANNEL, () => changes.changed());
    changes.setLive(true);
    registerAccessChanges(db, changes);
    // One process per data directory: the lock lives as long as this PGlite instance.
    const instanceKey = await takeInstanceKey(async (text, params) => (await client.query<{ got: boolean }>(text, params)).rows[0]?.got === true);
    registerInstanceKey(db, () => instanceKey);
    return {
      db,
      kind: 'pglite',
      async close() {
        changes.setLive(false);
        await unlisten();
        // A checkpoint writes everything to the data files before the WASM instance goes away.
        await client.exec('CHECKPOINT');
        await client.close();
      },
    };
  }
  // Every pooled connection listens for access changes before its first use, so a change written
  // through this instance reaches its caches before the write's promise settles (PostgreSQL sends
  // a session its own notifications before ReadyForQuery). See access-cache.ts.
  const changes = new AccessChanges();
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- pg-pool awaits it before the first query; @types/pg says void
    onConnect: (client) => hearAccessChanges(client, changes),
  });
  // Without a listener, a broken idle connection would be an uncaught exception that stops the
  // process. The pool drops the connection and opens a new one on the next query. `end()` answers
  // before the sockets have closed, so errors after closing are expected and not reported.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) (options.onIdleError ?? reportIdleError)(error);
  });
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client: lockClient, schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listener = await listenForAccessChanges(options.url, changes);
  registerAccessChanges(db, changes);
  const liveness = await holdInstanceKey(options.url);
  registerInstanceKey(db, () => liveness.current());
  const max = options.poolSize ?? 10;
  poolStats.set(db, () => ({ max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
  return {
    db,
    kind: 'postgres',
    close: async () => {
      closing = true;
      await listener.stop();
      await liveness.stop();
      await pool.end();
    },
  };
}

/** Tells `changes` of every access change this connection hears from now on. */
async function hearAccessChanges(client: pg.ClientBase, changes: AccessChanges): Promise<void> {
  client.on('notification', (message) => {
    if (message.channel === ACCESS_CHANNEL) changes.changed();
  });
  await client.query(`LISTEN ${ACCESS_CHANNEL}`);
}

/**
 * A connection of its own that hears every access change, from any instance or the CLI. While it
 * is down the caches are bypassed; it reconnects every second until it is back.
 */
async function listenForAccessChanges(url: string, changes: AccessChanges): Promise<{ stop(): Promise<void> }> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const start = (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    let over = false;
    const lost = () => {
      if (over) return;
      over = true;
      changes.setLive(false);
      if (current === client) current = null;
      client.end().catch(() => undefined);
      if (!stopped) {
        retry = setTimeout(() => void start(), 1000);
        retry.unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    return client
      .connect()
      .then(() => hearAccessChanges(client, changes))
      .then(() => {
        if (over) return;
        current = client;
        changes.setLive(true);
      }, lost);
  };
  await start();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      changes.setLive(false);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}

function reportIdleError(error: Error): void {
  const code = (error as { code?: string }).code ?? 'unknown';
  process.stderr.write(`peerkracht: an idle PostgreSQL connection broke (${code}); the pool opens a new one\n`);
}
