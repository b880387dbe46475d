/**
 * Whether the process that claimed a job still lives. Each process that opens the database takes
 * a random instance key and holds a session advisory lock on (LIVENESS_LOCK_CLASS, key) for as
 * long as it lives: PGlite on its one connection, PostgreSQL on a dedicated connection. A job
 * records the key of the process that claimed it (`jobs.claimed_by`); when that lock is no longer
 * held — the process died, even by `kill -9`, and the database ended its session — any poller
 * takes the job over at once instead of waiting for its lease to expire (docs/operations.md).
 *
 * The lease still applies when the key is unknown (a claim made while the liveness connection
 * was down, or by code that opened the database another way).
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Db } from './client';

/** The first half of the two-int advisory lock key; the second half is the instance key. */
export const LIVENESS_LOCK_CLASS = 727_074_002;

const keys = new WeakMap<Db, () => number | null>();

/** This process's instance key while it holds its liveness lock; null when it does not. */
export function instanceKeyOf(db: Db): number | null {
  return keys.get(db)?.() ?? null;
}

export function registerInstanceKey(db: Db, key: () => number | null): void {
  keys.set(db, key);
}

/** A fresh key: positive, so it compares with pg_locks.objid (an oid) as is. */
export const newInstanceKey = () => randomInt(1, 2 ** 31 - 1);

/** Takes a free instance key on a connection that answers `query`; tries new keys until one is free. */
export async function takeInstanceKey(query: (sql: string, params: unknown[]) => Promise<boolean>, preferred?: number): Promise<number> {
  for (let key = preferred ?? newInstanceKey(); ; key = newInstanceKey()) {
    if (await query('select pg_try_advisory_lock($1, $2) as got', [LIVENESS_LOCK_CLASS, key])) return key;
  }
}

/**
 * PostgreSQL: a connection of its own holds the lock. Should it break while this process lives,
 * the key is unknown (new claims fall back to the lease) until it reconnects — with the same key
 * when still free — within about a second.
 */
export async function holdInstanceKey(url: string): Promise<{ current(): number | null; stop(): Promise<void> }> {
  let stopped = false;
  let key: number | null = null;
  let wanted: number | undefined;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    let over = false;
    const lost = () => {
      if (over) return;
      over = true;
      key = null;
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (!stopped) {
        retry = setTimeout(() => void connect().catch(lost), 1000);
        retry.unref();
      }
    };
    c.on('error', lost);
    c.on('end', lost);
    try {
      await c.connect();
      const got = await takeInstanceKey(async (sql, params) => (await c.query<{ got: boolean }>(sql, params)).rows[0]?.got === true, wanted);
      if (over) return;
      client = c;
      key = got;
      wanted = got;
    } catch {
      lost();
    }
  };
  await connect();
  return {
    current: () => key,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      key = null;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
