/**
 * The CLI's export (`peerkracht research export --out DIR`): every approved study, each to
 * DIR/<study-id>/ as data.csv, codebook.json and README.md, logged like an export from the app
 * (via 'cli', no download link). Progress goes to `progress`; it names studies by id, never a person.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../context';
import { buildExport } from './build-export';
import { researchRepository } from './repository';

export type ExportedStudy = { studyId: string; dir: string; rows: number; k: number; consenting: number; suppressedRows: number; suppressedCells: number };

export async function exportApprovedStudies(services: Services, options: { out: string; institutionId?: string }, progress: (line: string) => void): Promise<ExportedStudy[]> {
  const repo = researchRepository(services.db);
  const studies = await repo.approvedStudies(options.institutionId);
  progress(`${studies.length} approved ${studies.length === 1 ? 'study' : 'studies'} to export`);
  const done: ExportedStudy[] = [];
  for (const [i, study] of studies.entries()) {
    const built = await buildExport(services, study);
    const dir = path.join(options.out, study.id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'data.csv'), built.csv, { encoding: 'utf8', mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'codebook.json'), `${JSON.stringify(built.codebook, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'README.md'), built.readme, { encoding: 'utf8', mode: 0o600 });
    await repo.insertExport({
      studyId: study.id,
      createdBy: null,
      via: 'cli',
      tokenDigest: null,
      expiresAt: services.now(),
      rows: built.counts.rows,
      k: built.counts.k,
      consenting: built.counts.consenting,
      suppressedRows: built.counts.suppressedRows,
      suppressedCells: built.counts.suppressedCells,
      consentVersion: built.consentVersion,
      fileSealed: null,
    });
    const entry = { studyId: study.id, dir, rows: built.counts.rows, k: built.counts.k, consenting: built.counts.consenting, suppressedRows: built.counts.suppressedRows, suppressedCells: built.counts.suppressedCells };
    done.push(entry);
    progress(`[${i + 1}/${studies.length}] ${study.id}: ${entry.rows} rows (of ${built.population} people, ${entry.consenting} with research consent), k = ${entry.k}, ${entry.suppressedRows} rows and ${entry.suppressedCells} cells suppressed → ${dir}`);
  }
  return done;
}
