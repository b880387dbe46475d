import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ClassProposalReason } from '../../contracts/classwide';

/** Why a class's session was proposed at its time, in plain words (#21 item 3): on the class's page and the intake's scheduling page. */
export function classProposalReason(t: TFunction, reason: z.infer<typeof ClassProposalReason>): string {
  switch (reason.code) {
    case 'afterClassLesson':
      return t('classwide.proposals.reasons.after', { time: reason.time });
    case 'beforeClassLesson':
      return t('classwide.proposals.reasons.before', { time: reason.time });
    case 'classCampusDay':
      return t('classwide.proposals.reasons.campusDay');
    case 'classNoLessonsOnline':
      return t('classwide.proposals.reasons.noLessons');
    case 'classNoTimetable':
      return t('classwide.proposals.reasons.noTimetable');
  }
}
