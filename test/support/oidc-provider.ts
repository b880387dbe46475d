/**
 * A real OpenID provider on loopback for the tests (oidc-provider 9), shaped like SURFconext:
 * authorization code flow with PKCE required, the claims `sub`, `email`, `email_verified`,
 * `schac_home_organization`, `eduperson_affiliation`, `schac_personal_unique_code`, names, and
 * an `acr` saying whether the person used MFA. Its sign-in screen is a tiny form of our own
 * (an account id and an "I used MFA" box) that browsers and HTTP clients both can fill in;
 * consent is implied, as SURFconext's for a connected service.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims, type OidcContext } from 'oidc-provider';

export const MFA_ACR = 'https://refeds.org/profile/mfa';
export const PASSWORD_ACR = 'https://refeds.org/profile/sfa';
export const CLIENT_ID = 'peerkracht-test';
export const CLIENT_SECRET = 'a client secret for the test provider only';

export type TestAccount = Omit<AccountClaims, 'sub'>;

export type TestProvider = {
  issuer: string;
  /** Accounts by id (the id is their `sub`); add or change them between tests. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcProvider(options: { redirectUris: string[]; host?: string }): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: options.redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test cookie key'] },
    pkce: { required: () => true },
    acrValues: [PASSWORD_ACR, MFA_ACR],
    claims: {
      openid: ['sub', 'acr', 'schac_home_organization', 'eduperson_affiliation', 'schac_personal_unique_code'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name'],
    },
    // SURFconext puts the released attributes in the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ ...account, sub: id }) } : undefined;
    },
    // A connected service's consent is given once at SURFconext, not per sign-in.
    loadExistingGrant: async (ctx: OidcContext) => {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const grant = new provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    // Stated, so the provider does not print notices about its defaults.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A browser asks for the icon of the sign-in form: none (not a 404 in its console).
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    void interaction(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><title>Test SURFconext</title><meta name="viewport" content="width=device-width"></head><body><main>
<h1>Test SURFconext</h1><form method="post" action="/interaction/${escape(details.uid)}">
<label>Account <input name="login" autocomplete="off"></label>
<label><input type="checkbox" name="mfa" value="1"> I used MFA</label>
<button type="submit">Sign in</button></form></main></body></html>`);
      return;
    }
    const body = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => resolve(data));
    });
    const form = new URLSearchParams(body);
    const login = form.get('login') ?? '';
    if (!accounts.has(login)) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown test account' }, { mergeWithLastSubmission: false });
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login, acr: form.get('mfa') === '1' ? MFA_ACR : PASSWORD_ACR } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per host for a plain HTTP client that follows a provider's redirects by hand. */
export class CookieJar {
  private readonly jar = new Map<string, string>();
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}

/**
 * Signs `account` in at the provider, starting from its authorization URL, and answers the URL
 * the provider redirects back to (the app's callback, with code, state and iss).
 */
export async function signInAtProvider(authorizationUrl: string, account: string, options: { mfa?: boolean } = {}): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== origin) return url;
    const isInteraction = /^\/interaction\/[\w-]+$/.test(url.pathname);
    const response = await fetch(url, {
      method: isInteraction ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(isInteraction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(isInteraction ? { body: new URLSearchParams({ login: account, ...(options.mfa ? { mfa: '1' } : {}) }).toString() } : {}),
    });
    jar.take(response);
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider did not redirect (${response.status}) at ${url.pathname}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
