/**
 * A mail server on loopback (smtp-server) that keeps what the app delivers: the recipient's side
 * of a mail. Links that work without signing in are only whole here — the beheerder's outbox
 * hides their tokens.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type DeliveredMail = { to: string[]; text: string };

export type Mailbox = {
  readonly smtpUrl: string;
  /** How many mails have been delivered so far (to look only at later ones with `find`). */
  count(): number;
  /** Every mail delivered so far, in order of arrival. */
  all(): readonly DeliveredMail[];
  /**
   * Waits until a mail to `to` arrives whose text matches `pattern`, among the mails delivered
   * after the first `since`; answers the first match group (or the whole match).
   */
  find(to: string, pattern: RegExp, options?: { since?: number; timeoutMs?: number }): Promise<string>;
  close(): Promise<void>;
};

/** The text of a raw message: headers off, quoted-printable decoded (how nodemailer sends long lines). */
function bodyOf(raw: string): string {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = /content-transfer-encoding:\s*quoted-printable/i.test(headers)
    ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : body;
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** `refuse`: recipients this server refuses for good (550), as a mail server does an unknown user. */
export type MailboxOptions = { refuse?: readonly string[] };

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const delivered: DeliveredMail[] = [];
  const refused = new Set((options.refuse ?? []).map((a) => a.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
      return callback(error);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
      stream.on('end', () => {
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), text: bodyOf(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    count: () => delivered.length,
    all: () => [...delivered],
    async find(to, pattern, { since = 0, timeoutMs = 60_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const mail of delivered.slice(since)) {
          const match = mail.to.includes(to) ? pattern.exec(mail.text) : null;
          if (match) return match[1] ?? match[0];
        }
        if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern} arrived (${delivered.length} delivered)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
