import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { communities, people, roleAssignments } from '../../src/server/db/schema';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

describe(`demo programme on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  const roleCount = async (role: (typeof roleAssignments.$inferSelect)['role']) =>
    (await t.services.db.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.role, role)))[0]?.n;

  it('is shaped like the report, loads once, and is the same every time', async () => {
    await t.reset();
    const result = await loadDemoIfEmpty(t.services);
    expect(result?.accounts.map((a) => a.role).sort()).toEqual(
      ['beheerder', 'coachee', 'coordinator', 'finance', 'leercoach', 'onderzoeker', 'opleidingsmanagement', 'seniorcoach', 'studentcoach'],
    );
    expect(await roleCount('coordinator')).toBe(2);
    expect(await roleCount('seniorcoach')).toBe(3);
    // 9 student coaches, plus the 3 senior coaches who are students and coach too.
    expect(await roleCount('studentcoach')).toBe(12);
    // 70 coachees in communities, and 22 late enrolments of the February intake still to be grouped (#6),
    // plus the 6 members of the demo coach's community of last year (2025-2026, the end-of-year report, #18).
    expect(await roleCount('coachee')).toBe(98);
    expect(await roleCount('onderzoeker')).toBe(1);
    expect(await roleCount('beheerder')).toBe(1);
    // 9 communities this year and the demo coach's community of last year.
    expect((await t.services.db.select({ n: count() }).from(communities))[0]?.n).toBe(10);
    expect(await loadDemoIfEmpty(t.services)).toBeNull();

    const namesFirst = (await t.services.db.select({ e: people.email }).from(people)).map((r) => r.e).sort();
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const namesSecond = (await t.services.db.select({ e: people.email }).from(people)).map((r) => r.e).sort();
    expect(namesSecond).toEqual(namesFirst);
  });
});
