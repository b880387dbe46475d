/**
 * `peerkracht schedule --intake <id> [--period <name|id>] [--seconds S] [--seed K] [--publish]`:
 * the scheduling run of the screens from the command line, with a progress bar and a summary
 * (adjacency share, waiting minutes, extra trips and why, what moves). --publish then publishes it.
 */
import { SingleBar } from 'cli-progress';
import { asc, count, eq } from 'drizzle-orm';
import { DEFAULT_GRID } from '../domain/scheduling/product-instance';
import { zonedParts } from '../domain/sessions/zoned-time';
import type { Config } from '../server/config';
import { loadContent } from '../server/content/load-content';
import type { Services } from '../server/context';
import { openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/data-dir-lock';
import { intakes, teachingPeriods, timetables } from '../server/db/schema';
import { createMailer } from '../server/modules/mail/public';
import { getSchedulingRun, publishSchedulingRun, startSchedulingRun } from '../server/modules/scheduling/public';

export type ScheduleCommandOptions = { intake: string; period?: string; seconds: number; seed: number; publish: boolean };

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export async function scheduleCommand(config: Config, options: ScheduleCommandOptions, out: (line: string) => void = console.log): Promise<void> {
  const content = await loadContent(config.contentDir);
  const release = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database);
  try {
    const services: Services = { db: database.db, config, mailer: createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom }), content, now: () => new Date() };
    await scheduleWithServices(services, options, out);
  } finally {
    await database.close();
    release();
  }
}

/** The command on open services (the medium test calls this). */
export async function scheduleWithServices(services: Services, options: ScheduleCommandOptions, out: (line: string) => void): Promise<void> {
  const db = services.db;
  if (!/^[0-9a-f-]{36}$/i.test(options.intake)) throw new Error(`--intake must be an intake id (a UUID), not "${options.intake}"`);
  const [intake] = await db.select().from(intakes).where(eq(intakes.id, options.intake));
  if (!intake) throw new Error(`no intake with id ${options.intake}`);
  const period = await choosePeriod(services, intake.id, options.period);
  out(`Scheduling ${period.name} (${period.firstDate} – ${period.lastDate}), seed ${options.seed}, at most ${options.seconds} s`);
  const bar = new SingleBar({ format: '  {bar} {percentage}% | {elapsed}s | best cost {best}', hideCursor: true, clearOnComplete: false, stream: process.stderr });
  bar.start(options.seconds * 1000, 0, { best: '–', elapsed: 0 });
  let started;
  try {
    started = await startSchedulingRun({
      services,
      actorId: null,
      period,
      request: { seconds: options.seconds, seed: options.seed, sessionMinutes: DEFAULT_GRID.sessionMinutes },
      wait: true,
      onProgress: (p) => bar.update(Math.min(options.seconds * 1000, p.elapsedMs), { best: p.bestObjective, elapsed: (p.elapsedMs / 1000).toFixed(1) }),
    });
  } finally {
    bar.update(options.seconds * 1000);
    bar.stop();
  }
  const result = await getSchedulingRun({ services, runId: started.id });
  out(`Run ${result.id}: ${result.status}`);
  if (result.status !== 'done' || !result.quality) {
    const e = result.error;
    throw new Error(e ? `the run failed: ${e.code}${e.needed !== null ? ` (needed ${e.needed}, available ${e.available})` : ''}${e.name ? ` — ${e.name}` : ''}` : `the run ended: ${result.status}`);
  }
  const q = result.quality;
  out('');
  out(`  communities placed      ${result.communities.length}${result.excluded.length ? ` (${result.excluded.length} left out)` : ''}`);
  out(`  next to a class         ${pct(q.adjacentShare)} of ${q.memberSessions} member-sessions (at most ${pct(q.adjacentShareUpperBound)} possible)`);
  out(`  waiting minutes         ${q.waitingMinutes}`);
  out(`  extra trips             ${q.extraTrips}`);
  out(`  members in class        ${q.conflicts}`);
  out(`  cost / lower bound      ${q.objective} / ${q.lowerBound}`);
  for (const e of result.excluded) out(`  left out: ${e.communityName} — ${e.reason}`);
  for (const e of result.extraTrips) out(`  extra trips: ${e.communityName} — ${e.extraTrips} (${e.cause}; ${e.members.map((m) => `${m.name}: ${m.reason}`).join(', ')})`);
  for (const c of result.communities) out(`  ${c.name.padEnd(20)} ${c.slot.day} ${c.slot.start} ${result.locations.find((l) => l.id === c.slot.locationId)?.name ?? ''}`);
  for (const m of result.coachMeetings) {
    const label = m.kind === 'coachTraining' ? 'coach training' : m.senior ? `intervision (${m.senior.name})` : 'intervision';
    const n = (kinds: string[]) => m.coaches.filter((c) => kinds.includes(c.kind)).length;
    const where = m.slot ? `${m.slot.day} ${m.slot.start}–${m.slot.end} ${result.locations.find((l) => l.id === m.slot!.locationId)?.name ?? ''}${m.lateEvening ? ' (evening)' : ''}` : 'not placed';
    out(`  ${label.padEnd(20)} ${where}: ${n(['adjacent', 'waiting'])} on campus, ${n(['trip'])} travel in, ${n(['cannot'])} cannot; ${m.dates.join(', ') || 'no dates'}`);
  }
  if (result.changes.length > 0) {
    out('');
    out(`  ${result.changes.length} communities move when published:`);
    for (const c of result.changes) out(`    ${c.communityName}: ${c.from.day} ${c.from.start} → ${c.to.day} ${c.to.start} (${c.futureSessions} sessions, ${c.affected.length} people)`);
  }
  if (options.publish) {
    const published = await publishSchedulingRun({ services, runId: result.id, actorId: null });
    out('');
    out(`Published: ${published.created} sessions created, ${published.moved} moved, ${published.cancelled} dropped, ${published.notified} people notified.`);
    const m = published.coachMeetings;
    out(`Coach training and intervision: ${m.created} sessions created, ${m.moved} moved, ${m.cancelled} dropped, ${m.notified} coaches notified.`);
  } else {
    out('');
    out('Not published (add --publish, or publish on the run page).');
  }
}

/** By name or id; by default the first period not yet over that has timetables. */
async function choosePeriod(services: Services, intakeId: string, wanted: string | undefined) {
  const db = services.db;
  const periods = await db.select().from(teachingPeriods).where(eq(teachingPeriods.intakeId, intakeId)).orderBy(asc(teachingPeriods.firstDate));
  if (periods.length === 0) throw new Error('this intake has no teaching periods yet (add them on the scheduling page)');
  if (wanted) {
    const hit = periods.find((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
    if (!hit) throw new Error(`no period "${wanted}"; the periods are: ${periods.map((p) => p.name).join(', ')}`);
    return hit;
  }
  const today = zonedParts(services.now()).date;
  for (const p of periods.filter((x) => x.lastDate >= today)) {
    const [n] = await db.select({ n: count() }).from(timetables).where(eq(timetables.periodId, p.id));
    if ((n?.n ?? 0) > 0) return p;
  }
  throw new Error('no current or coming period has timetables; upload them first or name a period with --period');
}
