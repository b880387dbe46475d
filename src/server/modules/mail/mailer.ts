/**
 * Mail goes into the outbox table first (in the same transaction as the change that caused it,
 * where there is one), then a dispatcher delivers it over SMTP when configured. Without SMTP the
 * mail stays in the outbox, which the beheerder can read in the app — with the token of every
 * link that works without signing in hidden (secret-links.ts): delivery is the only reader of the
 * whole mail.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { mailOutbox } from '../../db/schema';
import { redactSecretLinks } from './secret-links';

export type OutgoingMail = {
  institutionId: string | null;
  to: string;
  subject: string;
  text: string;
};

export type Mailer = {
  /** Writes the mail to the outbox; answers its id (to ask later whether it bounced). */
  enqueue(db: Db, mail: OutgoingMail): Promise<string>;
  /** Delivers what is waiting; returns the number delivered. No-op without SMTP. */
  dispatch(): Promise<number>;
  readonly delivers: boolean;
};

const MAX_ATTEMPTS = 5;

export type OutboxBacklog = {
  /** Mail waiting for delivery (not sent, attempts left). */
  unsent: number;
  /** Seconds since the oldest waiting mail was written; 0 when none waits. */
  oldestUnsentSeconds: number;
  /** Mail given up after MAX_ATTEMPTS failed deliveries. */
  givenUp: number;
};

/** The outbox's backlog, for the metrics endpoint: one query over the unsent rows' index. */
export async function outboxBacklog(db: Db, now: Date): Promise<OutboxBacklog> {
  const [row] = await db
    .select({
      unsent: sql<number>`(count(*) filter (where ${mailOutbox.attempts} < ${MAX_ATTEMPTS}))::int`,
      oldest: sql<number | null>`extract(epoch from (${now.toISOString()}::timestamptz - min(${mailOutbox.createdAt}) filter (where ${mailOutbox.attempts} < ${MAX_ATTEMPTS})))::float8`,
      givenUp: sql<number>`(count(*) filter (where ${mailOutbox.attempts} >= ${MAX_ATTEMPTS}))::int`,
    })
    .from(mailOutbox)
    .where(isNull(mailOutbox.sentAt));
  return { unsent: row?.unsent ?? 0, oldestUnsentSeconds: Math.max(0, row?.oldest ?? 0), givenUp: row?.givenUp ?? 0 };
}

export function createMailer(options: { db: Db; smtpUrl: string | null; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    delivers: transport !== null,
    async enqueue(db, mail) {
      const [row] = await db
        .insert(mailOutbox)
        .values({
          institutionId: mail.institutionId,
          recipient: mail.to,
          subject: mail.subject,
          bodyText: mail.text,
        })
        .returning({ id: mailOutbox.id });
      return row!.id;
    },
    async dispatch() {
      if (!transport) return 0;
      const waiting = await options.db
        .select()
        .from(mailOutbox)
        .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(mailOutbox.createdAt))
        .limit(50);
      let sent = 0;
      for (const mail of waiting) {
        // Claim the row first so two app instances never send the same mail twice.
        const claimed = await options.db
          .update(mailOutbox)
          .set({ attempts: mail.attempts + 1 })
          .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.attempts, mail.attempts), isNull(mailOutbox.sentAt)))
          .returning({ id: mailOutbox.id });
        if (claimed.length === 0) continue;
        try {
          await transport.sendMail({ from: options.from, to: mail.recipient, subject: mail.subject, text: mail.bodyText });
          await options.db.update(mailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, mail.id));
          sent++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // A permanent refusal (5xx, e.g. "550 no such user") is a bounce: retrying cannot help.
          const bounced = isPermanentRefusal(error);
          // A mail server's refusal may quote the message: keep no secret link in the error.
          await options.db
            .update(mailOutbox)
            .set({ lastError: redactSecretLinks(message).slice(0, 500), ...(bounced ? { bouncedAt: new Date(), attempts: MAX_ATTEMPTS } : {}) })
            .where(eq(mailOutbox.id, mail.id));
        }
      }
      return sent;
    },
  };
}

/**
 * Did the receiving server refuse for good? nodemailer reports the SMTP reply code of a refused
 * recipient or message as `responseCode`; 5xx is permanent (RFC 5321 §4.2.1), 4xx is worth a retry.
 */
function isPermanentRefusal(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Which of these outbox mails bounced (the receiving server refused the recipient for good). */
export async function bouncedMails(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.id, [...ids]), isNotNull(mailOutbox.bouncedAt)));
  return new Set(rows.map((r) => r.id));
}

export async function listOutbox(db: Db, institutionId: string, limit = 100) {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.institutionId, institutionId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
