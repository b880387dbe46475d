/**
 * Erasure (AVG art. 17): a person asks for themselves; the coordinator of their programme or the
 * beheerder carries it out within a month (art. 12(3)). Carrying it out follows the personal-data
 * registry's `subject` of every table: rows are deleted or unlinked, mail to the person's address
 * leaves the outbox (and any mail or durable job that names the person's id), files (photos,
 * receipts) go with their rows, and rows under a legal duty
 * (financial records, 7 years) stay — the person row then stays too, irreversibly anonymised, so
 * they name nobody. The access caches drop what they hold by the database's change triggers
 * (ADR 0006). The request keeps only the proof: dates, who carried it out, counts per table.
 * Registry-wide by design (ADR 0008).
 */
import { zonedParts } from '../../../domain/sessions/zoned-time';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { PERSONAL_DATA_REGISTRY } from '../../db/personal-data-registry';
import { classes, classMembers, communities, communityMembers, erasureRequests, intakes, people, roleAssignments, type ErasureOutcome } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { translate, type Locale } from '../../../i18n/translate';
import { ANONYMISED_DOMAIN } from '../retention/public';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db, query: ReturnType<typeof sql>): Promise<Row[]> => {
  const result: unknown = await db.execute(query);
  // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
  return (result as { rows: Row[] }).rows;
};
const affected = async (db: Db, query: ReturnType<typeof sql>): Promise<number> => {
  const [row] = await rowsOf(db, sql`with changed as (${query} returning 1) select count(*)::int as n from changed`);
  return Number(row?.n ?? 0);
};

/** One month after the request (AVG art. 12(3)): the same day next month, or its last day. */
export function erasureDueOn(requestedAt: Date): string {
  // The day the person asked, in the Netherlands (a request at 23:30 UTC in winter is made the next day).
  const asked = zonedParts(requestedAt);
  const d = new Date(Date.UTC(asked.year, asked.month, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(asked.day, last));
  return d.toISOString().slice(0, 10);
}

const asLocale = (value: unknown): Locale => (value === 'en' ? 'en' : 'nl');

/** The programmes a person belongs to: roles, classes, communities. */
async function programmesOf(db: Db, personId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const r of await db.select({ id: roleAssignments.programmeId }).from(roleAssignments).where(eq(roleAssignments.personId, personId))) if (r.id) ids.add(r.id);
  for (const r of await db
    .select({ id: intakes.programmeId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .where(eq(classMembers.personId, personId)))
    ids.add(r.id);
  for (const r of await db
    .select({ id: intakes.programmeId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .where(eq(communityMembers.personId, personId)))
    ids.add(r.id);
  return [...ids].sort();
}

export async function getMyErasureRequest(db: Db, personId: string) {
  const [row] = await db
    .select({ id: erasureRequests.id, requestedAt: erasureRequests.requestedAt, dueOn: erasureRequests.dueOn, reason: erasureRequests.reason })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.personId, personId), eq(erasureRequests.status, 'open')));
  return row ? { id: row.id, requestedAt: row.requestedAt.toISOString(), dueOn: row.dueOn, reason: row.reason } : null;
}

export async function requestErasure(options: { services: Services; personId: string; institutionId: string; forPersonId?: string; reason?: string }) {
  const { services, personId, institutionId } = options;
  if (options.forPersonId !== undefined && options.forPersonId !== personId) throw new AppError('erasure_only_for_yourself');
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const programmeIds = await programmesOf(tx, personId);
    const [row] = await tx
      .insert(erasureRequests)
      .values({ institutionId, personId, programmeIds, reason: options.reason ? options.reason : null, requestedAt: now, dueOn: erasureDueOn(now) })
      .onConflictDoNothing()
      .returning({ id: erasureRequests.id, dueOn: erasureRequests.dueOn });
    if (!row) throw new AppError('erasure_already_requested');
    // Who handles it hears of it — without a name (no personal data in e-mail): the coordinators
    // of the person's programmes, or the beheerders when there are none.
    const handlers = await tx
      .selectDistinct({ email: people.email, locale: people.locale })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.institutionId, institutionId),
          programmeIds.length
            ? sql`${roleAssignments.role} = 'coordinator' and (${roleAssignments.programmeId} is null or ${inArray(roleAssignments.programmeId, programmeIds)})`
            : eq(roleAssignments.role, 'beheerder'),
        ),
      );
    for (const h of handlers) {
      const locale = asLocale(h.locale);
      await services.mailer.enqueue(tx, {
        institutionId,
        to: h.email,
        subject: translate(locale, 'rights.mail.newRequest.subject'),
        text: translate(locale, 'rights.mail.newRequest.text', { dueOn: row.dueOn }),
      });
    }
    return { id: row.id, dueOn: row.dueOn };
  });
}

