/**
 * The production image, without Docker (docs/operations.md, "Containers"): builds the server
 * bundle the way the Dockerfile does (`node scripts/build-server.mjs`, after the web client the
 * e2e tier has built), gives it the runtime dependencies only — what `npm ci --omit=dev` installs:
 * the packages package-lock.json does not mark as dev — in a scratch directory outside the
 * repository, and starts it as the image does (`node src/server/main.js`, production, no tsx) on
 * PostgreSQL. Then readiness, liveness, the web client and a sign-in must work. It also checks the
 * Dockerfile still runs these commands, and that HAProxy accepts the compose set-up's config.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/haproxy';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './support/suite';

const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;
const root = process.cwd();

type LockPackage = { dev?: boolean; optional?: boolean };

/**
 * node_modules as `npm ci --omit=dev` lays it out, from the packages already installed: every
 * package-lock entry not marked dev, hard-linked (each package without its nested node_modules,
 * which are entries of their own). Optional packages for other platforms are not installed here
 * and are left out, as npm leaves them out.
 */
function runtimeNodeModules(target: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const installed: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    const source = path.join(root, key);
    if (!fs.existsSync(source)) {
      if (entry.optional) continue;
      throw new Error(`${key} is a runtime dependency but is not installed`);
    }
    linkTree(fs.realpathSync(source), path.join(target, key));
    installed.push(key.slice('node_modules/'.length));
  }
  return installed;
}

function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const [a, b] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(a, b);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(a), b);
    else fs.linkSync(a, b);
  }
}

describe('the production bundle, built and started as the image does', () => {
  const name = `pk_prod_${randomBytes(4).toString('hex')}`;
  let scratch: string;
  let child: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run through `npm test`, which starts PostgreSQL');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-image-'));
    // Nothing above the scratch directory may supply packages (Node looks in every parent's node_modules).
    for (let dir = path.dirname(scratch); ; dir = path.dirname(dir)) {
      expect(fs.existsSync(path.join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
      if (dir === path.dirname(dir)) break;
    }
    const app = path.join(scratch, 'app');
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--out', app], { cwd: root, stdio: 'pipe' });
    runtimeNodeModules(app);

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Only what the image's environment holds: no NODE_OPTIONS (tsx), no test settings.
    child = spawn(process.execPath, ['src/server/main.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString(),
        PEERKRACHT_PUBLIC_URL: url,
        PEERKRACHT_RATE_LIMIT_KEY: randomBytes(32).toString('hex'),
        // Production refuses to start without the keys that seal IBANs, payout files and TOTP secrets.
        PEERKRACHT_DATA_KEY: randomBytes(32).toString('base64'),
        PEERKRACHT_MFA_KEY: randomBytes(32).toString('hex'),
        PEERKRACHT_DEMO: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 170_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The production server exited:\n${output}`);
      const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`The production server did not become ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    if (!adminUrl) return;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('runs with the runtime dependencies only: ready, live, serving the web client, signing in', async () => {
    expect(fs.existsSync(path.join(scratch, 'app/node_modules/tsx'))).toBe(false);
    expect(fs.existsSync(path.join(scratch, 'app/node_modules/vite'))).toBe(false);
    expect(output).toContain('peerkracht is running');
    expect(((await (await fetch(`${url}/readyz`)).json()) as { ok: boolean }).ok).toBe(true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const session = await fetch(`${url}/api/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
      body: JSON.stringify({ email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const signedIn = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const home = await fetch(`${url}/api/home`, { headers: { cookie: signedIn } });
    expect(home.status).toBe(200);
    expect(((await home.json()) as { communities: unknown[] }).communities.length).toBeGreaterThan(0);
  });

  it('runs the command-line tools from the bundle', () => {
    const help = execFileSync(process.execPath, ['src/cli/main.js', '--help'], { cwd: path.join(scratch, 'app'), env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(help).toMatch(/Usage/);
  });

  it('is what the Dockerfile builds and runs', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    for (const step of ['npm ci --no-audit', 'npx vite build --logLevel warn', 'node scripts/build-server.mjs --out /app', 'npm ci --omit=dev', 'USER node', 'HEALTHCHECK', '/healthz', 'CMD ["node", "src/server/main.js"]']) {
      expect(dockerfile).toContain(step);
    }
    expect(dockerfile).toMatch(/^FROM node:20-[\w-]+ AS build$/m);
  });

  it('gives compose a load-balancer configuration HAProxy accepts', () => {
    // Exits non-zero on an invalid configuration; the instances' names resolve only inside compose.
    const checked = execFileSync('haproxy', ['-c', '-f', 'deploy/haproxy/haproxy.cfg'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(checked).toContain('Configuration file is valid');
    // Its log never holds a request's path (a calendar feed's token is in it): no httplog, no %r/%HU/%HP/%HQ.
    const config = fs.readFileSync(path.join(root, 'deploy/haproxy/haproxy.cfg'), 'utf8');
    expect(config).not.toContain('option httplog');
    expect(config).not.toMatch(/%(r|HU|HP|HQ|HPO)(?![a-z])/);
    expect(config).toContain('log-format');
    const compose = fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8');
    for (const service of ['postgres:', 'app1:', 'app2:', 'haproxy:']) expect(compose).toContain(`  ${service}`);
    expect(compose).toContain('./deploy/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
  });
});
