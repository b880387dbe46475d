/**
 * The one-tap link of an evaluation invitation. The token is an HMAC of the invitation id under
 * the server's data key, so a reminder can send the same link again while only its SHA-256 digest
 * is stored (a database copy opens nothing), and nobody without the key can make one.
 */
import { createHmac } from 'node:crypto';
import type { Services } from '../../context';
import { digest } from '../identity/public';
import { secretLink } from '../mail/public';

export function invitationToken(services: Services, invitationId: string): string {
  return createHmac('sha256', services.config.dataKey.key).update(`evaluation-invitation\n${invitationId}`).digest('base64url');
}

export const tokenHashOf = (token: string): string => digest(token);

export function invitationLink(services: Services, invitationId: string): string {
  return secretLink(services.config.publicUrl, 'evaluation', invitationToken(services, invitationId));
}
