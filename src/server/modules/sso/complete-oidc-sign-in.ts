import * as client from 'openid-client';
import { AUTO_CREATE_AFFILIATIONS, readClaims } from '../../../domain/identity/oidc-claims';
import type { Services } from '../../context';
import { digest, openSession, type OpenedSession } from '../identity/public';
import { oidcClient } from './oidc-client';
import { ssoRepository, type SsoPerson } from './repository';
import { recordActivation } from '../invitations/public';

/** Why a callback signed nobody in; each has its own translated page (`sso.errors.<reason>`). */
export type OidcRefusal = 'expired' | 'cancelled' | 'failed' | 'other_institution' | 'missing_claims' | 'unknown_person' | 'unavailable';

export type CompleteOidcSignInResult = { ok: true; opened: OpenedSession } | { ok: false; reason: OidcRefusal; detail: string };

export type CompleteOidcSignInOptions = {
  services: Services;
  /** The callback's query string, as received. */
  query: string;
  /** The state from the browser's cookie: the callback must come back to the browser that started. */
  cookieState: string | undefined;
};

/**
 * The provider's answer: the state must be this browser's and unused (it is used up now, so a
 * replayed answer fails), the code is exchanged with the PKCE verifier, and openid-client checks
 * the issuer (also the RFC 9207 `iss` parameter), audience, signature, expiry and nonce. Then
 * the person: remembered by (issuer, sub), or found by the institution's link key — only from
 * the institution's home organisation — and remembered; unknown people are refused unless
 * auto-create is on. Every refusal leaves no session and changes nothing.
 */
export async function completeOidcSignIn({ services, query, cookieState }: CompleteOidcSignInOptions): Promise<CompleteOidcSignInResult> {
  const oidc = services.config.signIn.oidc;
  if (!oidc) return { ok: false, reason: 'unavailable', detail: 'sso not configured' };
  const params = new URLSearchParams(query);
  const state = params.get('state');
  if (!state || !cookieState || state !== cookieState) return { ok: false, reason: 'expired', detail: 'state missing or not this browser’s' };
  const repo = ssoRepository(services.db);
  const attempt = await repo.consumeAttempt(digest(state), services.now());
  if (!attempt) return { ok: false, reason: 'expired', detail: 'state unknown, used or expired' };
  if (params.get('error')) return { ok: false, reason: params.get('error') === 'access_denied' ? 'cancelled' : 'failed', detail: 'provider answered an error' };

  let claims: Record<string, unknown>;
  let issuer: string;
  try {
    const config = await oidcClient(oidc);
    issuer = config.serverMetadata().issuer;
    const callbackUrl = new URL(oidc.redirectUri);
    callbackUrl.search = params.toString();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { ok: false, reason: 'failed', detail: 'no ID token' };
    claims = { ...idClaims };
    // Attributes SURFconext releases only at the userinfo endpoint complete the ID token's.
    if (!claims.schac_home_organization || !claims.email) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userInfo, ...idClaims };
    }
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : 'token exchange failed' };
  }

  const read = readClaims(claims, oidc);
  if (!read.ok) return { ok: false, reason: read.reason, detail: 'claims refused' };
  const institutionId = await repo.institutionFor(oidc.institutionId);
  if (!institutionId) return { ok: false, reason: 'unavailable', detail: 'no single institution for sso (set PEERKRACHT_INSTITUTION_ID)' };

  let person: SsoPerson | null | undefined = await repo.linkedPerson(issuer, read.subject);
  const remembered = person !== undefined;
  if (!person) {
    person = read.link.by === 'email' ? await repo.personByEmail(read.link.email) : await repo.personByStudentNumber(institutionId, read.link.studentNumber);
  }
  if (person && person.institutionId !== institutionId) return { ok: false, reason: 'other_institution', detail: 'person of another institution' };
  if (!person && oidc.autoCreate && read.email && read.affiliations.some((a) => AUTO_CREATE_AFFILIATIONS.includes(a))) {
    person = await repo.createPerson({
      institutionId,
      firstName: read.firstName,
      lastName: read.lastName,
      email: read.email,
      studentNumber: read.link.by === 'student-number' ? read.link.studentNumber : null,
    });
  }
  if (!person) return { ok: false, reason: 'unknown_person', detail: 'no person for these claims' };
  if (remembered) await repo.touchLink(issuer, read.subject, services.now());
  else await repo.link(issuer, read.subject, person.id, services.now());
  const opened = await openSession({ services, personId: person.id, method: 'oidc', mfaDoneBySso: read.mfaDone });
  // An invited person who got in through SURFconext has activated: no reminder, old links revoked.
  await recordActivation(services, person.id);
  return { ok: true, opened };
}
