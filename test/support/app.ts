import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { startMailbox, type Mailbox, type MailboxOptions } from '../e2e/support/mailbox';
import { createTestDb, type TestDb } from './test-db';

/** A test database plus the real Fastify app on it. */
export async function createTestApp(options: { smtpUrl?: string } = {}): Promise<{ t: TestDb; app: FastifyInstance }> {
  const t = await createTestDb(options);
  const app = await buildApp({ services: t.services });
  return { t, app };
}

/**
 * The app on a test database, delivering its mail over SMTP to a real smtp-server peer on
 * loopback (`test/e2e/support/mailbox.ts`). `close` shuts all three in order: the app (its
 * delivery loop), the database, then the peer.
 */
export async function createTestAppWithMailbox(options: MailboxOptions = {}): Promise<{ t: TestDb; app: FastifyInstance; mailbox: Mailbox; close: () => Promise<void> }> {
  const mailbox = await startMailbox(options);
  const { t, app } = await createTestApp({ smtpUrl: mailbox.smtpUrl });
  return {
    t,
    app,
    mailbox,
    close: async () => {
      await app.close();
      await t.close();
      await mailbox.close();
    },
  };
}
