/**
 * The coach's optional profile photo: uploaded, replaced and deleted by the coach on their own
 * profile; read by whoever the policy lets read the coach profile (the route's `coach:read`).
 * Stored in the database, checked by its magic bytes and without identifying metadata.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { checkPhoto, PHOTO_MAX_BYTES } from '../../../domain/programme/coach-photo';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachPhotos } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { coachProgramme, ensureProfile, photoVersion } from './repository';

export type SaveMyCoachPhotoOptions = { services: Services; personId: string; institutionId: string; bytes: Buffer; locale: Locale };

export async function saveMyCoachPhoto({ services, personId, institutionId, bytes, locale }: SaveMyCoachPhotoOptions) {
  const programmeId = await coachProgramme(services.db, institutionId, personId);
  if (!programmeId) throw new AppError('not_found');
  const checked = checkPhoto(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!checked.ok) {
    const message = translate(locale, `programme.profile.photoErrors.${checked.problem}`, { max: PHOTO_MAX_BYTES / 1024 / 1024 });
    throw new AppError('validation_failed', `photo ${checked.problem}`, {}, [{ path: 'photo', message }]);
  }
  const stored = Buffer.from(checked.bytes);
  const values = {
    contentType: checked.type,
    bytes: stored,
    byteSize: stored.length,
    sha256: createHash('sha256').update(stored).digest('hex'),
    updatedAt: services.now(),
  };
  await ensureProfile(services.db, personId, programmeId);
  await services.db.insert(coachPhotos).values({ personId, ...values }).onConflictDoUpdate({ target: coachPhotos.personId, set: values });
  return { photoVersion: photoVersion(values.sha256) };
}

export async function deleteMyCoachPhoto({ services, personId }: { services: Services; personId: string }) {
  await services.db.delete(coachPhotos).where(eq(coachPhotos.personId, personId));
  return { photoVersion: null };
}

export async function getCoachPhoto({ services, coachId }: { services: Services; coachId: string }) {
  const [row] = await services.db.select().from(coachPhotos).where(eq(coachPhotos.personId, coachId));
  if (!row) throw new AppError('not_found');
  return row;
}
