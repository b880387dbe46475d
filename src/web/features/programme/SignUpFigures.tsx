import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intakeParticipationApi } from './participation-api';

/** For an opt-in intake: how many students signed up (the coordinator's settings screen). */
export function SignUpFigures({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const figures = useQuery({ queryKey: ['participation', 'intake', intakeId], queryFn: () => intakeParticipationApi.ofIntake(intakeId) });
  if (!figures.data) return null;
  const f = figures.data;
  return (
    <div role="status">
      <h3>{t('participation.figures.title')}</h3>
      <p>{f.students === 0 ? t('participation.figures.noStudents') : t('participation.figures.rate', { signedUp: f.signedUp, students: f.students, rate: f.signUpRate ?? 0 })}</p>
    </div>
  );
}
