/**
 * Mail goes into the outbox table first (in the same transaction as the change that caused it,
 * where there is one), then a dispatcher delivers it over SMTP when configured. Without SMTP the
 * mail stays in the outbox, which the beheerder can read in the app — with the token of every
 * link that works without signing in hidden (secret-links.ts): delivery is the only reader of the
 * whole mail.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
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
/** Mails one dispatch delivers at most. */
const BATCH = 50;
/**
 * How long a claim on a mail in delivery holds: longer than nodemailer's own time limits on one
 * delivery (connect 2 min, greeting 30 s, socket 10 min). A dispatcher that dies while delivering
 * leaves the mail to be sent again after this (at least once: SMTP cannot say whether it arrived).
 */
export const CLAIM_MS = 15 * 60_000;

/**
 * Claims the oldest waiting mail for this dispatcher: one statement, so that two dispatchers
 * (instances, or two ticks of one) never take the same mail — a mail in delivery is claimed until
 * CLAIM_MS from now, and rows another dispatcher is claiming are skipped.
 */
async function claimNext(db: Db, now: Date, skip: readonly string[]) {
  const next = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        isNull(mailOutbox.sentAt),
        lt(mailOutbox.attempts, MAX_ATTEMPTS),
        or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, now)),
        skip.length ? notInArray(mailOutbox.id, [...skip]) : undefined,
      ),
    )
    .orderBy(asc(mailOutbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(mailOutbox.id, next))
    .returning();
  return row ?? null;
}

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
      let sent = 0;
      // One attempt per mail per dispatch: a failed one waits for the next.
      const tried: string[] = [];
      for (let n = 0; n < BATCH; n++) {
        const mail = await claimNext(options.db, new Date(), tried);
        if (!mail) break;
        tried.push(mail.id);
        try {
          await transport.sendMail({ from: options.from, to: mail.recipient, subject: mail.subject, text: mail.bodyText });
          await options.db.update(mailOutbox).set({ sentAt: new Date(), lastError: null, claimedUntil: null }).where(eq(mailOutbox.id, mail.id));
          sent++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // A permanent refusal (5xx, e.g. "550 no such user") is a bounce: retrying cannot help.
          const bounced = isPermanentRefusal(error);
          // A mail server's refusal may quote the message: keep no secret link in the error.
          // The claim ends: the next dispatch (of any instance) tries again — unless it bounced.
          await options.db
            .update(mailOutbox)
            .set({ lastError: redactSecretLinks(message).slice(0, 500), claimedUntil: null, ...(bounced ? { bouncedAt: new Date(), attempts: MAX_ATTEMPTS } : {}) })
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