/** Open requests the actor handles (all for a beheerder; their programmes' for a coordinator) and the record of those done. */
export async function listErasureRequests(options: { db: Db; institutionId: string; programmeIds: readonly string[] | 'all'; now: Date }) {
  const { db, institutionId, programmeIds, now } = options;
  const mine = (ids: readonly string[]) => programmeIds === 'all' || ids.some((id) => programmeIds.includes(id));
  const open = await db
    .select({ id: erasureRequests.id, programmeIds: erasureRequests.programmeIds, reason: erasureRequests.reason, requestedAt: erasureRequests.requestedAt, dueOn: erasureRequests.dueOn, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(erasureRequests)
    .innerJoin(people, eq(people.id, erasureRequests.personId))
    .where(and(eq(erasureRequests.institutionId, institutionId), eq(erasureRequests.status, 'open')))
    .orderBy(asc(erasureRequests.dueOn));
  const doneBy = sql<string | null>`(select first_name || ' ' || last_name from ${people} where ${people.id} = ${erasureRequests.doneById})`;
  const done = await db
    .select({ id: erasureRequests.id, programmeIds: erasureRequests.programmeIds, requestedAt: erasureRequests.requestedAt, dueOn: erasureRequests.dueOn, doneAt: erasureRequests.doneAt, doneBy, doneAs: erasureRequests.doneAs, outcome: erasureRequests.outcome })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.institutionId, institutionId), eq(erasureRequests.status, 'done')))
    .orderBy(desc(erasureRequests.doneAt))
    .limit(200);
  const today = zonedParts(now).date;
  return {
    open: open
      .filter((r) => mine(r.programmeIds))
      .map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, email: r.email, reason: r.reason, requestedAt: r.requestedAt.toISOString(), dueOn: r.dueOn, overdue: r.dueOn < today })),
    done: done
      .filter((r) => mine(r.programmeIds))
      .map((r) => ({
        id: r.id,
        requestedAt: r.requestedAt.toISOString(),
        dueOn: r.dueOn,
        doneAt: r.doneAt!.toISOString(),
        doneBy: r.doneBy,
        doneAs: r.doneAs,
        outcome: r.outcome ?? { removed: {}, kept: {}, personAnonymised: false },
      })),
  };
}

/** The request as the access policy needs it: its institution and programmes; null when missing. */
export async function loadErasureRequest(db: Db, id: string) {
  const [row] = await db
    .select({ institutionId: erasureRequests.institutionId, programmeIds: erasureRequests.programmeIds })
    .from(erasureRequests)
    .where(eq(erasureRequests.id, id));
  return row ?? null;
}

