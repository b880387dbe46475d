/**
 * HTTP benchmark: `npm run bench:http [-- --seconds 10 --connections 200 --write]`.
 *
 * autocannon against the two endpoints a coach's week leans on hardest — a coachee's RSVP and a
 * coach's attendance marks for their community of eight — on PGlite and on PostgreSQL (a
 * throwaway cluster from scripts/pg-cluster.sh), and in the same run against a bare Fastify
 * endpoint that inserts one row through `pg` into the same PostgreSQL: the ceiling any app on this
 * machine and database can reach. Every server runs in its own process (bench/http/server.ts);
 * the requests rotate over 240 signed-in coachees and 30 coaches so they hit different rows.
 * `--write` records the table in docs/performance/http.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import pg from 'pg';
import type { Seeded } from './server';

const options = new Command()
  .option('--seconds <s>', 'duration of each measured run', '10')
  .option('--warmup <s>', 'unmeasured run before each measured one', '3')
  .option('--connections <n>', 'concurrent connections', '200')
  .option('--only <list>', 'comma-separated scenarios (pglite-rsvp, pglite-attendance, postgres-rsvp, postgres-attendance, postgres-bare)')
  .option('--write', 'write docs/performance/http.md')
  .parse()
  .opts<{ seconds: string; warmup: string; connections: string; only?: string; write?: boolean }>();

const seconds = Number(options.seconds);
const connections = Number(options.connections);

type Row = { scenario: string; cpuPerRequest: number; dbCpuPerRequest: number | null; machineBusy: number; requests: number; rps: number; p50: number; p90: number; p99: number; max: number; errors: number; non2xx: number };

function startServer(args: string[]): Promise<{ child: ChildProcess; seeded: Seeded }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server to that directory.
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/http/server.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve({ child, seeded: JSON.parse(line) as Seeded });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

/** One autocannon run; `next` gives each request its method, path, headers and body. */
async function load(port: number, next: () => autocannon.Request, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    // One request per connection at a time, as browsers and phones send them.
    pipelining: 1,
    // A request still unanswered after 30 s counts as a timeout (autocannon's default is 10 s).
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time (ms) of a PostgreSQL cluster: the postmaster, its running backends, and those that
 * have ended (the pool closes idle connections), which the kernel adds to the postmaster's
 * children's time when it reaps them.
 */
function clusterCpuMs(clusterDir: string): number {
  const postmaster = Number(fs.readFileSync(path.join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = fs.readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // cutime and cstime are fields 16 and 17: the CPU time of children that ended.
  let total = cpuMs(postmaster) + (Number(own[13]) + Number(own[14])) * 10;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** Busy and total CPU time of the whole machine so far (all cores), from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  // idle and iowait are fields 4 and 5.
  return { busy: total - cpu[3]! - cpu[4]!, total };
}

async function measure(scenario: string, server: { child: ChildProcess; seeded: Seeded }, next: () => autocannon.Request, dbDir?: string): Promise<Row> {
  const port = server.seeded.port;
  process.stdout.write(`  ${scenario}: warm-up ${options.warmup} s, then ${seconds} s at ${connections} connections…`);
  if (Number(options.warmup) > 0) await load(port, next, Number(options.warmup));
  const cpuBefore = cpuMs(server.child.pid!);
  const dbBefore = dbDir ? clusterCpuMs(dbDir) : 0;
  const machineBefore = machineTicks();
  const r = await load(port, next, seconds);
  const cpuAfter = cpuMs(server.child.pid!);
  const dbAfter = dbDir ? clusterCpuMs(dbDir) : 0;
  const machineAfter = machineTicks();
  const row: Row = {
    scenario,
    // The server's own CPU per answered request: what the code costs, whatever else the machine runs.
    cpuPerRequest: r.requests.total ? (cpuAfter - cpuBefore) / r.requests.total : 0,
    // PostgreSQL's CPU per request (PGlite runs inside the server process, so it is in the figure above).
    dbCpuPerRequest: dbDir && r.requests.total ? (dbAfter - dbBefore) / r.requests.total : null,
    machineBusy: (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total),
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
  process.stdout.write(` ${Math.round(row.rps)} req/s, ${row.cpuPerRequest.toFixed(2)} ms CPU/request${row.dbCpuPerRequest === null ? '' : ` (+ ${row.dbCpuPerRequest.toFixed(2)} ms in PostgreSQL)`}, machine ${Math.round(row.machineBusy * 100)} % busy, p50 ${row.p50} ms, p99 ${row.p99} ms${row.non2xx || row.errors ? `, ${row.non2xx} non-2xx, ${row.errors} errors` : ''}\n`);
  return row;
}

function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

const RESPONSES = ['coming', 'notComing'] as const;

function rsvpRequests(seeded: Seeded): () => autocannon.Request {
  const next = rotate(seeded.coachees);
  let n = 0;
  return () => {
    const c = next();
    const response = RESPONSES[n++ % 2]!;
    return {
      method: 'PUT',
      path: `/api/sessions/${c.sessionId}/rsvp`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(response === 'coming' ? { response } : { response, reason: 'Tentamen herkansing' }),
    };
  };
}

function attendanceRequests(seeded: Seeded): () => autocannon.Request {
  const next = rotate(seeded.coaches);
  let n = 0;
  return () => {
    const c = next();
    n++;
    // Everyone present, with one exception that changes per request (so the marks really change).
    const marks = c.memberIds.map((personId, i) => ({ personId, status: i === n % 8 ? 'absent' : 'present' }));
    return {
      method: 'POST',
      path: `/api/sessions/${c.sessionId}/attendance`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ marks }),
    };
  };
}

function bareRequests(): () => autocannon.Request {
  let n = 0;
  return () => ({
    method: 'POST',
    path: '/bare',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: '00000000-0000-4000-8000-000000000001', personId: `00000000-0000-4000-8000-${String(n++ % 240).padStart(12, '0')}`, response: 'coming' }),
  });
}

