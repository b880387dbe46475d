/**
 * Retention (personal-data registry): 30 days after a teaching period ends its timetables, the
 * coaches' availability and the runs' snapshots are deleted. Published sessions stay.
 */
import { eq } from 'drizzle-orm';
import { coachAvailability, schedulingRuns, timetables } from '../../db/schema';
import type { JobHandlers } from '../jobs/public';
import { TIMETABLE_RETENTION_JOB } from './manage-setup';

export const schedulingJobHandlers: JobHandlers = {
  [TIMETABLE_RETENTION_JOB]: async ({ services, job }) => {
    const periodId = (job.payload as Record<string, unknown>).periodId;
    if (typeof periodId !== 'string') return;
    await services.db.transaction(async (tx) => {
      await tx.delete(timetables).where(eq(timetables.periodId, periodId));
      await tx.delete(coachAvailability).where(eq(coachAvailability.periodId, periodId));
      await tx.update(schedulingRuns).set({ instance: null, coachMeetings: null }).where(eq(schedulingRuns.periodId, periodId));
    });
  },
};
