/**
 * Makes an export of an approved study now, logs it, and answers a secret download link that
 * works for 7 days (its digest is stored; the file is sealed at rest and deleted at expiry).
 * An unapproved study answers 409 and nothing is exported.
 */
import type { CreateExportResponse } from '../../../contracts/research';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { digest, newToken } from '../identity/public';
import { buildExport } from './build-export';
import { seal, unseal } from './crypto';
import { researchRepository } from './repository';
import { exportEntry } from './study-view';

export const DOWNLOAD_DAYS = 7;

export async function createExport({ services, actor, studyId }: { services: Services; actor: Actor; studyId: string }): Promise<CreateExportResponse> {
  const repo = researchRepository(services.db);
  const study = await repo.study(actor.institutionId, studyId);
  if (!study) throw new AppError('not_found');
  if (study.status !== 'approved') throw new AppError('research_not_approved', 'export of a study that is not approved');
  await repo.purgeExpiredFiles(services.now());
  const built = await buildExport(services, study);
  const token = newToken();
  const row = await repo.insertExport({
    studyId: study.id,
    createdBy: actor.personId,
    via: 'app',
    tokenDigest: digest(token),
    expiresAt: new Date(services.now().getTime() + DOWNLOAD_DAYS * 86_400_000),
    rows: built.counts.rows,
    k: built.counts.k,
    consenting: built.counts.consenting,
    suppressedRows: built.counts.suppressedRows,
    suppressedCells: built.counts.suppressedCells,
    consentVersion: built.consentVersion,
    fileSealed: seal(services.config.dataKey.key, built.zip),
  });
  return { export: exportEntry(row, services.now()), downloadUrl: `/api/research/downloads/${token}` };
}

/** The zip behind a download link: 410 once the link expired (the file is gone then). */
export async function downloadExport({ services, token }: { services: Services; token: string }): Promise<{ fileName: string; bytes: Buffer }> {
  const repo = researchRepository(services.db);
  const row = await repo.exportByDigest(digest(token));
  if (!row) throw new AppError('not_found');
  if (row.expiresAt <= services.now() || !row.fileSealed) throw new AppError('research_link_expired', 'research download link expired');
  await repo.countDownload(row.id);
  return { fileName: `study-${row.studyId}-${row.createdAt.toISOString().slice(0, 10)}.zip`, bytes: unseal(services.config.dataKey.key, row.fileSealed) };
}
