/**
 * The attendance signal goes out (#18 item 5): when a coachee has missed three sessions of their
 * community in a row, their coach gets one mail — once per signal (the streak, known by the
 * session it began with), not again every hour or day. The poller's hourly hook looks only at
 * communities where attendance was marked lately, since marking is the only way a signal arises.
 * Exactly once across instances: the row in `attendance_signal_mails` is written in the same
 * transaction as the mail, and its primary key lets only one writer win. The mail names no
 * student and no community: it says there is a signal and links to the app, where the coach sees
 * who (the home screen's signal list).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { attendanceSignalMails, communities, intakes, people, programmes } from '../../db/schema';
import { attendanceStreaksSince } from '../sessions/public';

/** How far back the hook looks for new marks: generous, so a missed hour or a restart loses nothing (the mail is idempotent). */
const LOOKBACK_MS = 48 * 3_600_000;

/** The poller's hourly hook: mails each coach once per new "three missed in a row" signal. */
export async function mailAttendanceSignals(services: Services): Promise<void> {
  const now = services.now();
  const streaks = (await attendanceStreaksSince(services.db, now, new Date(now.getTime() - LOOKBACK_MS))).filter((s) => s.coachId !== null);
  for (const streak of streaks) {
    await services.db.transaction(async (tx) => {
      // A streak that began earlier than a signal already mailed (attendance marked afterwards for an older session) is the same signal.
      const earlier = await tx
        .select({ session: attendanceSignalMails.streakStartSessionId })
        .from(attendanceSignalMails)
        .where(and(eq(attendanceSignalMails.communityId, streak.communityId), eq(attendanceSignalMails.personId, streak.personId), inArray(attendanceSignalMails.streakStartSessionId, streak.streakSessionIds)));
      if (earlier.length > 0) return;
      const [claimed] = await tx
        .insert(attendanceSignalMails)
        .values({ communityId: streak.communityId, personId: streak.personId, streakStartSessionId: streak.streakStartSessionId, sentAt: now })
        .onConflictDoNothing()
        .returning({ personId: attendanceSignalMails.personId });
      if (!claimed) return;
      const [coach] = await tx
        .select({ email: people.email, firstName: people.firstName, locale: people.locale, institutionId: programmes.institutionId })
        .from(communities)
        .innerJoin(people, eq(people.id, communities.coachId))
        .innerJoin(intakes, eq(intakes.id, communities.intakeId))
        .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
        .where(eq(communities.id, streak.communityId));
      if (!coach) return;
      const locale: Locale = coach.locale === 'en' ? 'en' : 'nl';
      await services.mailer.enqueue(tx, {
        institutionId: coach.institutionId,
        to: coach.email,
        subject: translate(locale, 'evaluation.mail.signal.subject'),
        text: translate(locale, 'evaluation.mail.signal.body', { name: coach.firstName, link: `${services.config.publicUrl}/` }),
      });
    });
  }
}
