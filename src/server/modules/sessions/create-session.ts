import type { Actor } from '../../../domain/access/policy';
import { zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { CreateSessionRequest } from '../../../contracts/sessions';
import type { z } from 'zod';
import type { Services } from '../../context';
import { sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { scheduleSessionReminders } from './schedule-reminders';
import { requireReadablePlan } from './set-session-plan';
import { hasMeetingLink, type SessionMode } from '../../../domain/sessions/session-mode';

type Request = z.output<typeof CreateSessionRequest>;
export type CreateSessionOptions = {
  services: Services;
  actor: Actor;
  request: Request;
  /** Where the session belongs, resolved by the route's access rule. */
  context: {
    institutionId: string;
    programmeId: string;
    communityId?: string;
    coachId?: string | null;
    memberIds?: readonly string[];
    /** A class community's class (#21, ADR 0027): its class-wide sessions invite the class. */
    classId?: string | null;
    /** The community's default mode and meeting link, used when the request leaves them out. */
    defaults?: { mode: SessionMode; meetingLink: string };
  };
};

/** Plans one session at a local Amsterdam time; reminders are scheduled with it. */
export async function createSession({ services, actor, request, context }: CreateSessionOptions): Promise<{ id: string }> {
  if (request.type === 'oneOnOne' && (!request.coacheeId || !context.memberIds?.includes(request.coacheeId))) throw new AppError('not_a_participant');
  if (request.planId) await requireReadablePlan(services, actor, request.planId);
  const startsAt = zonedToInstant(request.date, request.startTime);
  const endsAt = new Date(startsAt.getTime() + request.durationMinutes * 60_000);
  const mode = request.mode ?? context.defaults?.mode ?? 'onCampus';
  // A link only belongs to an online or hybrid session; the community's default fills a gap.
  const meetingLink = hasMeetingLink(mode) ? (request.meetingLink ?? context.defaults?.meetingLink ?? '') : '';
  return services.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({
        institutionId: context.institutionId,
        programmeId: context.programmeId,
        type: request.type,
        communityId: context.communityId ?? null,
        classId: request.type === 'classWide' ? (context.classId ?? request.classId ?? null) : null,
        // A one-on-one is the community's coach's conversation, even when the coordinator plans it;
        // it stays theirs after a handover (repository.ts reads the stored organiser for it).
        organiserId:
          request.type === 'coachTraining' || request.type === 'intervision'
            ? actor.personId
            : request.type === 'classWide' && !context.communityId
              ? // A class-wide session is led by the coach the planner chose (checked by the route), else by the planner.
                (request.coachId ?? actor.personId)
              : (context.coachId ?? actor.personId),
        coacheeId: request.type === 'oneOnOne' ? (request.coacheeId ?? null) : null,
        title: request.title,
        location: mode === 'online' ? '' : request.location,
        mode,
        meetingLink,
        startsAt,
        endsAt,
        planId: request.planId ?? null,
      })
      .returning();
    await scheduleSessionReminders(tx, row!, services.now());
    return { id: row!.id };
  });
}
