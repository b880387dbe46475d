/**
 * The server as a process on the embedded database: one process per data directory, a clean
 * shutdown on SIGTERM, and acknowledged writes still there after a restart.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server';

describe('server lifecycle on PGlite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-lifecycle-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process on the same data directory, keeps writes across a SIGTERM restart', async () => {
    const first = await startServer({ PEERKRACHT_DATA_DIR: dataDir });
    expect(first.output()).toContain('coordinator@hogeschool-zuidas.example');

    // An acknowledged write: a password-reset request puts a mail in the outbox.
    const session = await fetch(`${first.url}/api/auth/session`);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const reset = await fetch(`${first.url}/api/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
      body: JSON.stringify({ email: 'coachee@hogeschool-zuidas.example' }),
    });
    expect(reset.status).toBe(202);

    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PEERKRACHT_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another peerkracht process \(PID \d+\)/);

    await first.stop();
    expect(fs.existsSync(path.join(dataDir, 'peerkracht.lock'))).toBe(false);

    const again = await startServer({ PEERKRACHT_DATA_DIR: dataDir });
    try {
      // The demo is not loaded twice, and the outbox still holds the mail.
      expect(again.output()).not.toContain('Demo programme loaded');
      const sessionResponse = await fetch(`${again.url}/api/auth/session`);
      const token = ((await sessionResponse.json()) as { csrfToken: string }).csrfToken;
      const jar = sessionResponse.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const signIn = await fetch(`${again.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: jar },
        body: JSON.stringify({ email: 'beheerder@hogeschool-zuidas.example', password: 'peerkracht-demo' }),
      });
      expect(signIn.status).toBe(200);
      const sessionCookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const outbox = await fetch(`${again.url}/api/admin/outbox`, { headers: { cookie: sessionCookie } });
      // The demo itself queues mail too (handover notices); the reset mail is the acknowledged write.
      const mails = ((await outbox.json()) as { mails: { recipient: string; subject: string }[] }).mails;
      const resets = mails.filter((m) => m.subject === 'Je wachtwoord voor peerkracht');
      expect(resets.map((m) => m.recipient)).toEqual(['coachee@hogeschool-zuidas.example']);
    } finally {
      await again.stop();
    }
  });
});

describe('start-up with broken content', () => {
  it('stops, naming the file and the problem', () => {
    const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-content-'));
    fs.cpSync('content', contentDir, { recursive: true });
    const file = path.join(contentDir, 'activities.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"nl":', '"nl" ').slice(0));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-data-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PEERKRACHT_CONTENT_DIR: contentDir, PEERKRACHT_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/activities\.json: .*line \d+/);
    // Nothing was started: no database was created.
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(contentDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
