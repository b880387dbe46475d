/** Configuration from the environment, validated once at start-up. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLES, type Role } from '../domain/access/roles';

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
  PEERKRACHT_TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/]+(\s*,\s*[\w.:/]+)*$/, 'a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal; or 0')
    .refine((value) => value !== 'true', 'trusting every proxy lets clients choose their own address; name the proxies')
    .optional(),
  PEERKRACHT_RATE_LIMIT_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  PEERKRACHT_METRICS_TOKEN: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)').regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces').optional(),
  PEERKRACHT_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  PEERKRACHT_SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  PEERKRACHT_SHUTDOWN_DRAIN_PROBES: z.coerce.number().int().min(0).max(100).default(2),
  PEERKRACHT_SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(15),
  // Sign-in methods and MFA (README, docs/operations.md, ADR 0010).
  PEERKRACHT_PASSWORD_SIGN_IN: z.enum(['0', '1']).default('1'),
  PEERKRACHT_OIDC_ISSUER: z.string().url().optional(),
  PEERKRACHT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  PEERKRACHT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  PEERKRACHT_OIDC_REDIRECT_URI: z.string().url().optional(),
  PEERKRACHT_OIDC_HOME_ORGANISATION: z.string().min(1).optional(),
  PEERKRACHT_OIDC_SCOPES: z.string().default('openid email profile'),
  PEERKRACHT_OIDC_LINK_BY: z.enum(['email', 'student-number']).default('email'),
  PEERKRACHT_OIDC_STUDENT_NUMBER_CLAIM: z.string().min(1).default('schac_personal_unique_code'),
  PEERKRACHT_OIDC_EMAIL_TRUST: z.enum(['verified-claim', 'home-organisation']).default('verified-claim'),
  PEERKRACHT_OIDC_AUTO_CREATE: z.enum(['0', '1']).default('0'),
  PEERKRACHT_OIDC_MFA_ACR: z.string().optional(),
  PEERKRACHT_INSTITUTION_ID: z.string().uuid().optional(),
  PEERKRACHT_MFA_REQUIRED_ROLES: z.string().regex(/^[a-z]*(\s*,\s*[a-z]+)*$/, 'a comma-separated list of roles').default('beheerder,finance'),
  PEERKRACHT_MFA_KEY: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  PEERKRACHT_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 random bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  PEERKRACHT_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
  PEERKRACHT_MAIL_DISPATCH_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
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
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): `false` — the connecting
   * address is the client's; otherwise the proxies' addresses or CIDR ranges (proxy-addr names
   * such as `loopback` allowed). request.ip is then the address the outermost trusted proxy saw.
   */
  trustProxy: false | string;
  /** Attempt limits of sign-in and password reset (modules/identity/attempt-limits.ts). */
  /**
   * Graceful shutdown (main.ts): after SIGTERM readiness answers 503 and the listener stays open
   * for up to `drainMs`, or until readiness has answered 503 `drainProbes` times; then in-flight
   * requests and the running job get `timeoutMs` to finish.
   */
  shutdown: { timeoutMs: number; drainMs: number; drainProbes: number };
  /** The bearer token of `GET /metrics`; null: no metrics endpoint (it answers 404). */
  metricsToken: string | null;
  /** Which sign-in methods are on, and MFA (modules/identity, modules/sso; ADR 0010). */
  signIn: SignInConfig;
  /**
   * How often each instance looks for due jobs and for mail to deliver (main.ts). The defaults
   * suit production; the load-balancer test shortens them so three instances race for the same rows.
   */
  polling: { jobsMs: number; mailMs: number };
  attemptLimits: {
    /** The HMAC key of the counters' digests; null: a built-in key (see README). */
    key: string | null;
    /** Failed sign-ins per address in 15 minutes, whatever the accounts. */
    signInPerAddress: number;
  };
  /**
   * The AES-256-GCM key that encrypts financial data at rest (coaches' IBANs, payout files).
   * Required in production; elsewhere a fixed development key (never for real data; see
   * docs/operations.md).
   */
  dataKey: { key: Buffer; development: boolean };
};

/** The institution's single sign-on through OpenID Connect (SURFconext). */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Scopes asked for (`openid` always); SURFconext releases the attributes its dashboard grants. */
  scopes: string[];
  /** The `schac_home_organization` a person must come from, e.g. `hogeschool.nl`. */
  homeOrganisation: string;
  /** How a provider account is first linked to a person: verified e-mail or student number. */
  linkBy: 'email' | 'student-number';
  /** The claim holding the student number (a plain value or a SCHAC URN ending in it). */
  studentNumberClaim: string;
  /** `verified-claim`: an e-mail counts only with `email_verified: true`; `home-organisation`: the institution's own provider vouches for it. */
  emailTrust: 'verified-claim' | 'home-organisation';
  /** Create an unknown person (no roles) instead of refusing them. */
  autoCreate: boolean;
  /** `acr` values that mean the provider already did MFA (then peerkracht does not ask again). */
  mfaAcrValues: string[];
  /** The institution SSO people belong to; null: the installation's only non-demo institution. */
  institutionId: string | null;
};

