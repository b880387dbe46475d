import * as client from 'openid-client';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { digest } from '../identity/public';
import { oidcClient } from './oidc-client';
import { ssoRepository } from './repository';

export const OIDC_ATTEMPT_MINUTES = 10;

/**
 * Starts a sign-in at the institution's provider: a fresh state, nonce and PKCE verifier
 * (S256). The state goes to the browser in a short-lived cookie and, as a digest, into the
 * database with the nonce and verifier (ADR 0010); the answer is the provider's URL to go to,
 * or why the provider cannot be used now.
 */
export async function startOidcSignIn({ services }: { services: Services }): Promise<{ ok: true; url: string; state: string; expiresAt: Date } | { ok: false; detail: string }> {
  const oidc = services.config.signIn.oidc;
  if (!oidc) throw new AppError('not_found');
  let config: client.Configuration;
  try {
    config = await oidcClient(oidc);
  } catch (error) {
    // Provider unreachable, or its metadata names another issuer than configured.
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : 'discovery failed' };
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const expiresAt = new Date(services.now().getTime() + OIDC_ATTEMPT_MINUTES * 60_000);
  await ssoRepository(services.db).createAttempt({ stateHash: digest(state), nonce, codeVerifier, expiresAt });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scopes.join(' '),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, url: url.href, state, expiresAt };
}
