/**
 * Answering the 100-day question: in the app (the signed-in coachee's own question) or through
 * the mail's one-tap link (the token is the credential; reading it changes nothing). An answer
 * after the deadline is refused with a translated error and nothing is stored; a second answer
 * (or a double tap racing the first) gets 409. A stop ends the coachee's membership as a regular
 * ending — reason 'stoppedAfterFirstPhase' — not a dropout.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AnswerHundredDayRequest, HundredDayQuestion } from '../../../contracts/year';
import { answerInTime, hundredDayMomentOf, STOPPED_AFTER_FIRST_PHASE, type HundredDayChoice } from '../../../domain/year/hundred-day';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, communityMembers, hundredDayAsks, intakes, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { digest } from '../identity/public';

type AskRow = typeof hundredDayAsks.$inferSelect;
type Answer = z.infer<typeof AnswerHundredDayRequest>;

async function describe(db: Db, ask: AskRow, now: Date, locale: 'nl' | 'en'): Promise<z.infer<typeof HundredDayQuestion>> {
  const [intake] = await db
    .select({ settings: intakes.settings, academicYear: intakes.academicYear, month: intakes.month, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, ask.intakeId));
  const moment = intake ? hundredDayMomentOf(intake) : null;
  const choice = ask.choice as HundredDayChoice | null;
  return {
    intakeId: ask.intakeId,
    programmeName: intake ? (locale === 'nl' ? intake.nameNl : intake.nameEn) : '',
    phaseName: moment?.phaseName ?? '',
    deadline: ask.deadline.toISOString(),
    closed: !answerInTime(ask.deadline, now),
    answer: choice ? { choice, reason: ask.reason ?? '', shareReasonWithCoach: ask.shareReasonWithCoach, answeredAt: ask.answeredAt?.toISOString() ?? '' } : null,
  };
}

/** The signed-in coachee's most recent question (shown until 30 days past its deadline), or null. */
export async function myHundredDay({ services, personId, locale }: { services: Services; personId: string; locale: 'nl' | 'en' }) {
  const now = services.now();
  const [ask] = await services.db
    .select()
    .from(hundredDayAsks)
    .where(and(eq(hundredDayAsks.personId, personId), sql`${hundredDayAsks.deadline} > ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz`))
    .orderBy(desc(hundredDayAsks.askedAt))
    .limit(1);
  return { question: ask ? await describe(services.db, ask, now, locale) : null };
}

async function byToken(services: Services, token: string): Promise<AskRow> {
  const [ask] = await services.db.select().from(hundredDayAsks).where(eq(hundredDayAsks.tokenHash, digest(token)));
  if (!ask) throw new AppError('link_invalid');
  return ask;
}

export async function readHundredDayLink({ services, token, locale }: { services: Services; token: string; locale: 'nl' | 'en' }) {
  const ask = await byToken(services, token);
  return describe(services.db, ask, services.now(), locale);
}

/** Stores the answer once, before the deadline; a stop ends the membership as a regular ending. */
async function answer(services: Services, askId: string, body: Answer) {
  await services.db.transaction(async (tx) => {
    const now = services.now();
    const [ask] = await tx.select().from(hundredDayAsks).where(eq(hundredDayAsks.id, askId));
    if (!ask) throw new AppError('not_found');
    if (!answerInTime(ask.deadline, now)) throw new AppError('hundred_day_closed');
    if (ask.choice !== null) throw new AppError('hundred_day_answered');
    const reason = body.reason.trim();
    const updated = await tx
      .update(hundredDayAsks)
      .set({ choice: body.choice, reason: reason === '' ? null : reason, shareReasonWithCoach: reason !== '' && body.shareReasonWithCoach, answeredAt: now })
      .where(and(eq(hundredDayAsks.id, ask.id), isNull(hundredDayAsks.choice)))
      .returning({ id: hundredDayAsks.id });
    // A double tap: the other request stored its answer first.
    if (updated.length === 0) throw new AppError('hundred_day_answered');
    if (body.choice !== 'stop') return;
    const open = await tx
      .select({ id: communityMembers.id, communityId: communityMembers.communityId })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(and(eq(communityMembers.personId, ask.personId), isNull(communityMembers.leftOn), eq(communities.intakeId, ask.intakeId)));
    for (const m of open) {
      await tx.update(communityMembers).set({ leftOn: now, leftReason: STOPPED_AFTER_FIRST_PHASE }).where(eq(communityMembers.id, m.id));
      // Open forms on the community see the change (the version check of communities).
      await tx.update(communities).set({ version: sql`${communities.version} + 1` }).where(eq(communities.id, m.communityId));
    }
  });
}

export async function answerMyHundredDay({ services, personId, intakeId, body }: { services: Services; personId: string; intakeId: string; body: Answer }) {
  const [ask] = await services.db.select({ id: hundredDayAsks.id }).from(hundredDayAsks).where(and(eq(hundredDayAsks.personId, personId), eq(hundredDayAsks.intakeId, intakeId)));
  if (!ask) throw new AppError('not_found');
  await answer(services, ask.id, body);
}

export async function answerHundredDayLink({ services, token, body }: { services: Services; token: string; body: Answer }) {
  const ask = await byToken(services, token);
  await answer(services, ask.id, body);
}
