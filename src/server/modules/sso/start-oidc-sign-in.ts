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
 * database with the nonce and verifier (ADR 0010); the answer is the provider's URL to go to.
 */
export async function startOidcSignIn({ services }: { services: Services }): Promise<{ url: string; state: string; expiresAt: Date }> {
  const oidc = services.config.signIn.oidc;
  if (!oidc) throw new AppError('not_found');
  const config = await oidcClient(oidc);
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
  return { url: url.href, state, expiresAt };
}
