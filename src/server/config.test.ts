import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

/** A data key as production needs one (32 bytes, base64). */
const DATA_KEY = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  it('defaults to PGlite in ./data on loopback port 3000', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
  });

  it('refuses the embedded database in production, and says why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/fsync off.*DATABASE_URL.*PEERKRACHT_ALLOW_EMBEDDED=1/s);
  });

  it('allows it in production when explicitly overridden', () => {
    expect(loadConfig({ NODE_ENV: 'production', PEERKRACHT_ALLOW_EMBEDDED: '1', PEERKRACHT_DATA_KEY: DATA_KEY }).database.kind).toBe('pglite');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1:5432/pk', PEERKRACHT_DATA_KEY: DATA_KEY }).database.kind).toBe('postgres');
  });

  it('refuses production without the data key that encrypts IBANs and payout files, and says how to make one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1:5432/pk' })).toThrow(/PEERKRACHT_DATA_KEY.*openssl rand -base64 32/s);
    expect(() => loadConfig({ PEERKRACHT_DATA_KEY: 'c2hvcnQ=' })).toThrow(/PEERKRACHT_DATA_KEY: 32 random bytes/);
  });

  it('uses a development data key outside production, and the given key otherwise', () => {
    expect(loadConfig({}).dataKey.development).toBe(true);
    expect(loadConfig({ PEERKRACHT_DATA_KEY: DATA_KEY }).dataKey).toEqual({ key: Buffer.alloc(32, 7), development: false });
  });

  it('rejects an invalid port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it.each([
    [{}, false],
    [{ PEERKRACHT_PUBLIC_URL: 'https://peerkracht.example' }, 'loopback,linklocal,uniquelocal'],
    [{ PEERKRACHT_PUBLIC_URL: 'https://peerkracht.example', PEERKRACHT_TRUST_PROXY: '0' }, false],
    [{ PEERKRACHT_TRUST_PROXY: '192.0.2.10' }, '192.0.2.10'],
    [{ PEERKRACHT_TRUST_PROXY: '10.0.0.0/8, loopback' }, '10.0.0.0/8,loopback'],
  ])('trusts the proxies the setting names (%o → %o)', (env, trustProxy) => {
    expect(loadConfig(env).trustProxy).toBe(trustProxy);
  });

  it('refuses to trust every proxy, and says why', () => {
    expect(() => loadConfig({ PEERKRACHT_TRUST_PROXY: 'true' })).toThrow(/PEERKRACHT_TRUST_PROXY: trusting every proxy/);
  });

  it('refuses a short key for the attempt counters', () => {
    expect(() => loadConfig({ PEERKRACHT_RATE_LIMIT_KEY: 'short' })).toThrow(/PEERKRACHT_RATE_LIMIT_KEY: at least 32/);
    expect(loadConfig({}).attemptLimits).toEqual({ key: null, signInPerAddress: 15 });
  });

  it('takes a metrics token of 32 printable characters or more, and none by default', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ PEERKRACHT_METRICS_TOKEN: 'a'.repeat(32) }).metricsToken).toBe('a'.repeat(32));
    expect(() => loadConfig({ PEERKRACHT_METRICS_TOKEN: 'short' })).toThrow(/PEERKRACHT_METRICS_TOKEN: at least 32/);
    expect(() => loadConfig({ PEERKRACHT_METRICS_TOKEN: `${'a'.repeat(32)} b` })).toThrow(/PEERKRACHT_METRICS_TOKEN: printable ASCII/);
  });

  it('shuts down within 25 seconds without a drain by default, and takes other values', () => {
    expect(loadConfig({}).shutdown).toEqual({ timeoutMs: 25_000, drainMs: 0, drainProbes: 2 });
    const set = loadConfig({ PEERKRACHT_SHUTDOWN_TIMEOUT_MS: '5000', PEERKRACHT_SHUTDOWN_DRAIN_MS: '3000', PEERKRACHT_SHUTDOWN_DRAIN_PROBES: '0' });
    expect(set.shutdown).toEqual({ timeoutMs: 5000, drainMs: 3000, drainProbes: 0 });
    expect(() => loadConfig({ PEERKRACHT_SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/PEERKRACHT_SHUTDOWN_TIMEOUT_MS/);
  });

  it('reads the sign-in methods and MFA settings, and refuses combinations nobody could sign in with', () => {
    expect(loadConfig({}).signIn).toEqual({ password: true, oidc: null, mfa: { requiredRoles: ['beheerder', 'finance'], key: null } });
    expect(loadConfig({ PEERKRACHT_MFA_REQUIRED_ROLES: '' }).signIn.mfa.requiredRoles).toEqual([]);
    expect(() => loadConfig({ PEERKRACHT_MFA_REQUIRED_ROLES: 'beheerder,koning' })).toThrow(/unknown role\(s\) koning/);
    expect(() => loadConfig({ PEERKRACHT_PASSWORD_SIGN_IN: '0' })).toThrow(/nobody can sign in/);
    expect(() => loadConfig({ PEERKRACHT_OIDC_ISSUER: 'https://connect.surfconext.nl' })).toThrow(/PEERKRACHT_OIDC_CLIENT_ID, PEERKRACHT_OIDC_CLIENT_SECRET, PEERKRACHT_OIDC_HOME_ORGANISATION/);
    const sso = loadConfig({
      PEERKRACHT_PUBLIC_URL: 'https://peerkracht.hogeschool.nl',
      PEERKRACHT_PASSWORD_SIGN_IN: '0',
      PEERKRACHT_OIDC_ISSUER: 'https://connect.surfconext.nl',
      PEERKRACHT_OIDC_CLIENT_ID: 'peerkracht',
      PEERKRACHT_OIDC_CLIENT_SECRET: 'secret',
      PEERKRACHT_OIDC_HOME_ORGANISATION: 'Hogeschool.nl',
      PEERKRACHT_OIDC_MFA_ACR: 'https://refeds.org/profile/mfa, http://schemas.microsoft.com/claims/multipleauthn',
    }).signIn;
    expect(sso.password).toBe(false);
    expect(sso.oidc).toMatchObject({
      redirectUri: 'https://peerkracht.hogeschool.nl/api/auth/oidc/callback',
      homeOrganisation: 'hogeschool.nl',
      scopes: ['openid', 'email', 'profile'],
      linkBy: 'email',
      autoCreate: false,
      mfaAcrValues: ['https://refeds.org/profile/mfa', 'http://schemas.microsoft.com/claims/multipleauthn'],
    });
  });
});
