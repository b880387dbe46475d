import type { Actor } from '../../../domain/access/policy';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { insertAnnouncement, lockCommunity, recipients, sameAnnouncementSince } from './repository';

/** The same message sent twice within this window is a double send (a double click, two tabs). */
const DOUBLE_SEND_MS = 2 * 60_000;

/**
 * The coach sends the community a short message: stored for the board and mailed to every current
 * member in their own language. The mail wraps the coach's words as written; it names nobody
 * (not the coach, not the member), only the community. A double send answers 409 and mails nothing.
 */
export async function sendAnnouncement({ services, actor, community, body }: { services: Services; actor: Actor; community: CommunityResource; body: string }): Promise<{ id: string; mailed: number }> {
  const now = services.now();
  return services.db.transaction(async (tx) => {
    await lockCommunity(tx, community.id);
    if (await sameAnnouncementSince(tx, community.id, actor.personId, body, new Date(now.getTime() - DOUBLE_SEND_MS))) throw new AppError('conflict', 'announcement already sent');
    const id = await insertAnnouncement(tx, { communityId: community.id, authorId: actor.personId, body, createdAt: now });
    const link = `${services.config.publicUrl.replace(/\/$/, '')}/communities/${community.id}/board`;
    const to = await recipients(tx, community.memberIds);
    for (const person of to) {
      const locale: Locale = isLocale(person.locale) ? person.locale : 'nl';
      const params = { community: community.name, message: body, link };
      await services.mailer.enqueue(tx, {
        institutionId: community.institutionId,
        to: person.email,
        subject: translate(locale, 'formats.announcements.mail.subject', params),
        text: translate(locale, 'formats.announcements.mail.body', params),
      });
    }
    return { id, mailed: to.length };
  });
}
