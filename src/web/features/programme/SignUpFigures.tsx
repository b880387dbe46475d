import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { intakeParticipationApi } from './participation-api';

/** For an opt-in intake: how many students signed up, and until when they can (the coordinator's settings screen). */
export function SignUpFigures({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const figures = useQuery({ queryKey: ['participation', 'intake', intakeId], queryFn: () => intakeParticipationApi.ofIntake(intakeId) });
  if (!figures.data) return null;
  const f = figures.data;
  const closing = !f.open
    ? t('participation.closing.closed')
    : f.closesOn === null
      ? t('participation.closing.none')
      : f.daysLeft === 0
        ? t('participation.closing.today', { date: formatDate(f.closesOn, 'long') })
        : t('participation.closing.daysLeft', { date: formatDate(f.closesOn, 'long'), count: f.daysLeft ?? 0 });
  return (
    <div role="status">
      <h3>{t('participation.figures.title')}</h3>
      <p>{f.students === 0 ? t('participation.figures.noStudents') : t('participation.figures.rate', { signedUp: f.signedUp, students: f.students, rate: f.signUpRate ?? 0 })}</p>
      <p>{closing}</p>
    </div>
  );
}
