/**
 * The retention dry run on a fresh demo (issue 19 item 3): `peerkracht retention --dry-run` prints
 * a count per table of the pass and changes nothing, and the beheerder's screen
 * (GET /api/admin/retention, counted at the next daily run) shows the same counts as the command
 * run at that moment. The printed output is what docs/operations.md shows.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionWithServices } from '../../src/cli/retention';
import { RetentionDryRunResponse } from '../../src/contracts/admin';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { programmes } from '../../src/server/db/schema';
import { RETENTION_RULES } from '../../src/server/modules/retention/rules';
import { createTestApp } from '../support/app';
import { signedIn } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'een-lang-wachtwoord-voor-de-test';

describe(`retention dry run on the demo on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  /** Rows per table of the pass: the whole database's row counts, to prove nothing changed. */
  const tableSizes = async () => {
    const sizes: Record<string, number> = {};
    for (const table of Object.keys(RETENTION_RULES)) {
      const result: unknown = await t.services.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
      sizes[table] = Number((result as { rows: { n: number }[] }).rows[0]!.n);
    }
    return sizes;
  };

  it('prints a count per table on a fresh demo, changes nothing, and the beheerder sees the same counts', async () => {
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const [programme] = await t.services.db.select({ institutionId: programmes.institutionId }).from(programmes).limit(1);
    await t.factories.person({ institutionId: programme!.institutionId, roles: ['beheerder'], email: 'bewaartermijn@example.test', password: PASSWORD });
    // Sign in on the real clock (the cookie jar uses it); the app's clock is then fixed near it.
    const admin = await signedIn(app, 'bewaartermijn@example.test', PASSWORD);
    const real = new Date();
    t.setNow(new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 12)));

    const before = await tableSizes();
    const screen = RetentionDryRunResponse.parse((await admin.request('GET', '/api/admin/retention')).json());
    expect(screen.tables.map((r) => r.table)).toEqual(Object.keys(RETENTION_RULES));

    // The command, run at the moment the screen counts for (the next daily run).
    t.setNow(new Date(screen.nextRunAt));
    const lines: string[] = [];
    const dry = await retentionWithServices(t.services, { dryRun: true }, (line) => lines.push(line));
    expect(lines[0]).toBe(`Retention dry run at ${screen.nextRunAt}: what a run now would remove (nothing changed)`);
    expect(lines).toHaveLength(Object.keys(RETENTION_RULES).length + 3);
    expect(dry.tables.map((r) => [r.table, r.action, r.rows, r.cutoff])).toEqual(screen.tables.map((r) => [r.table, r.action, r.rows, r.cutoff]));
    expect(lines.join('\n')).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await tableSizes()).toEqual(before);
    console.info(lines.join('\n'));
  });
});
