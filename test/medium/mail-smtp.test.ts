/** Mail delivery through a real SMTP peer on loopback (smtp-server), and the outbox without one. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/server/db/schema';
import { requestPasswordReset } from '../../src/server/modules/identity/request-password-reset';
import { createMailer } from '../../src/server/modules/mail/mailer';
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

  it('delivers each mail once when two dispatchers (two app instances) run at the same moment', async () => {
    await t.reset();
    received.length = 0;
    for (let i = 0; i < 12; i++) await t.services.mailer.enqueue(t.services.db, { institutionId: null, to: `p${i}@example.test`, subject: `mail ${i}`, text: 'hallo' });
    const other = createMailer({ db: t.services.db, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'peerkracht <no-reply@example.test>' });
    // Each dispatcher starts again as soon as it is done, as the instances' timers do.
    const sent = await Promise.all([t.services.mailer, other].map(async (m) => (await m.dispatch()) + (await m.dispatch())));
    expect(sent[0]! + sent[1]!).toBe(12);
    expect(received.map((r) => r.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}@example.test`).sort());
  });

  it('leaves a mail claimed by another dispatcher alone until the claim ends', async () => {
    await t.reset();
    received.length = 0;
    await t.services.mailer.enqueue(t.services.db, { institutionId: null, to: 'claimed@example.test', subject: 'claimed', text: 'hallo' });
    // As a dispatcher that is delivering it (or died doing so) leaves the row.
    await t.services.db.update(mailOutbox).set({ attempts: 1, claimedUntil: new Date(Date.now() + 60_000) }).where(eq(mailOutbox.recipient, 'claimed@example.test'));
    expect(await t.services.mailer.dispatch()).toBe(0);
    await t.services.db.update(mailOutbox).set({ claimedUntil: new Date(Date.now() - 1) }).where(eq(mailOutbox.recipient, 'claimed@example.test'));
    expect(await t.services.mailer.dispatch()).toBe(1);
    expect(received.map((r) => r.to)).toEqual([['claimed@example.test']]);
    const [row] = await t.services.db.select().from(mailOutbox);
    expect(row).toMatchObject({ attempts: 2, claimedUntil: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
  });
});
