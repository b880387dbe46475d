/** Mail delivery through a real SMTP peer on loopback (smtp-server), and the outbox without one. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../src/server/modules/identity/request-password-reset';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

type Received = { to: string[]; data: string };

describe(`mail over SMTP on ${testDbKind()}`, () => {
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  let t: TestDb;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    t = await createTestDb({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('delivers an outbox mail once and marks it sent', async () => {
    await t.reset();
    const institution = await t.factories.institution();
    await t.factories.person({ institutionId: institution.id, email: 'ada@example.test', locale: 'en' });
    await requestPasswordReset({ services: t.services, email: 'ada@example.test', address: '127.0.0.1' });

    expect(await t.services.mailer.dispatch()).toBe(1);
    expect(await t.services.mailer.dispatch()).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['ada@example.test']);
    expect(received[0]?.data).toContain('Subject: Your peerkracht password');
    const [row] = await t.services.db.query.mailOutbox.findMany();
    expect(row?.sentAt).toBeInstanceOf(Date);
  });
});
