/**
 * A client that goes away in the middle of sending its request (a phone losing signal) is not a
 * server error: it is logged once, at info, as aborted, and the log line holds no personal data.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

type LogLine = { level: number; msg: string; reqId?: string; [key: string]: unknown };

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(`aborted requests on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let port: number;
  let raw = '';
  const lines = () =>
    raw
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    t = await createTestDb();
    await t.reset();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        raw += chunk.toString();
        callback();
      },
    });
    app = await buildApp({ services: t.services, logger: { level: 'info', stream } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('logs a request the client aborts while sending its body at info, as aborted, without an error line', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const partial = '{"email": "ada.lovelace@example.test", "padding": "';
    socket.write(
      ['POST /api/auth/password-reset HTTP/1.1', 'Host: 127.0.0.1', 'Content-Type: application/json', `Content-Length: ${partial.length + 10_000}`, '', partial].join('\r\n'),
    );
    // Wait until the server is reading the body, then go away mid-body.
    await until(() => lines().some((l) => l.msg === 'incoming request'), 'the server to receive the request');
    const reqId = lines().find((l) => l.msg === 'incoming request')!.reqId;
    socket.destroy();
    await until(() => lines().some((l) => l.reqId === reqId && /aborted|error/i.test(l.msg)), 'the server to log the end of the request');

    const forRequest = lines().filter((l) => l.reqId === reqId);
    expect(forRequest.filter((l) => l.level >= 40), 'no warning or error line').toEqual([]);
    const aborted = forRequest.filter((l) => /aborted/i.test(l.msg));
    expect(aborted).toHaveLength(1);
    expect(aborted[0]!.level).toBe(30);
    expect(raw).not.toMatch(/ada|lovelace|padding/i);
    // The server carries on.
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  });
});
