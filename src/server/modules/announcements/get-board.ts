import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { SessionMode } from '../../../domain/sessions/session-mode';
import type { CommunityBoardResponse } from '../../../contracts/announcements';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { communityLinks, recentAnnouncements } from './repository';

/** The community's board as its coach or a member sees it: links and the latest announcements. */
export async function getBoard({ services, actor, community }: { services: Services; actor: Actor; community: CommunityResource }): Promise<CommunityBoardResponse> {
  const [links, rows] = await Promise.all([communityLinks(services.db, community.id), recentAnnouncements(services.db, community.id)]);
  if (!links) throw new AppError('not_found');
  return {
    communityId: community.id,
    communityName: links.name,
    sessionMode: links.sessionMode as SessionMode,
    meetingLink: links.meetingLink,
    chatLink: links.chatLink,
    version: links.version,
    announcements: rows.map((r) => ({ id: r.id, body: r.body, authorName: r.firstName ?? '', createdAt: r.createdAt.toISOString() })),
    can: { announce: isAllowed(actor, 'community:announce', community), setLinks: isAllowed(actor, 'community:setLinks', community) },
  };
}
