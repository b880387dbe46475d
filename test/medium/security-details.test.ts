/** Cookies behind https, and logs that never hold personal data. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { regenerateCalendarFeed } from '../../src/server/modules/calendar/calendar-feed';
import { anonymous } from '../support/http';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

describe(`security details on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.reset();
    const institution = await t.factories.institution();
    await t.factories.person({ institutionId: institution.id, email: 'ada.lovelace@example.test', password: 'correct horse battery' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('uses __Host- cookies with Secure behind https', async () => {
    const config = loadConfig({ NODE_ENV: 'test', PEERKRACHT_PUBLIC_URL: 'https://peerkracht.example.nl' });
    const app = await buildApp({ services: { ...t.services, config } });
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/sign-in', { email: 'ada.lovelace@example.test', password: 'correct horse battery' });
    const session = response.cookies.find((c) => c.name === '__Host-pk_session');
    expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(session?.domain).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeDefined();
    await app.close();
  });

  it('logs requests with ids but without e-mail addresses, passwords or tokens', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs += chunk.toString();
        callback();
      },
    });
    const app = await buildApp({ services: t.services, logger: { level: 'debug', stream } });
    const client = await anonymous(app);
    await client.request('POST', '/api/auth/sign-in', { email: 'ada.lovelace@example.test', password: 'correct horse battery' });
    await client.request('POST', '/api/auth/sign-in', { email: 'ada.lovelace@example.test', password: 'wrong password!' });
    await client.request('POST', '/api/auth/password-reset', { email: 'ada.lovelace@example.test' });
    await app.close();
    expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    // Request ids are random UUIDs and may contain the letters "ada": leave them out of the scan.
    const withoutIds = logs.replaceAll(/"reqId":"[0-9a-f-]{36}"/g, '');
    expect(withoutIds).not.toMatch(/ada|lovelace|correct horse|wrong password|pk_session=/i);
  });

  it('logs a calendar feed request without the secret token in its URL', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs += chunk.toString();
        callback();
      },
    });
    const ada = await t.services.db.query.people.findFirst();
    const { url } = await regenerateCalendarFeed({ services: t.services, personId: ada!.id });
    const token = /\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;
    const app = await buildApp({ services: t.services, logger: { level: 'info', stream } });
    const response = await app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(response.statusCode).toBe(200);
    await app.close();
    expect(logs).toContain('"url":"/api/calendar/[redacted].ics"');
    expect(logs).not.toContain(token);
  });
});
