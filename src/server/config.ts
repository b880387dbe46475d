/** Configuration from the environment, validated once at start-up. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  PEERKRACHT_DATA_DIR: z.string().optional(),
  PEERKRACHT_ALLOW_EMBEDDED: z.enum(['0', '1']).optional(),
  PEERKRACHT_PUBLIC_URL: z.string().url().optional(),
  PEERKRACHT_DEMO: z.enum(['0', '1']).optional(),
  PEERKRACHT_CONTENT_DIR: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('peerkracht <no-reply@peerkracht.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PEERKRACHT_TIMETABLE_URLS: z.enum(['0', '1']).default('0'),
  PEERKRACHT_TIMETABLE_URL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PEERKRACHT_TIMETABLE_URL_MAX_BYTES: z.coerce.number().int().min(1_000).max(50_000_000).default(2_000_000),
  PEERKRACHT_TIMETABLE_URL_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  publicUrl: string;
  loadDemo: boolean;
  /** Seed content (activities, roadmap, questions, help directory, consents); see content/README.md. */
  contentDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  /** Fetching timetables from a URL (off by default: the server then calls addresses users give). */
  timetableUrls: { enabled: boolean; timeoutMs: number; maxBytes: number; allowPrivate: boolean };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL && e.PEERKRACHT_ALLOW_EMBEDDED !== '1') {
    throw new ConfigError(
      'Refusing to start in production on the embedded database (PGlite). PGlite runs with fsync off ' +
        'and allows one process: a power cut can lose acknowledged writes, and the app cannot scale ' +
        'out. Set DATABASE_URL to a PostgreSQL server, or set PEERKRACHT_ALLOW_EMBEDDED=1 if you ' +
        'accept this (a small pilot with backups).',
    );
  }
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(e.PEERKRACHT_DATA_DIR ?? 'data') };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    publicUrl: e.PEERKRACHT_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    loadDemo: e.PEERKRACHT_DEMO !== '0',
    contentDir: path.resolve(e.PEERKRACHT_CONTENT_DIR ?? path.join(REPO_ROOT, 'content')),
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    timetableUrls: {
      enabled: e.PEERKRACHT_TIMETABLE_URLS === '1',
      timeoutMs: e.PEERKRACHT_TIMETABLE_URL_TIMEOUT_MS,
      maxBytes: e.PEERKRACHT_TIMETABLE_URL_MAX_BYTES,
      allowPrivate: e.PEERKRACHT_TIMETABLE_URL_ALLOW_PRIVATE === '1',
    },
  };
}
