/** The demo (#17 item 9): approved, unpaid statements for at least three coaches, and open ones for the demo coach. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compensationStatements, institutions } from '../../src/server/db/schema';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { listPayableStatements } from '../../src/server/modules/compensation/public';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

describe(`compensation demo on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('has a month of approved statements for at least three coaches, and the demo coach’s open months', async () => {
    await loadDemoIfEmpty(t.services);
    const [institution] = await t.database.db.select().from(institutions);
    const payable = await listPayableStatements(t.services.db, institution!.id);
    expect(new Set(payable.map((p) => p.coachPersonId)).size).toBeGreaterThanOrEqual(3);
    expect(payable.every((p) => p.amountCents > 0)).toBe(true);
    const all = await t.database.db.select().from(compensationStatements);
    expect(all.filter((s) => s.status === 'open').length).toBeGreaterThanOrEqual(2);
  });
});
