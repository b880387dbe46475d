import { hasMeetingLink } from '../../../domain/sessions/session-mode';
import type { SetCommunityLinksRequest } from '../../../contracts/announcements';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { updateLinks } from './repository';

/**
 * The coach sets how the community meets by default (on campus, online, hybrid), its meeting link
 * and its own chat link. New sessions start from these; planned ones keep theirs. A stale version answers 409.
 */
export async function setCommunityLinks({ services, community, request }: { services: Services; community: CommunityResource; request: SetCommunityLinksRequest }): Promise<void> {
  if (hasMeetingLink(request.sessionMode) && request.meetingLink === '' && request.sessionMode === 'online') {
    throw new AppError('validation_failed', 'an online community needs a meeting link', {}, [{ path: 'meetingLink', message: 'required' }]);
  }
  const meetingLink = hasMeetingLink(request.sessionMode) ? request.meetingLink : '';
  const ok = await updateLinks(services.db, community.id, request.version, { sessionMode: request.sessionMode, meetingLink, chatLink: request.chatLink });
  if (!ok) throw new AppError('conflict');
}
