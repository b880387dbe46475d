/**
 * Starts the real peerkracht server (src/server/main.ts, as `npm start` does) on a free loopback
 * port with a fresh embedded database, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type RunningServer = {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  dataDir: string;
  /** Sends the process a signal (stop() sends SIGTERM and waits). */
  signal(signal: NodeJS.Signals): void;
  /** Settles when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
};

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('The web client is not built: run `npx vite build` (npm test does)');
  // A test that must know the address first (an OpenID provider's redirect URI) chooses the port.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const dataDir = env.PEERKRACHT_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-e2e-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PEERKRACHT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', PEERKRACHT_MFA_REQUIRED_ROLES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Start-up (migrations, the demo programme) takes seconds on an idle machine and well over a
  // minute on a busy one: wait for the health check until just before the hook's own time limit
  // (vitest.config.ts), so a server that never comes up fails here, with its output.
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      // Not left running behind the failed suite.
      child.kill('SIGKILL');
      throw new Error(`The server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    output: () => output,
    exited,
    signal: (signal) => void child.kill(signal),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
