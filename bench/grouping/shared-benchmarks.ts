import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Locates the shared MDGPLIB benchmark folder for tests: `../shared` next to the repository,
 * or PEERKRACHT_SHARED_DIR. Lives in bench/ because the domain folder does no I/O; tests import it too.
 */
export function sharedMdgpDir(): string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = process.env.PEERKRACHT_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
  return path.join(shared, 'benchmarks', 'mdgp');
}

export type BenchmarkFile = { readonly name: string; readonly file: string; readonly n: number };

/** Every instance file under instances/** with its n from the name. */
export function listMdgpInstances(dir: string = sharedMdgpDir()): BenchmarkFile[] {
  const root = path.join(dir, 'instances');
  const files: BenchmarkFile[] = [];
  for (const family of readdirSync(root).sort()) {
    for (const entry of readdirSync(path.join(root, family)).sort()) {
      if (!entry.endsWith('.txt')) continue;
      const name = entry.replace(/\.txt$/, '');
      const n = Number(/_n(\d+)_/.exec(name)?.[1] ?? NaN);
      files.push({ name, file: path.join(root, family, entry), n });
    }
  }
  return files;
}

/** Best-known values from bks.csv, by instance name. */
export function readBestKnown(dir: string = sharedMdgpDir()): Map<string, number> {
  const lines = readFileSync(path.join(dir, 'bks.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const nameAt = header.indexOf('instance');
  const bestAt = header.indexOf('best_known');
  const values = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    values.set(fields[nameAt]!, Number(fields[bestAt]));
  }
  return values;
}
