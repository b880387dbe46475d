/** Signs people in through the real HTTP routes and keeps their cookies and CSRF token. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export type Client = {
  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  csrf: string;
};

function cookiesFrom(response: LightMyRequestResponse, jar: Map<string, string>) {
  for (const c of response.cookies) {
    if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now())) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
}

export async function anonymous(app: FastifyInstance, options: { remoteAddress?: string } = {}): Promise<Client> {
  const jar = new Map<string, string>();
  const client: Client = {
    csrf: '',
    async request(method, url, body, headers = {}) {
      const response = await app.inject({
        method,
        url,
        remoteAddress: options.remoteAddress ?? '127.0.0.1',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(method === 'GET' ? {} : { 'x-csrf-token': client.csrf }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
      });
      cookiesFrom(response, jar);
      return response;
    },
  };
  const session = await client.request('GET', '/api/auth/session');
  client.csrf = session.json<{ csrfToken: string }>().csrfToken;
  return client;
}

export async function signedIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  const client = await anonymous(app);
  const response = await client.request('POST', '/api/auth/sign-in', { email, password });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for the test: ${response.statusCode} ${response.body}`);
  client.csrf = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}
