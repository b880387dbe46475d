import { useTranslation } from 'react-i18next';

/**
 * A coach's photo, read through the access policy (`/api/coaches/:id/photo`); the version in the
 * address changes with the photo, so a replaced photo never shows stale from a cache.
 */
export function CoachPhoto({ coachId, version, name, size = 96 }: { coachId: string; version: string | null; name: string; size?: number }) {
  const { t } = useTranslation();
  if (!version) return null;
  return (
    <img
      src={`/api/coaches/${coachId}/photo?v=${version}`}
      alt={t('programme.profile.photoAlt', { name })}
      width={size}
      height={size}
      style={{ objectFit: 'cover', borderRadius: '50%', flex: 'none' }}
    />
  );
}
