/**
 * Backup and restore of the embedded database. PGlite writes a consistent tarball of its data
 * directory; the lock file guarantees no server is writing at the same time. On PostgreSQL,
 * use the server's own tools (pg_dump / pg_basebackup): docs/operations.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/data-dir-lock';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Writes a gzipped tarball of the data directory to `outFile`; returns its size in bytes. */
export async function backupDataDir(dataDir: string, outFile: string): Promise<number> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no peerkracht database`);
  const release = lockDataDir(dataDir);
  try {
    const db = new PGlite(dataDir);
    await db.waitReady;
    await db.exec('CHECKPOINT');
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
    // Write to a temporary name first, so a half-written file never looks like a backup.
    fs.writeFileSync(`${outFile}.partial`, bytes);
    fs.renameSync(`${outFile}.partial`, outFile);
    return bytes.length;
  } finally {
    release();
  }
}

/** Restores a backup into an empty (or missing) data directory. Refuses to overwrite data. */
export async function restoreDataDir(backupFile: string, dataDir: string): Promise<void> {
  if (!fs.existsSync(backupFile)) throw new BackupError(`${backupFile} does not exist`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).some((f) => f !== 'peerkracht.lock')) {
    throw new BackupError(`${dataDir} is not empty: restore into a new directory, so nothing is overwritten`);
  }
  const release = lockDataDir(dataDir);
  try {
    const blob = new Blob([fs.readFileSync(backupFile)]);
    const db = new PGlite(dataDir, { loadDataDir: blob });
    await db.waitReady;
    await db.query('select 1');
    await db.exec('CHECKPOINT');
    await db.close();
  } finally {
    release();
  }
}
