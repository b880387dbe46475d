/** Community announcements and the community's own links (issue 21, items 4 and 5). */
import { z } from 'zod';
import { HttpsLink, SessionMode } from './sessions';
import { RecordVersion } from './version';

/** The longest announcement: a short practical message, not a chat. */
export const ANNOUNCEMENT_MAX = 1000;

export const Announcement = z.object({
  id: z.string().uuid(),
  body: z.string(),
  /** The coach who sent it (first name only), or empty when the account is gone. */
  authorName: z.string(),
  createdAt: z.string(),
});
export type Announcement = z.infer<typeof Announcement>;

export const CommunityBoardResponse = z.object({
  communityId: z.string().uuid(),
  communityName: z.string(),
  /** The default mode of the community's sessions and its meeting link. */
  sessionMode: SessionMode,
  meetingLink: z.string(),
  /** The group's own chat (WhatsApp, Teams): members and coach only. */
  chatLink: z.string(),
  version: z.number().int(),
  announcements: z.array(Announcement),
  can: z.object({ announce: z.boolean(), setLinks: z.boolean() }),
});
export type CommunityBoardResponse = z.infer<typeof CommunityBoardResponse>;

export const SendAnnouncementRequest = z.strictObject({
  body: z.string().trim().min(1).max(ANNOUNCEMENT_MAX),
});
export type SendAnnouncementRequest = z.infer<typeof SendAnnouncementRequest>;

export const SetCommunityLinksRequest = z.strictObject({
  sessionMode: SessionMode,
  meetingLink: HttpsLink,
  chatLink: HttpsLink,
  version: RecordVersion,
});
export type SetCommunityLinksRequest = z.infer<typeof SetCommunityLinksRequest>;
