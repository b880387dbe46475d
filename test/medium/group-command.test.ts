/**
 * `peerkracht group` (issue 6 item 6) on an embedded database, as an operator runs it: sizes that
 * cannot work are refused with the numbers and nothing is stored; otherwise the balance figures
 * are printed and `--accept --role-models` creates the communities with coaches of the programme,
 * the coach who came through the mbo leading the community with the most mbo students.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { groupCommand, type GroupCommandOptions } from '../../src/cli/group-communities';
import { openDatabase } from '../../src/server/db/client';
import { communities, communityMembers, groupingRuns } from '../../src/server/db/schema';
import { factories } from '../../src/server/testing/factories';

describe('peerkracht group (PGlite)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-group-'));
  const dataDir = path.join(root, 'data');
  const saved = { dataDir: process.env.PEERKRACHT_DATA_DIR, url: process.env.DATABASE_URL };
  const ids: Record<string, string> = {};
  const mbo = new Set<string>();

  beforeAll(async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const f = factories(db.db);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const cls = await f.class(intake.id, { code: 'SW1A' });
    await f.groupingAttributes(inst.id, ['priorEducation']);
    for (let i = 0; i < 15; i++) {
      const s = await f.person({ institutionId: inst.id, roles: ['coachee'], programmeId: prog.id, email: `s${i}@cli.test` });
      await f.enrol(cls.id, s.id);
      // 7 of 15 came through the mbo: two communities of 7 and 8 hold 3 and 4 of them.
      const route = i % 2 === 0 && i < 14 ? 'mbo' : ['havo', 'vwo', 'other'][i % 3]!;
      await f.studentAttribute(s.id, 'priorEducation', route);
      if (route === 'mbo') mbo.add(s.id);
    }
    const plain = await f.person({ institutionId: inst.id, roles: ['studentcoach'], programmeId: prog.id, email: 'plain@cli.test', lastName: 'Zwart' });
    await f.coachProfile(plain.id, prog.id, { status: 'active' });
    const roleModel = await f.person({ institutionId: inst.id, roles: ['studentcoach'], programmeId: prog.id, email: 'rolemodel@cli.test', lastName: 'Aalders' });
    await f.coachProfile(roleModel.id, prog.id, { status: 'active', roleModelText: 'Ik kom zelf van het mbo.', roleModelConsent: true });
    Object.assign(ids, { intake: intake.id, roleModel: roleModel.id });
    await db.close();
    process.env.PEERKRACHT_DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
  }, 240_000);
  afterAll(() => {
    if (saved.dataDir === undefined) delete process.env.PEERKRACHT_DATA_DIR;
    else process.env.PEERKRACHT_DATA_DIR = saved.dataDir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    fs.rmSync(root, { recursive: true, force: true });
  });

  const run = async (options: Partial<GroupCommandOptions>) => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      await groupCommand({ intake: ids.intake!, seconds: '0.5', seed: '1', name: 'CLI', lang: 'en', ...options });
    } finally {
      log.mockRestore();
    }
    return lines.join('\n');
  };
  const inDatabase = async <T>(read: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await read(db.db);
    } finally {
      await db.close();
    }
  };

  it('refuses sizes that cannot work, with the numbers, and stores no run', async () => {
    await expect(run({ min: '9', max: '10' })).rejects.toThrow('15 students do not fit into communities of 9 to 10');
    expect(await inDatabase((db) => db.select().from(groupingRuns))).toEqual([]);
  }, 120_000);

  it('prints the figures and, with --accept --role-models, creates the communities with the role model where they fit', async () => {
    const output = await run({ accept: true, roleModels: true });
    expect(output).toContain('How mixed are the communities?');
    expect(output).toMatch(/Prior education\s+\d+%\s+15 students/);
    expect(output).toContain('The communities have been created.');
    expect(output).toMatch(/CLI 1 {2}coach: /);
    const created = await inDatabase((db) => db.select({ id: communities.id, coachId: communities.coachId }).from(communities).where(eq(communities.intakeId, ids.intake!)));
    expect(created).toHaveLength(2);
    const members = await inDatabase((db) => db.select().from(communityMembers));
    const mboIn = created.map((c) => members.filter((m) => m.communityId === c.id && mbo.has(m.personId)).length);
    expect(mboIn[0]).not.toBe(mboIn[1]);
    const led = created.findIndex((c) => c.coachId === ids.roleModel);
    expect(mboIn[led]).toBe(Math.max(...mboIn));
  }, 120_000);
});