async function main(): Promise<void> {
  const wanted = options.only?.split(',') ?? ['pglite-rsvp', 'pglite-attendance', 'postgres-rsvp', 'postgres-attendance', 'postgres-bare'];
  const rows: Row[] = [];
  const load1 = os.loadavg()[0]!;

  if (wanted.some((w) => w.startsWith('pglite'))) {
    console.log('PGlite (embedded, file-backed):');
    const server = await startServer(['--mode', 'app', '--db', 'pglite']);
    const { child, seeded } = server;
    try {
      if (wanted.includes('pglite-rsvp')) rows.push(await measure('pglite-rsvp', server, rsvpRequests(seeded)));
      if (wanted.includes('pglite-attendance')) rows.push(await measure('pglite-attendance', server, attendanceRequests(seeded)));
    } finally {
      await stop(child);
    }
  }

  if (wanted.some((w) => w.startsWith('postgres'))) {
    const env = execFileSync('bash', ['scripts/pg-cluster.sh', 'start'], { encoding: 'utf8' });
    const adminUrl = /PEERKRACHT_TEST_PG_URL=(\S+)/.exec(env)?.[1];
    const dir = /PEERKRACHT_TEST_PG_DIR=(\S+)/.exec(env)?.[1];
    if (!adminUrl || !dir) throw new Error(`pg-cluster.sh gave no URL:\n${env}`);
    try {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query('create database bench_app');
      await admin.query('create database bench_bare');
      await admin.end();
      const url = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
      console.log('PostgreSQL 15 (throwaway cluster on loopback, fsync off as in the tests):');
      // The ceiling is measured before and after the app's scenarios, and the higher figure is the
      // one compared against: the machine's speed drifts during a run.
      const bare = async (scenario: string) => {
        const server = await startServer(['--mode', 'bare', '--url', url('bench_bare')]);
        try {
          rows.push(await measure(scenario, server, bareRequests(), dir));
        } finally {
          await stop(server.child);
        }
      };
      if (wanted.includes('postgres-bare')) await bare('postgres-bare (before)');
      if (wanted.includes('postgres-rsvp') || wanted.includes('postgres-attendance')) {
        const server = await startServer(['--mode', 'app', '--db', 'postgres', '--url', url('bench_app')]);
        const { child, seeded } = server;
        try {
          if (wanted.includes('postgres-rsvp')) rows.push(await measure('postgres-rsvp', server, rsvpRequests(seeded), dir));
          if (wanted.includes('postgres-attendance')) rows.push(await measure('postgres-attendance', server, attendanceRequests(seeded), dir));
        } finally {
          await stop(child);
        }
      }
      if (wanted.includes('postgres-bare')) await bare('postgres-bare (after)');
    } finally {
      execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
    }
  }

  const load2 = os.loadavg()[0]!;
  const table = report(rows, load1, load2);
  console.log(`\n${table}`);
  if (options.write) {
    const intro = fs.readFileSync('bench/http/report-intro.md', 'utf8');
    fs.writeFileSync('docs/performance/http.md', `${intro}\n${table}\n`);
    console.log('Written to docs/performance/http.md');
  }
  if (rows.some((r) => r.errors > 0 || r.non2xx > 0)) {
    console.error('Some requests failed (see the table): the figures are not valid.');
    process.exitCode = 1;
  }
}

function report(rows: Row[], load1: number, load2: number): string {
  const lines = [
    '| scenario | requests | req/s | server CPU ms/request | PostgreSQL CPU ms/request | machine busy | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.requests} | ${Math.round(r.rps)} | ${r.cpuPerRequest.toFixed(2)} | ${r.dbCpuPerRequest === null ? '–' : r.dbCpuPerRequest.toFixed(2)} | ${Math.round(r.machineBusy * 100)} % | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} |`),
  ];
  const bareRows = rows.filter((r) => r.scenario.startsWith('postgres-bare'));
  const bare = bareRows.length ? Math.max(...bareRows.map((r) => r.rps)) : null;
  const verdicts: string[] = [];
  for (const r of rows.filter((x) => !x.scenario.startsWith('postgres-bare'))) {
    const ratio = bare ? r.rps / bare : null;
    verdicts.push(
      `| ${r.scenario} | ${r.p99} ms ${r.p99 < 25 ? '✓' : '✘'} | ${ratio === null ? '–' : `${ratio.toFixed(2)} ${!r.scenario.startsWith('postgres') ? '(PGlite: no target)' : ratio >= 0.5 ? '✓' : '✘'}`} |`,
    );
  }
  return [
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${connections} connections, ${seconds} s per scenario after a warm-up, load average ${load1.toFixed(1)} before and ${load2.toFixed(1)} after.`,
    '',
    ...lines,
    '',
    'Targets: p99 under 25 ms at 200 connections; on PostgreSQL at least half the bare endpoint’s throughput (the higher of its two runs).',
    '',
    '| scenario | p99 < 25 ms | throughput / bare |',
    '|---|---|---|',
    ...verdicts,
  ].join('\n');
}

await main();