/** Removes every row of the person the registry names; answers the counts. Exported for the erasure test. */
export async function erasePersonRows(tx: Db, person: { id: string; email: string }, keepMailId: string | null): Promise<ErasureOutcome> {
  const removed: Record<string, number> = {};
  const kept: Record<string, number> = {};
  const add = (into: Record<string, number>, table: string, n: number) => {
    if (n > 0) into[table] = (into[table] ?? 0) + n;
  };
  const entries = Object.entries(PERSONAL_DATA_REGISTRY).filter(([table, e]) => table !== 'people' && table !== 'erasure_requests' && e.subject && !('none' in e.subject));
  // Counted first: rows that go with their parent row (cascade) when that is deleted below.
  for (const [table, e] of entries) {
    const s = e.subject!;
    if ('none' in s || !s.via) continue;
    const { column, parent, parentColumn } = s.via;
    const [r] = await rowsOf(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} in (select id from ${sql.identifier(parent)} where ${sql.identifier(parentColumn)} = ${person.id})`);
    add(removed, table, Number(r?.n ?? 0));
  }
  for (const [table, e] of entries) {
    const s = e.subject!;
    if ('none' in s) continue;
    const t = sql.identifier(table);
    if (s.email) {
      const c = sql.identifier(s.email);
      const keep = table === 'mail_outbox' && keepMailId ? sql` and id <> ${keepMailId}` : sql``;
      add(removed, table, await affected(tx, sql`delete from ${t} where lower(${c}) = lower(${person.email})${keep}`));
    }
    for (const [column, link] of Object.entries(s.columns ?? {})) {
      const c = sql.identifier(column);
      if (link.erase === 'legal hold') {
        const [r] = await rowsOf(tx, sql`select count(*)::int as n from ${t} where ${c} = ${person.id}`);
        add(kept, table, Number(r?.n ?? 0));
      } else if (link.erase === 'delete') {
        add(removed, table, await affected(tx, sql`delete from ${t} where ${c} = ${person.id}`));
      } else {
        add(removed, table, await affected(tx, sql`update ${t} set ${c} = null where ${c} = ${person.id}`));
      }
    }
  }
  // Durable jobs and mail that name the person by id (a payload, a dedupe key, an error text, a
  // mail body): today's job kinds carry record ids only and mails never name a person's id, but a
  // job kind or mail added later must not outlive the person. A running job that loses its row
  // finishes harmlessly (its completion updates nothing).
  const idPattern = `%${person.id}%`;
  add(removed, 'jobs', await affected(tx, sql`delete from jobs where payload::text like ${idPattern} or coalesce(dedupe_key, '') like ${idPattern} or coalesce(last_error, '') like ${idPattern}`));
  const keepMail = keepMailId ? sql` and id <> ${keepMailId}` : sql``;
  add(removed, 'mail_outbox', await affected(tx, sql`delete from mail_outbox where (subject like ${idPattern} or body_text like ${idPattern} or lower(body_text) like lower(${`%${person.email}%`}))${keepMail}`));
  const personAnonymised = Object.keys(kept).length > 0;
  if (personAnonymised) {
    // The legal-hold rows need the person row (foreign key): it stays, naming nobody.
    await tx
      .update(people)
      .set({ firstName: '—', lastName: '—', email: `${person.id}@${ANONYMISED_DOMAIN}`, studentNumber: null })
      .where(eq(people.id, person.id));
  } else {
    await tx.delete(people).where(eq(people.id, person.id));
  }
  removed.people = 1;
  return { removed, kept, personAnonymised };
}

export async function carryOutErasure(options: { services: Services; requestId: string; actorId: string; actingAs: 'coordinator' | 'beheerder' }) {
  const { services, requestId, actorId, actingAs } = options;
  const now = services.now();
  return services.db.transaction(async (tx) => {
    // Claims the request: a second, concurrent carry-out waits here and then finds it done (409).
    const [claimed] = await rowsOf(tx, sql`select person_id from ${erasureRequests} where id = ${requestId} and status = 'open' for update`);
    if (!claimed) throw new AppError('erasure_already_done');
    const personId = claimed.person_id as string | null;
    let outcome: ErasureOutcome = { removed: {}, kept: {}, personAnonymised: false };
    let mailId: string | null = null;
    if (personId) {
      const [person] = await tx.select({ id: people.id, email: people.email, locale: people.locale, institutionId: people.institutionId }).from(people).where(eq(people.id, personId));
      if (person) {
        // Counted before the rows go, so the confirmation can say what is kept and why.
        const holds = Object.entries(PERSONAL_DATA_REGISTRY).filter(([, e]) => e.subject && !('none' in e.subject) && Object.values(e.subject.columns ?? {}).some((c) => c.erase === 'legal hold'));
        let held = 0;
        for (const [table, e] of holds) {
          if (!e.subject || 'none' in e.subject) continue;
          for (const [column, c] of Object.entries(e.subject.columns ?? {})) {
            if (c.erase !== 'legal hold') continue;
            const [r] = await rowsOf(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${person.id}`);
            held += Number(r?.n ?? 0);
          }
        }
        const locale = asLocale(person.locale);
        // The confirmation goes to the address before it is erased; the retention pass deletes
        // the mail once delivered, and with it the address.
        mailId = await services.mailer.enqueue(tx, {
          institutionId: person.institutionId,
          to: person.email,
          subject: translate(locale, 'rights.mail.done.subject'),
          text: translate(locale, held > 0 ? 'rights.mail.done.textWithHold' : 'rights.mail.done.text'),
        });
        outcome = await erasePersonRows(tx, { id: person.id, email: person.email }, mailId);
      }
    }
    await tx
      .update(erasureRequests)
      .set({ status: 'done', personId: null, reason: null, doneAt: now, doneById: actorId, doneAs: actingAs, outcome, confirmationMailId: mailId })
      .where(eq(erasureRequests.id, requestId));
    return { id: requestId, doneAt: now.toISOString(), outcome };
  });
}
