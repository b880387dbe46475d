/**
 * The OpenID Connect client (openid-client 6): the provider's metadata, discovered once per
 * configuration and process, and retried after a failure. Plain http is allowed only for an
 * issuer on loopback (the tests' provider); anything else must be https.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../config';

const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

const isLoopback = (url: URL): boolean => ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);

export function oidcClient(config: OidcConfig): Promise<client.Configuration> {
  let found = discovered.get(config);
  if (!found) {
    const issuer = new URL(config.issuer);
    found = client.discovery(
      issuer,
      config.clientId,
      undefined,
      client.ClientSecretBasic(config.clientSecret),
      issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (provider down) is tried again at the next sign-in, not remembered.
    found.catch(() => discovered.delete(config));
    discovered.set(config, found);
  }
  return found;
}
