import { defineConfig } from 'vitest/config';

// Three named tiers (docs/adr/0003-test-strategy.md):
//   small  — pure code under src/, milliseconds each
//   medium — use cases against a real database (PGlite, and PostgreSQL when PEERKRACHT_TEST_DB=postgres)
//   e2e    — a real Chromium against a real server
//   a11y   — the accessibility crawl (every route × role × nl/en × 360/1280 px): a long suite of its
//            own, `npm run test:a11y`, run before resolving and recorded in docs/accessibility.md
export default defineConfig({
  test: {
    setupFiles: ['test/setup/fail-on-console-error.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'small', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'medium',
          include: ['test/medium/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // expect.poll waits for a condition as long as a playwright step does (suite.ts), not
          // the default second, which a busy machine overruns.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'a11y',
          include: ['test/e2e/**/*.crawl.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
