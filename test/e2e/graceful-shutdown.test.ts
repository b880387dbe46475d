/**
 * Graceful shutdown of the real server process (docs/operations.md): on SIGTERM readiness turns
 * 503 at once, the listener then closes, a request already in flight still completes with 2xx,
 * and the process exits 0 — on PGlite and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server';

async function cookieAndCsrf(url: string) {
  const response = await fetch(`${url}/api/auth/session`);
  const csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  return { csrf, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

/** Polls `probe` until it answers true (a condition, not a time). */
async function until(what: string, probe: () => Promise<boolean>, server: RunningServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;
const pgAdmin = async (statement: string) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
};

describe.each(['pglite', 'postgres'] as const)('graceful shutdown on %s', (kind) => {
  let server: RunningServer | undefined;
  const database = `pk_shutdown_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await server?.stop();
    if (kind === 'postgres') await pgAdmin(`drop database if exists ${database} with (force)`);
  });

  it('finishes a request in flight, answers readiness 503, stops listening and exits 0', async () => {
    const env: Record<string, string> = {};
    if (kind === 'postgres') {
      if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run through `npm test`, which starts PostgreSQL');
      await pgAdmin(`create database ${database}`);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      env.DATABASE_URL = url.toString();
    }
    // A long drain that ends as soon as readiness has answered 503 once: the test waits on that.
    server = await startServer({ ...env, PEERKRACHT_SHUTDOWN_DRAIN_MS: '170000', PEERKRACHT_SHUTDOWN_DRAIN_PROBES: '1' });
    const running = server;
    const { url } = running;
    const port = Number(new URL(url).port);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const { csrf, cookie } = await cookieAndCsrf(url);
    const body = JSON.stringify({ email: 'coordinator@hogeschool-zuidas.example', password: 'peerkracht-demo' });
    const request = http.request(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-csrf-token': csrf, cookie, expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    // "100 Continue": the server has the request's headers — it is in flight.
    await new Promise<void>((resolve) => request.once('continue', resolve));
    request.write(body.slice(0, 10));

    let exited = false;
    void running.exited.then(() => (exited = true));
    running.signal('SIGTERM');
    await until('readiness 503', async () => (await fetch(`${url}/readyz`)).status === 503, running);
    const readiness = await fetch(`${url}/readyz`).then(
      (r) => r.json(),
      () => ({ ok: false, reason: 'shutting_down' }),
    );
    expect(readiness).toEqual({ ok: false, reason: 'shutting_down' });
    // The drain ended with that answer: the listener closes while the request is still open.
    await until('the listener to close', () => refusesConnections(port), running);
    // …and the process waits for it.
    expect(exited).toBe(false);

    request.end(body.slice(10));
    const response = await answered;
    expect(response.status, response.text).toBe(200);
    expect(await running.exited).toBe(0);
  });
});
