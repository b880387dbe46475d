import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

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
    expect(loadConfig({ NODE_ENV: 'production', PEERKRACHT_ALLOW_EMBEDDED: '1' }).database.kind).toBe('pglite');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@127.0.0.1:5432/pk' }).database.kind).toBe('postgres');
  });

  it('rejects an invalid port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
