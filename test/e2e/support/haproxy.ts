/**
 * Debian's HAProxy in front of app instances on loopback, for the load-balancer test: round
 * robin, health checks on `/readyz`, a stats page to see which instances it counts as up, and a
 * response header naming the instance that answered. Runs in the foreground (`-db`) as a child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type LoadBalancer = {
  url: string;
  /** The instances' states as HAProxy sees them (`UP`, `DOWN`, …), by server name. */
  states(): Promise<Record<string, string>>;
  /** Waits until HAProxy's state of each named server is the one given. */
  waitFor(expected: Record<string, string>, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
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

/**
 * The configuration: `servers` maps a name to a loopback port. Health checks every 250 ms, down
 * after two failures, up after one success. A request that cannot connect is retried on another
 * instance (`option redispatch 1`); a request already sent to an instance that dies is not (HAProxy
 * cannot know whether it was carried out): it fails with 502, or its connection is closed.
 */
export function haproxyConfig(port: number, statsPort: number, servers: Record<string, number>): string {
  return [
    'global',
    '  maxconn 4000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  retries 3',
    // Every retry of a connection that failed goes to another instance (not only the last one):
    // on a busy machine the three retries to a dead instance could otherwise outlast the health
    // checks and end in a 503.
    '  option redispatch 1',
    '  option forwardfor',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  default_backend app',
    'backend app',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    // A new connection per request: a request sent after an instance died then fails to connect
    // and goes to another instance, instead of failing on a kept-alive connection to the dead one.
    '  http-reuse never',
    '  http-response set-header x-pk-instance %[srv_name]',
    '  default-server inter 250ms fall 2 rise 1',
    ...Object.entries(servers).map(([name, p]) => `  server ${name} 127.0.0.1:${p} check`),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '',
  ].join('\n');
}

export async function startHaproxy(servers: Record<string, number>): Promise<LoadBalancer> {
  const [port, statsPort] = [await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, haproxyConfig(port, statsPort, servers));
  let output = '';
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const states = async (): Promise<Record<string, string>> => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
    const [header = '', ...rows] = csv.trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const [px, sv, st] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c));
    const result: Record<string, string> = {};
    for (const row of rows) {
      const cells = row.split(',');
      if (cells[px!] === 'app' && cells[sv!] !== 'BACKEND') result[cells[sv!]!] = (cells[st!] ?? '').split(' ')[0]!;
    }
    return result;
  };
  const waitFor = async (expected: Record<string, string>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    let seen: Record<string, string> = {};
    for (;;) {
      if (child.exitCode !== null) throw new Error(`HAProxy exited:\n${output}`);
      try {
        seen = await states();
        if (Object.entries(expected).every(([name, state]) => seen[name] === state)) return;
      } catch {
        // The stats listener is not up yet.
      }
      if (Date.now() > deadline) throw new Error(`HAProxy did not reach ${JSON.stringify(expected)} (last seen ${JSON.stringify(seen)}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    states,
    waitFor,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
