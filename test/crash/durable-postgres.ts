/**
 * A throwaway PostgreSQL cluster with durability on (fsync, synchronous_commit, full-page writes:
 * PostgreSQL's defaults, which the test clusters switch off for speed), for the crash suite.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export type DurableCluster = { url: string; settings: Record<string, string>; stop(): void };

export async function startDurableCluster(): Promise<DurableCluster> {
  const out = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', '--durable'], { encoding: 'utf8' });
  const url = /PEERKRACHT_TEST_PG_URL=(\S+)/.exec(out)?.[1];
  const dir = /PEERKRACHT_TEST_PG_DIR=(\S+)/.exec(out)?.[1];
  if (!url || !dir) throw new Error(`pg-cluster.sh said:\n${out}`);
  const stop = () => void execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const settings: Record<string, string> = {};
    for (const name of ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method']) {
      const { rows } = await client.query<Record<string, string>>(`show ${name}`);
      settings[name] = rows[0]![name]!;
    }
    if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on') throw new Error(`durability is off: ${JSON.stringify(settings)}`);
    await client.query('create database peerkracht_crash');
    return { url: url.replace(/\/postgres$/, '/peerkracht_crash'), settings, stop };
  } catch (error) {
    stop();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
