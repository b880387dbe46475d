import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { passwordResetTokens } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { anonymous } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

describe(`bad input on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const institution = await t.factories.institution();
    await t.factories.person({ institutionId: institution.id, email: 'ada@example.test', password: 'correct horse battery' });
  });

  const tokensWritten = async () => (await t.services.db.select({ n: count() }).from(passwordResetTokens))[0]?.n;

  it('answers malformed JSON with 400 in the chosen language, and writes nothing', async () => {
    const client = await anonymous(app);
    const nl = await client.request('POST', '/api/auth/password-reset', '{"email": ', { 'accept-language': 'nl' });
    const en = await client.request('POST', '/api/auth/password-reset', '{"email": ', { 'accept-language': 'en' });
    expect(nl.statusCode).toBe(400);
    expect(nl.json().error).toEqual({ code: 'malformed_json', message: 'Het verzoek kon niet worden gelezen.' });
    expect(en.json().error.message).toBe('The request could not be read.');
    expect(await tokensWritten()).toBe(0);
  });

  it('names each unknown field, wrong type and missing field', async () => {
    const client = await anonymous(app);
    const response = await client.request(
      'POST',
      '/api/auth/password-reset/complete',
      { token: 42, admin: true },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { path: string; message: string }[];
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'token', message: 'Enter text.' },
        { path: 'password', message: 'This field is required.' },
        { path: 'admin', message: 'This field is unknown.' },
      ]),
    );
    const nl = await client.request('POST', '/api/auth/password-reset', { email: 'geen-adres' }, { 'accept-language': 'nl' });
    expect(nl.json().error.fields).toEqual([{ path: 'email', message: 'Dit is geen geldig e-mailadres.' }]);
    expect(await tokensWritten()).toBe(0);
  });

  it('refuses an oversized body without reading it', async () => {
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/password-reset', { email: `${'a'.repeat(2_000_000)}@example.test` });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(await tokensWritten()).toBe(0);
  });

  it('never sends a stack trace or internal message', async () => {
    const client = await anonymous(app);
    const response = await client.request('GET', '/api/no-such-route');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('answers 404 for an unknown route or a wrong method with a body, not an internal error', async () => {
    const client = await anonymous(app);
    for (const [method, url] of [
      ['POST', '/api/no-such-route'],
      ['POST', '/api/auth/session'],
      ['DELETE', '/api/auth/sign-in'],
    ] as const) {
      const response = await client.request(method, url, { any: 'body' });
      expect([method, url, response.statusCode]).toEqual([method, url, 404]);
      expect(response.json().error.code).toBe('not_found');
    }
  });
});
