/**
 * `peerkracht group --intake <id> [--class CODE] [--seconds S] [--seed K] [--accept [--role-models]]`: the same
 * use cases as the coordinator's screen, from the command line — a progress bar while the engine
 * runs, then the balance figures per attribute and the proposed communities; `--accept` creates
 * them and assigns coaches (`--role-models`: with the role-model preference). Bad input (e.g. sizes that cannot work) prints the translated message
 * with the numbers and exits with 1.
 */
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import type { GroupingRunResponse } from '../contracts/grouping';
import type { Actor } from '../domain/access/policy';
import { isGroupingAttribute } from '../domain/grouping/student-attributes';
import { translate, type Locale } from '../i18n/translate';
import { loadConfig } from '../server/config';
import { loadContent } from '../server/content/load-content';
import { openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/data-dir-lock';
import { classes, intakes, programmes } from '../server/db/schema';
import { AppError } from '../server/errors/app-error';
import { acceptGroupingRun, enabledAttributes, presentRun, runById, startGroupingRun } from '../server/modules/grouping/public';
import { createMailer } from '../server/modules/mail/public';

export type GroupCommandOptions = {
  intake: string;
  class?: string;
  seconds: string;
  seed: string;
  accept?: boolean;
  roleModels?: boolean;
  attributes?: string;
  name: string;
  lang: string;
  min?: string;
  max?: string;
};

export async function groupCommand(options: GroupCommandOptions): Promise<void> {
  const locale: Locale = options.lang === 'en' ? 'en' : 'nl';
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const config = loadConfig();
  const content = await loadContent(config.contentDir);
  const release = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database);
  const services = { db: database.db, config, mailer: createMailer({ db: database.db, smtpUrl: null, from: config.mailFrom }), content, now: () => new Date() };
  try {
    const [intake] = await services.db
      .select({ id: intakes.id, programmeId: intakes.programmeId, institutionId: programmes.institutionId })
      .from(intakes)
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
      .where(eq(intakes.id, options.intake));
    if (!intake) throw new AppError('not_found', 'no such intake');
    let classId: string | null = null;
    if (options.class) {
      const rows = await services.db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, intake.id));
      const found = rows.find((c) => c.code.toLowerCase() === options.class!.toLowerCase());
      if (!found) throw new Error(`${options.class}: ${t('errors.not_found')} (${rows.map((c) => c.code).join(', ')})`);
      classId = found.id;
    }
    // The command line acts as the programme's coordinator would.
    const actor: Actor = { personId: 'cli', institutionId: intake.institutionId, grants: [{ role: 'coordinator', institutionId: intake.institutionId, programmeId: intake.programmeId }] };
    const attributes = options.attributes
      ? options.attributes.split(',').map((part) => {
          const [key = '', weight = '1'] = part.trim().split(':');
          if (!isGroupingAttribute(key)) throw new Error(`unknown attribute "${key}"`);
          return { key, weight: Number(weight) };
        })
      : [...(await enabledAttributes(services.db, intake.institutionId))].filter(isGroupingAttribute).filter((k) => k !== 'class').map((key) => ({ key, weight: 1 }));
    if (attributes.length === 0) throw new Error(t('grouping.run.noAttributes'));

    const bar = new cliProgress.SingleBar({ format: `${t('grouping.run.running')} [{bar}] {percentage}% | {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(100, 0);
    let run: GroupingRunResponse;
    try {
      const { id } = await startGroupingRun({
        services,
        actor,
        intakeId: intake.id,
        createdById: null,
        wait: true,
        onProgress: (fraction) => bar.update(Math.round(fraction * 100)),
        request: {
          classId,
          attributes,
          seconds: Number(options.seconds),
          seed: Number(options.seed),
          ...(options.min && options.max ? { sizeBounds: { min: Number(options.min), max: Number(options.max) } } : {}),
        },
      });
      bar.update(100);
      run = await presentRun(services, actor.institutionId, (await runById(services.db, id))!, locale);
    } finally {
      bar.stop();
    }
    if (run.status === 'failed') throw new Error(run.error?.message ?? t('errors.grouping_failed'));
    printSummary(run, t);
    if (options.accept) {
      const accepted = await acceptGroupingRun({ services, actor, runId: run.id, request: { version: run.version, namePrefix: options.name, assignCoaches: true, preferRoleModels: options.roleModels === true }, locale });
      console.log(`\n${t('grouping.draft.accepted')}`);
      for (const c of accepted.accepted ?? []) console.log(`  ${c.name}  ${c.coach ? t('grouping.draft.coach', { name: `${c.coach.firstName} ${c.coach.lastName}` }) : t('grouping.draft.noCoach')}`);
    } else {
      console.log(`\n${t('grouping.cli.saved', { id: run.id })}`);
    }
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      throw new Error(translate(locale, error.messageKey, error.params) + (fields ? ` (${fields})` : ''));
    }
    throw error;
  } finally {
    await database.close();
    release();
  }
}

function printSummary(run: GroupingRunResponse, t: (key: string, params?: Record<string, string | number>) => string) {
  const rows = (run.figures?.attributes ?? []).map((a) => [t(`grouping.attributes.${a.attribute}.name`), a.evenness === null ? t('grouping.draft.suppressed') : `${a.evenness}%`, t('grouping.draft.countedValue', { count: a.disclosed })]);
  const header = [t('grouping.draft.attribute'), t('grouping.draft.evenness'), t('grouping.draft.counted')];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${t('grouping.draft.figuresTitle')}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const [i, c] of run.communities.entries()) {
    console.log(`${t('grouping.draft.community', { number: i + 1 })}: ${t('grouping.draft.size', { count: c.size })}${c.withinBounds ? '' : ` (${t('grouping.draft.outsideBounds', run.settings.sizeBounds)})`}`);
  }
  if (run.elapsedMs !== null) console.log(t('grouping.draft.elapsed', { seconds: (run.elapsedMs / 1000).toFixed(1) }));
}