export type SignInConfig = {
  /** E-mail and password (and magic links, which follow the same switch). */
  password: boolean;
  oidc: OidcConfig | null;
  mfa: {
    /** Roles that must have MFA on before they can do anything else. */
    requiredRoles: Role[];
    /** Encrypts TOTP secrets at rest; null: a built-in key (see README). */
    key: string | null;
  };
};
/** The development key: public, so only for demos and tests — production refuses to start without its own. */
const DEVELOPMENT_DATA_KEY = Buffer.from('peerkracht-development-key-0001!', 'utf8');

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
  if (e.NODE_ENV === 'production' && !e.PEERKRACHT_DATA_KEY) {
    throw new ConfigError(
      'Refusing to start in production without PEERKRACHT_DATA_KEY: coaches\' IBANs and payout files are ' +
        'stored encrypted with it. Generate one with `openssl rand -base64 32`, keep it in your secret ' +
        'store, and back it up apart from the database (without it the IBANs cannot be read).',
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
    trustProxy: trustProxyFrom(e.PEERKRACHT_TRUST_PROXY, e.PEERKRACHT_PUBLIC_URL),
    metricsToken: e.PEERKRACHT_METRICS_TOKEN ?? null,
    shutdown: { timeoutMs: e.PEERKRACHT_SHUTDOWN_TIMEOUT_MS, drainMs: e.PEERKRACHT_SHUTDOWN_DRAIN_MS, drainProbes: e.PEERKRACHT_SHUTDOWN_DRAIN_PROBES },
    polling: { jobsMs: e.PEERKRACHT_JOB_POLL_MS, mailMs: e.PEERKRACHT_MAIL_DISPATCH_MS },
    attemptLimits: { key: e.PEERKRACHT_RATE_LIMIT_KEY ?? null, signInPerAddress: e.PEERKRACHT_SIGN_IN_LIMIT_PER_ADDRESS },
    signIn: signInFrom(e, e.PEERKRACHT_PUBLIC_URL ?? `http://localhost:${e.PORT}`),
    dataKey: e.PEERKRACHT_DATA_KEY ? { key: Buffer.from(e.PEERKRACHT_DATA_KEY, 'base64'), development: false } : { key: DEVELOPMENT_DATA_KEY, development: true },
  };
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

function signInFrom(e: z.infer<typeof Env>, publicUrl: string): SignInConfig {
  const roles = list(e.PEERKRACHT_MFA_REQUIRED_ROLES);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new ConfigError(`Invalid configuration: PEERKRACHT_MFA_REQUIRED_ROLES: unknown role(s) ${unknown.join(', ')}`);
  let oidc: OidcConfig | null = null;
  if (e.PEERKRACHT_OIDC_ISSUER) {
    const missing = (['PEERKRACHT_OIDC_CLIENT_ID', 'PEERKRACHT_OIDC_CLIENT_SECRET', 'PEERKRACHT_OIDC_HOME_ORGANISATION'] as const).filter((name) => !e[name]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration: PEERKRACHT_OIDC_ISSUER is set, so set ${missing.join(', ')} too`);
    oidc = {
      issuer: e.PEERKRACHT_OIDC_ISSUER,
      clientId: e.PEERKRACHT_OIDC_CLIENT_ID ?? '',
      clientSecret: e.PEERKRACHT_OIDC_CLIENT_SECRET ?? '',
      redirectUri: e.PEERKRACHT_OIDC_REDIRECT_URI ?? `${publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback`,
      scopes: [...new Set(['openid', ...e.PEERKRACHT_OIDC_SCOPES.split(/\s+/).filter((scope) => scope !== '')])],
      homeOrganisation: (e.PEERKRACHT_OIDC_HOME_ORGANISATION ?? '').toLowerCase(),
      linkBy: e.PEERKRACHT_OIDC_LINK_BY,
      studentNumberClaim: e.PEERKRACHT_OIDC_STUDENT_NUMBER_CLAIM,
      emailTrust: e.PEERKRACHT_OIDC_EMAIL_TRUST,
      autoCreate: e.PEERKRACHT_OIDC_AUTO_CREATE === '1',
      mfaAcrValues: list(e.PEERKRACHT_OIDC_MFA_ACR),
      institutionId: e.PEERKRACHT_INSTITUTION_ID ?? null,
    };
  }
  if (e.PEERKRACHT_PASSWORD_SIGN_IN === '0' && !oidc) {
    throw new ConfigError('Invalid configuration: PEERKRACHT_PASSWORD_SIGN_IN=0 needs single sign-on (PEERKRACHT_OIDC_ISSUER), or nobody can sign in');
  }
  return { password: e.PEERKRACHT_PASSWORD_SIGN_IN === '1', oidc, mfa: { requiredRoles: roles as Role[], key: e.PEERKRACHT_MFA_KEY ?? null } };
}

/**
 * Unset: with an https public URL (peerkracht does not speak TLS itself, so a reverse proxy or
 * load balancer terminates it) the proxies on loopback and private networks, as Rails does;
 * none otherwise. Never "trust every proxy": then a client's own first X-Forwarded-For entry
 * would be its address, and attempt limits per address would be void. (A hop count is no
 * option: Fastify 5 ignores X-Forwarded-For for hop counts, failing closed.)
 */
export const PRIVATE_PROXIES = 'loopback,linklocal,uniquelocal';

function trustProxyFrom(setting: string | undefined, publicUrl: string | undefined): Config['trustProxy'] {
  if (setting === undefined) return publicUrl?.startsWith('https://') ? PRIVATE_PROXIES : false;
  if (setting === '0' || setting === 'false') return false;
  return setting.split(',').map((part) => part.trim()).join(',');
}
