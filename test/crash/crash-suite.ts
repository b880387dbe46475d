/**
 * Crash safety (issue 23, item 3): the real server process under concurrent acknowledged writes —
 * attendance marks, RSVPs, logbook entries and a CSV student import (a durable job) — is killed
 * with SIGKILL at a seeded random moment, restarted on the same data and checked:
 *
 *  - every write that got a 2xx is present with its value (for each key, the stored value is the
 *    last acknowledged one, or one sent after it whose answer never came: "writes lost" counts
 *    acknowledged writes whose value is gone);
 *  - nothing half-done is visible (invariants in SQL, `checkInvariants`): every attendance mark
 *    has its history and the history leads, change by change, to the mark; an import's counts,
 *    cursor and students agree with each other; a finished import holds every good row of its file
 *    exactly once and its job finished exactly once;
 *  - interrupted jobs resume after the restart and finish (the import completes exactly once).
 *
 * The moment of the kill is a condition, not a time: when the number of acknowledged writes
 * reaches a target drawn from the seed, with further writes and the import in flight. Checks run
 * while the server is down (PGlite allows one process per data directory); opening the data
 * directory after the kill is the crash recovery. Used by `npm run test:crash` (test/crash/run.ts)
 * and, with a few cycles, by test/medium/crash-safety.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/server/db/client';
import { lockDataDir } from '../../src/server/db/data-dir-lock';
import { identityRepository } from '../../src/server/modules/identity/repository';
import { digest, newToken } from '../../src/server/modules/identity/secrets';
import { mulberry32 } from '../../src/domain/random';
import { factories } from '../../src/server/testing/factories';

export type CrashTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export type CrashOptions = {
  target: CrashTarget;
  cycles: number;
  seed: number;
  /** Communities of a coach and six coachees, each with a session under way. */
  communities?: number;
  /** Rows of each cycle's student import (batches of 1,000 good rows). */
  importRows?: number;
  /** Progress lines (one per cycle). */
  log?: (line: string) => void;
  /** How each cycle picks its kill moment, in turn; drawn from the seed when not given. */
  modes?: readonly KillMode[];
  /** Upper bound for one server start or one wait for the imports; exceeded = the run fails. */
  boundMs?: number;
};

export type KillMode = 'writes' | 'afterImport' | 'importHalfway' | 'timed';

export type CrashFigures = {
  database: 'pglite' | 'postgres';
  cycles: number;
  seed: number;
  acknowledged: { attendance: number; rsvp: number; logbook: number; imports: number; total: number };
  /** Acknowledged writes whose value was not there after the restart (must be 0). */
  lost: number;
  /** Answers other than 2xx while the server was up (must be 0: every write is valid). */
  refused: number;
  /** Imports found running (interrupted) after a kill; of those, finished (exactly once) after a restart. */
  importsInterrupted: number;
  jobsResumed: number;
  /** Of the resumed imports, those whose job was already running at the kill and was taken over (a second attempt). */
  jobsTakenOver: number;
  importsDone: number;
  /** Broken invariants (must be empty), each naming the cycle. */
  violations: string[];
};

/** A raw query's rows: both drivers answer with `{ rows }`; the shared Db type cannot say so. */
async function rows<T>(db: Database['db'], query: SQL): Promise<{ rows: T[] }> {
  const result: unknown = await db.execute(query);
  return result as { rows: T[] };
}

const MAPPING = { studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5 };
const STATUSES = ['present', 'late', 'absentWithNotice', 'absent'] as const;


type Credentials = { cookie: string; csrf: string };
type Seeded = {
  intakeId: string;
  coordinator: Credentials;
  coaches: (Credentials & { personId: string; sessionId: string; memberIds: string[] })[];
  coachees: (Credentials & { personId: string; sessionId: string })[];
};

/** What a key holds: the value of the last acknowledged write, and values sent after it with no answer. */
type Expectation = { settled: string | null; acked: string | null; unanswered: string[]; ackedThisCycle: boolean };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const openTarget = (target: CrashTarget) =>
  openDatabase(target.kind === 'pglite' ? { kind: 'pglite', dataDir: target.dataDir } : { kind: 'postgres', url: target.url, poolSize: 2 });

