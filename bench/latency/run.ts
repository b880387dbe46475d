/**
 * Open-loop latency: `npm run bench:latency [-- --rate 1000 --seconds 20 --sweep 250,500,… --write]`.
 *
 * A coordinated-omission-free generator in the manner of wrk2: requests arrive as a Poisson
 * process at a fixed rate, whatever the server does, and each one's latency is measured from the
 * moment it was *meant* to be sent — so a stalled server (or a stalled generator) shows up as
 * latency of every request that should have gone out meanwhile, not as fewer requests. Requests go
 * over a keep-alive pool of node:http connections (more connections are opened when all are
 * busy, up to --connections; requests beyond that wait for one, and that wait counts).
 *
 * Against the real app (bench/http/server.ts, its own process) on a throwaway PostgreSQL with
 * durability on (fsync=on, synchronous_commit=on — every acknowledged write is on disk):
 * a coachee's RSVP and a coach's attendance marks for their community of eight, each alone at
 * --rate, then a sweep of the two mixed half and half to find the highest rate whose p99 stays
 * under 25 ms. `--write` records the tables in docs/performance/latency.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import pg from 'pg';
import type { Seeded } from '../http/server';

const options = new Command()
  .option('--rate <n>', 'arrival rate of the single-endpoint runs (requests/s)', '1000')
  .option('--seconds <s>', 'measured duration of each run', '20')
  .option('--warmup <s>', 'unmeasured run at the same rate before each measured one', '3')
  .option('--sweep <list>', 'rates of the mixed sweep (requests/s), ascending', '250,500,750,1000,1250,1500,2000')
  .option('--connections <n>', 'most connections the generator opens', '256')
  .option('--only <list>', 'comma-separated parts: rsvp, attendance, sweep', 'rsvp,attendance,sweep')
  .option('--priority', 'run the generator, the app and PostgreSQL at a higher CPU priority (nice -10; root) than the rest of the machine')
  .option('--no-sync-commit', 'diagnosis only, not the target: synchronous_commit=off (a commit does not wait for its WAL fsync), to see the fsync\'s share of the latency')
  .option('--write', 'write docs/performance/latency.md')
  .parse()
  .opts<{ rate: string; seconds: string; warmup: string; sweep: string; connections: string; only: string; priority?: boolean; syncCommit: boolean; write?: boolean }>();

const TARGET_P99 = 25;
const TARGET_P999 = 100;
const TIMEOUT_MS = 10_000;

type Request = { method: string; path: string; headers: Record<string, string>; body: string };
type Row = {
  scenario: string;
  rate: number;
  sent: number;
  achieved: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  errors: number;
  machineBusy: number;
  serverCpu: number;
  dbCpu: number;
  /** Time the app's and PostgreSQL's threads waited for a CPU (run queue), per request, ms. */
  runQueueWait: number;
  /** The same for the generator's threads. */
  generatorWait: number;
  /** PostgreSQL's average WAL fsync (fdatasync) time, ms, and fsyncs per request. */
  walSyncMs: number;
  walSyncsPerRequest: number;
  /** p99 of how late the generator sent a request after its intended time (ms): its own share of the latency. */
  sendLagP99: number;
  /** p50 and p99 measured from when the request actually went out (what the generator's lateness hides). */
  servedP50: number;
  servedP99: number;
};

// ---------------------------------------------------------------------------------------------
// PostgreSQL with durability on (scripts/pg-cluster.sh turns fsync off for the test suite).

function asOwner(command: string, args: string[]): string {
  return process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : execFileSync(command, args, { encoding: 'utf8' });
}

