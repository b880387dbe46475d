import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StructureResponse } from '../../contracts/programme';
import { api } from '../api';

/**
 * An intake the signed-in person manages, for the pages under an intake (its compensation, its
 * questionnaire moments): the programme structure query, the intake with its programme, and the
 * programme's name in the chosen language.
 */
export function useManagedIntake(intakeId: string) {
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: ['programme', 'structure'], queryFn: () => api<StructureResponse>('/api/programme/structure') });
  const found = query.data?.programmes.flatMap((p) => p.intakes.map((i) => ({ p, i }))).find((x) => x.i.id === intakeId && x.p.canManageStructure);
  const programmeName = found ? (i18n.language === 'en' ? found.p.nameEn : found.p.nameNl) : '';
  return { query, found, programmeName };
}