/** Opens the database in this process while no server runs (PGlite: under the data-directory lock). */
async function withDatabase<T>(target: CrashTarget, use: (database: Database) => Promise<T>): Promise<T> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => undefined;
  try {
    const database = await openTarget(target);
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

/** A programme with communities whose sessions are under way, and session tokens for everyone. */
async function seed(target: CrashTarget, communities: number): Promise<Seeded> {
  return withDatabase(target, async ({ db }) => {
    const f = factories(db);
    const identity = identityRepository(db);
    const signedIn = async (personId: string): Promise<Credentials> => {
      const token = newToken();
      const csrf = newToken();
      await identity.createSession({ tokenHash: digest(token), personId, csrfToken: csrf, expiresAt: new Date(Date.now() + 86_400_000) });
      return { cookie: `pk_session=${token}`, csrf };
    };
    const institution = await f.institution();
    const programme = await f.programme(institution.id);
    const intake = await f.intake(programme.id);
    const cls = await f.class(intake.id, { code: 'CRASH1' });
    const coordinator = await f.person({ institutionId: institution.id, roles: ['coordinator'], programmeId: programme.id });
    const seeded: Seeded = { intakeId: intake.id, coordinator: await signedIn(coordinator.id), coaches: [], coachees: [] };
    // Under way: attendance can be marked (for 7 days) and RSVPs changed (until it ends).
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const endsAt = new Date(Date.now() + 12 * 3_600_000);
    for (let c = 0; c < communities; c++) {
      const coach = await f.person({ institutionId: institution.id, roles: ['studentcoach'], programmeId: programme.id });
      const members = [];
      for (let m = 0; m < 6; m++) {
        const member = await f.person({ institutionId: institution.id, roles: ['coachee'], programmeId: programme.id });
        await f.enrol(cls.id, member.id, `S${c}-${m}`);
        members.push(member);
      }
      const community = await f.community({ intakeId: intake.id, coachId: coach.id, classId: cls.id, memberIds: members.map((m) => m.id) });
      const session = await f.session({ institutionId: institution.id, programmeId: programme.id, type: 'community', communityId: community.id, organiserId: coach.id, startsAt, endsAt });
      seeded.coaches.push({ ...(await signedIn(coach.id)), personId: coach.id, sessionId: session.id, memberIds: members.map((m) => m.id) });
      for (const member of members) seeded.coachees.push({ ...(await signedIn(member.id)), personId: member.id, sessionId: session.id });
    }
    return seeded;
  });
}

/** The cycle's CSV: fresh student numbers (so every good row creates a student), a bad row every 400 lines. */
export function importFile(cycle: number, rows: number): { csv: string; good: number; firstNumber: number } {
  const lines = ['studentnummer,voornaam,achternaam,email,klas,taal'];
  const firstNumber = 50_000_000 + cycle * 100_000;
  let good = 0;
  for (let i = 0; i < rows; i++) {
    const n = firstNumber + i;
    if (i % 400 === 199) lines.push(`${n},Student,,c${n}@student.crash.test,CRASH1,nl`);
    else {
      good++;
      lines.push(`${n},Student${i},Crash${cycle},c${n}@student.crash.test,CRASH${1 + (i % 2)},${i % 3 === 0 ? 'en' : 'nl'}`);
    }
  }
  return { csv: lines.join('\n'), good, firstNumber };
}

type Server = {
  url: string;
  output: () => string;
  /** Called with each new piece of the server's standard output, in whole lines. */
  onOutput(listener: (text: string) => void): void;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
};

async function startServer(target: CrashTarget, boundMs: number, logLevel: 'warn' | 'info' = 'warn'): Promise<Server> {
  const port = await freePort();
  let output = '';
  // The server's database is the target's, whatever this process was started with.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      NODE_ENV: 'test',
      PEERKRACHT_DEMO: '0',
      ...(target.kind === 'pglite' ? { PEERKRACHT_DATA_DIR: target.dataDir } : { DATABASE_URL: target.url }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listeners: ((text: string) => void)[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    // Whole lines to the listeners.
    pending += text;
    const end = pending.lastIndexOf('\n');
    if (end < 0) return;
    const lines = pending.slice(0, end + 1);
    pending = pending.slice(end + 1);
    for (const listener of listeners) listener(lines);
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + boundMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited while starting:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, output: () => output, onOutput: (listener) => void listeners.push(listener), exited, kill: (signal) => void child.kill(signal) };
}

/** One HTTP write as a signed-in person; true when it was acknowledged (2xx). */
async function send(server: Server, who: Credentials, method: 'PUT' | 'POST', path: string, body: unknown): Promise<{ ok: boolean; status: number | null; json: unknown }> {
  try {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json', 'accept-language': 'nl' },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    return { ok: response.status >= 200 && response.status < 300, status: response.status, json };
  } catch {
    // The connection broke: the server was killed while this write was in flight.
    return { ok: false, status: null, json: null };
  }
}

export async function runCrashSuite(options: CrashOptions): Promise<CrashFigures> {
  const { target, cycles, seed: seedValue, communities = 4, importRows = 4_000, log = () => undefined, boundMs = 180_000 } = options;
  const random = mulberry32(seedValue);
  const seeded = await seed(target, communities);
  const figures: CrashFigures = {
    database: target.kind,
    cycles: 0,
    seed: seedValue,
    acknowledged: { attendance: 0, rsvp: 0, logbook: 0, imports: 0, total: 0 },
    lost: 0,
    refused: 0,
    importsInterrupted: 0,
    jobsResumed: 0,
    jobsTakenOver: 0,
    importsDone: 0,
    violations: [],
  };
  const expectations = new Map<string, Expectation>();
  const expect = (key: string) => {
    let e = expectations.get(key);
    if (!e) expectations.set(key, (e = { settled: null, acked: null, unanswered: [], ackedThisCycle: false }));
    return e;
  };
  const interrupted = new Set<string>();
  let writeNumber = 0;

  /** Waits (a condition, bounded) until no import of the intake is running. */
  const importsSettled = async (server: Server) => {
    const deadline = Date.now() + boundMs;
    for (;;) {
      const response = await fetch(`${server.url}/api/intakes/${seeded.intakeId}/imports`, { headers: { cookie: seeded.coordinator.cookie } });
      if (response.ok) {
        const { imports } = (await response.json()) as { imports: { id: string; status: string; resumed: boolean }[] };
        if (imports.every((i) => i.status !== 'running')) return;
      }
      if (Date.now() > deadline) throw new Error(`An import did not finish after the restart:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  for (let cycle = 0; cycle < cycles; cycle++) {
    // The moment of the kill, drawn from the seed: after a number of acknowledged writes counted
    // from the start (the import may not even be answered yet) or from the import's answer; as
    // soon as the server logs an import batch committed with more to come; or a drawn delay after
    // the import was sent. On PGlite the import holds the server from its first batch to its last
    // (its queries settle without a turn of the event loop, so even its log lines come out at the
    // end): there only a timed kill lands inside the import.
    const draw = random();
    const mode: KillMode = options.modes?.[cycle % options.modes.length] ?? (draw < 0.25 ? 'writes' : draw < 0.5 ? 'afterImport' : draw < 0.75 ? 'importHalfway' : 'timed');
    // The import takes a few seconds on PostgreSQL and about ten on PGlite (where its batches wait their turn on the one connection).
    const delayMs = 200 + Math.floor(random() * (target.kind === 'pglite' ? 12_000 : 4_000));
    const t0 = Date.now();
    // Half-way kills watch the server's log for the import's committed batches (info level).
    const server = await startServer(target, boundMs, mode === 'importHalfway' ? 'info' : 'warn');
    const t1 = Date.now();
    // Interrupted jobs resume after the restart: the previous cycle's import finishes first.
    await importsSettled(server);
    for (const e of expectations.values()) {
      e.ackedThisCycle = false;
    }
    const killAfter = mode === 'afterImport' ? 1 + Math.floor(random() * 150) : mode === 'writes' ? 10 + Math.floor(random() * 400) : Number.POSITIVE_INFINITY;
    let counting = mode === 'writes';
    let acked = 0;
    let killed = false;
    let markKilled: () => void = () => undefined;
    const killedNow = new Promise<void>((resolve) => (markKilled = resolve));
    const kill = () => {
      if (killed) return;
      killed = true;
      server.kill('SIGKILL');
      markKilled();
    };
    const acknowledge = () => {
      if (!counting) return;
      acked++;
      if (acked >= killAfter) kill();
    };
    const record = (key: string, value: string, result: { ok: boolean; status: number | null }) => {
      const e = expect(key);
      if (result.ok) {
        e.acked = value;
        e.unanswered = [];
        e.ackedThisCycle = true;
      } else if (result.status === null) e.unanswered.push(value);
    };
    const refused = (result: { ok: boolean; status: number | null }) => {
      if (!result.ok && result.status !== null) figures.refused++;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

    const coachLoops = seeded.coaches.map(async (coach) => {
      while (!killed) {
        if (random() < 0.75) {
          const marks = coach.memberIds.map((personId) => ({ personId, status: pick(STATUSES) }));
          const result = await send(server, coach, 'POST', `/api/sessions/${coach.sessionId}/attendance`, { marks });
          for (const m of marks) record(`attendance ${coach.sessionId} ${m.personId}`, m.status, result);
          refused(result);
          if (result.ok) {
            figures.acknowledged.attendance++;
            acknowledge();
          }
        } else {
          const text = `w${++writeNumber}`;
          const body = { answers: { 'logbook-what-we-did': text, 'logbook-how-it-went': 1 + Math.floor(random() * 5), 'logbook-need': ['nothing'] } };
          const result = await send(server, coach, 'PUT', `/api/sessions/${coach.sessionId}/logbook`, body);
          record(`logbook ${coach.sessionId} ${coach.personId}`, text, result);
          refused(result);
          if (result.ok) {
            figures.acknowledged.logbook++;
            acknowledge();
          }
        }
      }
    });
    const coacheeLoops = seeded.coachees.map(async (coachee) => {
      while (!killed) {
        const coming = random() < 0.5;
        const reason = coming ? '' : `w${++writeNumber}`;
        const result = await send(server, coachee, 'PUT', `/api/sessions/${coachee.sessionId}/rsvp`, coming ? { response: 'coming' } : { response: 'notComing', reason });
        record(`rsvp ${coachee.sessionId} ${coachee.personId}`, `${coming ? 'coming' : 'notComing'}|${reason}`, result);
        refused(result);
        if (result.ok) {
          figures.acknowledged.rsvp++;
          acknowledge();
        }
      }
    });
    const file = importFile(cycle, importRows);
    const importing = send(server, seeded.coordinator, 'POST', `/api/intakes/${seeded.intakeId}/imports`, { fileName: `crash-cycle-${cycle}.csv`, csv: file.csv, mapping: MAPPING }).then((result) => {
      record(`import crash-cycle-${cycle}.csv`, 'present', result);
      refused(result);
      if (mode === 'afterImport') counting = true;
      if (result.ok) {
        figures.acknowledged.imports++;
        acknowledge();
      }
    });
    let seen = '';
    if (mode === 'timed') setTimeout(kill, delayMs);
    if (mode === 'importHalfway') {
      // Half-way: a batch has committed and more are to come. Finished before that: kill all the same.
      server.onOutput((text) => {
        for (const match of text.matchAll(/"processed":(\d+),"total":(\d+),"msg":"student import: batch committed"/g)) {
          const [processed, total] = [Number(match[1]), Number(match[2])];
          if (killed) return;
          seen = processed < total ? `import killed at ${processed}/${total}` : 'import finished first';
          kill();
        }
      });
    }
    // The writers stop once the server is gone; a server that dies on its own fails the run.
    const exitedEarly = server.exited.then(() => {
      if (!killed) throw new Error(`The server stopped before it was killed:\n${server.output()}`);
    });
    await Promise.race([killedNow, exitedEarly]);
    await server.exited;
    await Promise.all([...coachLoops, ...coacheeLoops, importing]);

    const t2 = Date.now();
    await withDatabase(target, async ({ db }) => {
      const found = await check(db, cycle, expectations, figures);
      for (const id of found.running) interrupted.add(id);
    });
    const t3 = Date.now();
    figures.cycles++;
    log(
      `cycle ${cycle + 1}/${cycles} (${mode === 'timed' ? `timed, ${delayMs} ms` : mode}${seen ? `, ${seen}` : ''}): killed after ${acked} acknowledged writes; so far acknowledged ${figures.acknowledged.attendance + figures.acknowledged.rsvp + figures.acknowledged.logbook + figures.acknowledged.imports}, lost ${figures.lost}; ` +
        `imports running at a kill so far ${interrupted.size}; violations ${figures.violations.length} ` +
        `(start ${t1 - t0} ms, load ${t2 - t1} ms, check ${t3 - t2} ms)`,
    );
  }

  // The last restart: interrupted jobs finish; then a clean stop and the final check.
  const server = await startServer(target, boundMs);
  await importsSettled(server);
  server.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) figures.violations.push(`final: the server did not stop cleanly (exit ${code}):\n${server.output()}`);
  await withDatabase(target, async ({ db }) => {
    const found = await check(db, cycles, expectations, figures);
    if (found.running.length > 0) figures.violations.push(`final: imports still running after the last restart: ${found.running.length}`);
    const jobs = await rows<{ id: string; attempts: number }>(db, sql`
      select i.id, j.attempts from student_imports i join jobs j on j.dedupe_key = 'student-import:' || i.id::text where j.status = 'done'`);
    // Finished after an interruption (the checks above prove: once, with every good row).
    figures.jobsResumed = jobs.rows.filter((j) => interrupted.has(j.id)).length;
    figures.jobsTakenOver = jobs.rows.filter((j) => interrupted.has(j.id) && j.attempts > 1).length;
    figures.importsDone = found.done;
  });
  figures.importsInterrupted = interrupted.size;
  figures.acknowledged.total = figures.acknowledged.attendance + figures.acknowledged.rsvp + figures.acknowledged.logbook + figures.acknowledged.imports;
  return figures;
}

/**
 * Compares what is stored with what was acknowledged, and checks the invariants in SQL. Updates
 * each key's settled value to what is stored (the unanswered write either landed or not).
 */
async function check(db: Database['db'], cycle: number, expectations: Map<string, Expectation>, figures: CrashFigures): Promise<{ running: string[]; done: number }> {
  const at = `cycle ${cycle + 1}`;
  const stored = new Map<string, string>();
  for (const row of (await rows<{ session_id: string; person_id: string; status: string }>(db, sql`select session_id, person_id, status from attendance_marks`)).rows)
    stored.set(`attendance ${row.session_id} ${row.person_id}`, row.status);
  for (const row of (await rows<{ session_id: string; person_id: string; response: string; reason: string }>(db, sql`select session_id, person_id, response, reason from session_rsvps`)).rows)
    stored.set(`rsvp ${row.session_id} ${row.person_id}`, `${row.response}|${row.reason}`);
  for (const row of (await rows<{ session_id: string; author_id: string; what: string | null }>(db, sql`select session_id, author_id, answers->>'logbook-what-we-did' as what from logbook_entries`)).rows)
    stored.set(`logbook ${row.session_id} ${row.author_id}`, row.what ?? '');
  for (const row of (await rows<{ file_name: string }>(db, sql`select file_name from student_imports`)).rows) stored.set(`import ${row.file_name}`, 'present');

  for (const [key, e] of expectations) {
    const value = stored.get(key) ?? null;
    const before = e.acked ?? e.settled;
    const allowed = [before, ...e.unanswered];
    if (!allowed.includes(value)) {
      if (e.acked !== null && e.ackedThisCycle) {
        figures.lost++;
        figures.violations.push(`${at}: acknowledged write lost: ${key} holds ${String(value)}, acknowledged ${e.acked}`);
      } else figures.violations.push(`${at}: ${key} holds ${String(value)}, expected one of ${allowed.map(String).join(', ')}`);
    }
    e.settled = value;
    e.acked = null;
    e.unanswered = [];
  }

  // Attendance: every mark has its history, and the history is a path of changes that starts
  // from nothing and ends at the mark (per status: changes into it − changes out of it = 1 for the
  // current status, 0 otherwise; exactly one change from nothing).
  const history = await rows<{ session_id: string; person_id: string }>(db, sql`
    with flows as (
      select session_id, person_id, to_status as status, 1 as d from attendance_changes
      union all
      select session_id, person_id, from_status, -1 from attendance_changes where from_status is not null
    ),
    balance as (
      select session_id, person_id, status, sum(d) as net from flows group by 1, 2, 3
    ),
    firsts as (
      select session_id, person_id, count(*) filter (where from_status is null) as starts from attendance_changes group by 1, 2
    )
    select coalesce(m.session_id, b.session_id) as session_id, coalesce(m.person_id, b.person_id) as person_id
    from attendance_marks m
    full join balance b on b.session_id = m.session_id and b.person_id = m.person_id and b.status = m.status
    left join firsts f on f.session_id = coalesce(m.session_id, b.session_id) and f.person_id = coalesce(m.person_id, b.person_id)
    where (m.session_id is null and b.net <> 0)
       or (m.session_id is not null and coalesce(b.net, 0) <> 1)
       or coalesce(f.starts, 0) <> 1`);
  for (const row of history.rows) figures.violations.push(`${at}: attendance history does not lead to the mark of ${row.person_id} in ${row.session_id}`);

  // Imports: counts, cursor and students agree; a finished import holds each good row once; its
  // job ran to the end exactly once (one job for the key, done) and the file is cleared.
  const imports = await rows<{ id: string; file_name: string; status: string; total: number; processed: number; created: number; updated: number; failed: number; good_rows_done: number; csv_kept: boolean; errors: number }>(db, sql`
    select id, file_name, status, total, processed, created, updated, failed, good_rows_done, csv is not null as csv_kept, jsonb_array_length(row_errors) as errors
    from student_imports`);
  const running: string[] = [];
  let done = 0;
  for (const imp of imports.rows) {
    const cycleOf = Number(/crash-cycle-(\d+)\.csv/.exec(imp.file_name)?.[1]);
    const file = importFile(cycleOf, imp.total);
    const students = await rows<{ n: number; distinct_people: number }>(db, sql`
      select count(*)::int as n, count(distinct person_id)::int as distinct_people from class_members
      where student_number ~ '^[0-9]+$' and student_number::bigint between ${file.firstNumber} and ${file.firstNumber + imp.total - 1}`);
    const { n, distinct_people } = students.rows[0]!;
    const jobRows = await rows<{ status: string }>(db, sql`select status from jobs where dedupe_key = ${`student-import:${imp.id}`}`);
    const statuses = jobRows.rows.map((j) => j.status);
    const wrong = (what: string) => figures.violations.push(`${at}: import ${imp.file_name} (${imp.status}): ${what}`);
    if (n !== distinct_people) wrong(`a student imported twice (${n} rows, ${distinct_people} people)`);
    if (imp.created !== n || imp.updated !== 0) wrong(`counts ${imp.created} created / ${imp.updated} updated, ${n} students present`);
    if (imp.good_rows_done !== imp.created + imp.updated) wrong(`cursor ${imp.good_rows_done} and counts ${imp.created + imp.updated} disagree`);
    if (imp.status === 'running') {
      running.push(imp.id);
      if (statuses.length !== 1 || !['pending', 'running'].includes(statuses[0]!)) wrong(`job ${statuses.join(', ')}`);
      if (!imp.csv_kept) wrong('file cleared before the end');
    } else if (imp.status === 'done') {
      done++;
      if (n !== file.good) wrong(`${n} of ${file.good} good rows present`);
      if (imp.processed !== imp.total || imp.failed !== imp.total - file.good || imp.errors !== imp.failed) wrong(`processed ${imp.processed}/${imp.total}, failed ${imp.failed}, ${imp.errors} row errors`);
      // The job is marked done in its own transaction after the import's last one: a kill between
      // the two leaves it running, and the next start takes it over and ends it at once (the
      // import is done). The data is whole either way; only one job may exist.
      if (statuses.length !== 1 || !['done', 'running', 'pending'].includes(statuses[0]!)) wrong(`jobs ${statuses.join(', ') || 'none'}`);
      if (imp.csv_kept) wrong('file kept after the end');
    } else wrong('failed');
  }
  return { running, done };
}
