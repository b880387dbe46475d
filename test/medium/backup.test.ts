/** Backup and restore of the embedded database keep every committed row, and refuse to overwrite. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { people } from '../../src/server/db/schema';
import { backupDataDir, restoreDataDir } from '../../src/server/operations/backup';
import { factories } from '../../src/server/testing/factories';

describe('backup and restore (PGlite)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-backup-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('restores exactly what was backed up', async () => {
    const dataDir = path.join(root, 'data');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const f = factories(db.db);
    const institution = await f.institution();
    await f.person({ institutionId: institution.id, email: 'kept@example.test' });
    await db.close();

    const file = path.join(root, 'backup.tar.gz');
    expect(await backupDataDir(dataDir, file)).toBeGreaterThan(1000);

    await expect(restoreDataDir(file, dataDir)).rejects.toThrow(/not empty/);
    const restoredDir = path.join(root, 'restored');
    await restoreDataDir(file, restoredDir);
    const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
    const rows = await restored.db.select({ email: people.email }).from(people);
    await restored.close();
    expect(rows.map((r) => r.email)).toEqual(['kept@example.test']);
    // Two fresh PGlite clusters (create and migrate, then restore and open): about 12 s on a quiet
    // machine, several times that on a busy shared one.
  }, 240_000);
});