async function startDurablePostgres(): Promise<{ url: string; dir: string; stop(): void }> {
  const bin = fs
    .readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .at(-1);
  if (!bin) throw new Error('PostgreSQL is not installed (Debian package: postgresql)');
  const dir = fs.mkdtempSync('/tmp/peerkracht-latency-pg.');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await new Promise<number>((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  asOwner(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on -c synchronous_commit=${options.syncCommit ? 'on' : 'off'} -c full_page_writes=on -c track_wal_io_timing=on`;
  asOwner(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-t', '60', '-o', settings, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      try {
        asOwner(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc), as in bench/http.

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function clusterCpuMs(clusterDir: string): number {
  const postmaster = Number(fs.readFileSync(path.join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = fs.readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]!.split(' ');
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

function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - cpu[3]! - cpu[4]!, total };
}

/**
 * Nanoseconds each thread of these processes has waited on a run queue so far
 * (/proc/<pid>/task/<tid>/schedstat), by thread: compare two readings thread by thread, so that
 * threads and processes that end in between (PostgreSQL backends the pool closes) do not count.
 */
function runQueueWaits(pids: number[]): Map<string, number> {
  const waits = new Map<string, number>();
  for (const pid of pids) {
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) waits.set(`${pid}/${tid}`, Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return waits;
}

function waitedMs(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [thread, ns] of after) total += ns - (before.get(thread) ?? ns);
  return total / 1e6;
}

/** The postmaster and its children (backends, WAL writer, checkpointer…). */
function clusterPids(clusterDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster) pids.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return pids;
}

async function walStats(url: string): Promise<{ syncs: number; syncMs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ wal_sync: string; wal_sync_time: number }>('select wal_sync, wal_sync_time from pg_stat_wal');
    return { syncs: Number(rows[0]!.wal_sync), syncMs: Number(rows[0]!.wal_sync_time) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The generator.

/**
 * Sends requests at Poisson arrival times for `seconds` and answers each one's latency from its
 * intended send time (ms). The schedule is fixed in advance from the rate; the timer wakes up at
 * most a millisecond late, and whatever is due by then goes out at once — late, with the
 * lateness counted.
 */
async function openLoop(port: number, rate: number, seconds: number, next: () => Request, agent: http.Agent): Promise<{ latencies: Float64Array; lags: Float64Array; served: Float64Array; errors: number; sent: number; elapsed: number }> {
  const latencies: number[] = [];
  const served: number[] = [];
  const lags: number[] = [];
  let errors = 0;
  let sent = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  const end = start + seconds * 1000;
  let intended = start;
  const fire = (at: number) => {
    const request = next();
    sent++;
    const sentAt = performance.now();
    lags.push(sentAt - at);
    const done = new Promise<void>((resolve) => {
      const finish = (ok: boolean) => {
        if (ok) {
          const now = performance.now();
          latencies.push(now - at);
          served.push(now - sentAt);
        }
        else errors++;
        resolve();
      };
      const req = http.request(
        { host: '127.0.0.1', port, method: request.method, path: request.path, headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) }, agent, timeout: TIMEOUT_MS },
        (res) => {
          res.resume();
          res.on('end', () => finish(res.statusCode !== undefined && res.statusCode < 300));
          res.on('error', () => finish(false));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish(false));
      req.end(request.body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };
  for (;;) {
    intended += -Math.log(1 - Math.random()) * (1000 / rate);
    if (intended >= end) break;
    const wait = intended - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, Math.floor(wait)));
    fire(intended);
  }
  await Promise.all(pending);
  return { latencies: Float64Array.from(latencies), lags: Float64Array.from(lags), served: Float64Array.from(served), errors, sent, elapsed: (performance.now() - start) / 1000 };
}

/** nice -10 for these processes and their threads (renice needs root): they get the CPU before the rest of the machine. */
function prioritise(pids: number[]): void {
  for (const pid of pids) {
    try {
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) os.setPriority(Number(tid), -10);
    } catch {
      // Gone, or not allowed: measured at the normal priority.
    }
  }
}

const quantile = (sorted: Float64Array, q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : Number.NaN);

function rotate<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

function rsvpRequests(seeded: Seeded): () => Request {
  const next = rotate(seeded.coachees);
  let n = 0;
  return () => {
    const c = next();
    const response = n++ % 2 === 0 ? 'coming' : 'notComing';
    return {
      method: 'PUT',
      path: `/api/sessions/${c.sessionId}/rsvp`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(response === 'coming' ? { response } : { response, reason: 'Tentamen herkansing' }),
    };
  };
}

function attendanceRequests(seeded: Seeded): () => Request {
  const next = rotate(seeded.coaches);
  let n = 0;
  return () => {
    const c = next();
    n++;
    const marks = c.memberIds.map((personId, i) => ({ personId, status: i === n % 8 ? 'absent' : 'present' }));
    return {
      method: 'POST',
      path: `/api/sessions/${c.sessionId}/attendance`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ marks }),
    };
  };
}

function mixedRequests(seeded: Seeded): () => Request {
  const rsvp = rsvpRequests(seeded);
  const attendance = attendanceRequests(seeded);
  return () => (Math.random() < 0.5 ? rsvp() : attendance());
}

function startServer(url: string): Promise<{ child: ChildProcess; seeded: Seeded }> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/http/server.ts', '--mode', 'app', '--db', 'postgres', '--url', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve({ child, seeded: JSON.parse(line) as Seeded });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
  });
}

async function measure(scenario: string, rate: number, server: { child: ChildProcess; seeded: Seeded }, next: () => Request, postgres: { dir: string; url: string }): Promise<Row> {
  const dbDir = postgres.dir;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number(options.connections) });
  process.stdout.write(`  ${scenario} at ${rate}/s: warm-up ${options.warmup} s, then ${options.seconds} s…`);
  if (Number(options.warmup) > 0) await openLoop(server.seeded.port, rate, Number(options.warmup), next, agent);
  if (options.priority) prioritise([process.pid, server.child.pid!, ...clusterPids(dbDir)]);
  const walBefore = await walStats(postgres.url);
  const cpuBefore = cpuMs(server.child.pid!);
  const dbBefore = clusterCpuMs(dbDir);
  const machineBefore = machineTicks();
  const waitBefore = runQueueWaits([server.child.pid!, ...clusterPids(dbDir)]);
  const generatorBefore = runQueueWaits([process.pid]);
  const r = await openLoop(server.seeded.port, rate, Number(options.seconds), next, agent);
  const waitAfter = runQueueWaits([server.child.pid!, ...clusterPids(dbDir)]);
  const generatorAfter = runQueueWaits([process.pid]);
  const cpuAfter = cpuMs(server.child.pid!);
  const dbAfter = clusterCpuMs(dbDir);
  const machineAfter = machineTicks();
  const walAfter = await walStats(postgres.url);
  agent.destroy();
  const sorted = r.latencies.sort();
  const row: Row = {
    scenario,
    rate,
    sent: r.sent,
    achieved: r.latencies.length / r.elapsed,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    errors: r.errors,
    machineBusy: (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total),
    // Cores' worth of CPU the server and PostgreSQL used over the run.
    serverCpu: (cpuAfter - cpuBefore) / (r.elapsed * 1000),
    dbCpu: (dbAfter - dbBefore) / (r.elapsed * 1000),
    runQueueWait: r.sent ? waitedMs(waitBefore, waitAfter) / r.sent : 0,
    generatorWait: r.sent ? waitedMs(generatorBefore, generatorAfter) / r.sent : 0,
    walSyncMs: walAfter.syncs > walBefore.syncs ? (walAfter.syncMs - walBefore.syncMs) / (walAfter.syncs - walBefore.syncs) : 0,
    walSyncsPerRequest: r.sent ? (walAfter.syncs - walBefore.syncs) / r.sent : 0,
    sendLagP99: quantile(r.lags.sort(), 0.99),
    servedP50: quantile(r.served.sort(), 0.5),
    servedP99: quantile(r.served.sort(), 0.99),
  };
  process.stdout.write(` p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, p99.9 ${row.p999.toFixed(1)} ms, max ${row.max.toFixed(0)} ms, machine ${Math.round(row.machineBusy * 100)} % busy, run-queue wait ${row.runQueueWait.toFixed(2)} ms/request (generator ${row.generatorWait.toFixed(2)}), fsync ${row.walSyncMs.toFixed(2)} ms, generator late by ${row.sendLagP99.toFixed(1)} ms (p99)${row.errors ? `, ${row.errors} errors` : ''}\n`);
  return row;
}

function table(rows: Row[]): string[] {
  return [
    '| scenario | rate/s | sent | answered/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | server CPU (cores) | PostgreSQL CPU (cores) | run-queue wait ms/request: app + PostgreSQL (generator) | WAL fsync ms (per request) | generator late p99 ms | p50 / p99 ms from the actual send | machine busy |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.rate} | ${r.sent} | ${Math.round(r.achieved)} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.p99.toFixed(1)} ${r.p99 < TARGET_P99 ? '✓' : '✘'} | ${r.p999.toFixed(1)} ${r.p999 < TARGET_P999 ? '✓' : '✘'} | ${r.max.toFixed(0)} | ${r.errors} | ${r.serverCpu.toFixed(2)} | ${r.dbCpu.toFixed(2)} | ${r.runQueueWait.toFixed(2)} (${r.generatorWait.toFixed(2)}) | ${r.walSyncMs.toFixed(2)} (${r.walSyncsPerRequest.toFixed(2)}) | ${r.sendLagP99.toFixed(1)} | ${r.servedP50.toFixed(1)} / ${r.servedP99.toFixed(1)} | ${Math.round(r.machineBusy * 100)} % |`,
    ),
  ];
}

async function main(): Promise<void> {
  const parts = options.only.split(',');
  const rate = Number(options.rate);
  const load1 = os.loadavg();
  const machineStart = machineTicks();
  // What else the machine was doing just before: a second of /proc/stat.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleBefore = machineTicks();
  const busyBefore = (idleBefore.busy - machineStart.busy) / Math.max(1, idleBefore.total - machineStart.total);
  const postgres = await startDurablePostgres();
  const single: Row[] = [];
  const sweep: Row[] = [];
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database bench_latency');
    const settings = await admin.query<{ name: string; setting: string }>(`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')`);
    await admin.end();
    console.log(`PostgreSQL with durability on: ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`);
    const server = await startServer(Object.assign(new URL(postgres.url), { pathname: '/bench_latency' }).toString());
    try {
      if (parts.includes('rsvp')) single.push(await measure('rsvp', rate, server, rsvpRequests(server.seeded), { dir: postgres.dir, url: postgres.url }));
      if (parts.includes('attendance')) single.push(await measure('attendance', rate, server, attendanceRequests(server.seeded), { dir: postgres.dir, url: postgres.url }));
      if (parts.includes('sweep')) {
        for (const r of options.sweep.split(',').map(Number)) {
          const row = await measure('mixed', r, server, mixedRequests(server.seeded), { dir: postgres.dir, url: postgres.url });
          sweep.push(row);
          // Two rates in a row over the target: higher ones will not come back under it.
          if (sweep.length >= 2 && sweep.slice(-2).every((x) => x.p99 >= TARGET_P99)) break;
        }
      }
    } finally {
      await new Promise<void>((resolve) => {
        server.child.once('exit', () => resolve());
        server.child.kill('SIGTERM');
        setTimeout(() => server.child.kill('SIGKILL'), 10_000).unref();
      });
    }
  } finally {
    postgres.stop();
  }
  const load2 = os.loadavg();
  const best = sweep.filter((r) => r.p99 < TARGET_P99 && r.errors === 0).at(-1);
  const report = [
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, PostgreSQL with fsync=on and synchronous_commit=${options.syncCommit ? 'on' : 'OFF (diagnosis: not durable)'} on the same machine; the generator, the app and PostgreSQL share the cores${options.priority ? ' and ran at nice -10, ahead of the rest of the machine' : ' with everything else the machine runs, at the same priority'}. ` +
      `Before the run the machine was ${Math.round(busyBefore * 100)} % busy (load average ${load1[0]!.toFixed(1)}); after it the load average was ${load2[0]!.toFixed(1)}. ${options.seconds} s per rate after a ${options.warmup} s warm-up, Poisson arrivals, latency from each request's intended send time.`,
    '',
    `Each endpoint alone at ${rate} requests/s (targets: p99 < ${TARGET_P99} ms, p99.9 < ${TARGET_P999} ms):`,
    '',
    ...table(single),
    '',
    'RSVP and attendance mixed half and half, rising rates:',
    '',
    ...table(sweep),
    '',
    best
      ? `Highest rate with p99 under ${TARGET_P99} ms: **${best.rate} requests/s** (p99 ${best.p99.toFixed(1)} ms, p99.9 ${best.p999.toFixed(1)} ms).`
      : `No rate of the sweep kept p99 under ${TARGET_P99} ms.`,
  ].join('\n');
  console.log(`\n${report}`);
  if (options.write && !options.syncCommit) throw new Error('--no-sync-commit is a diagnosis: its figures are not written to the record');
  if (options.write) {
    const intro = fs.readFileSync('bench/latency/report-intro.md', 'utf8');
    fs.writeFileSync('docs/performance/latency.md', `${intro}\n${report}\n`);
    console.log('Written to docs/performance/latency.md');
  }
}

await main();
