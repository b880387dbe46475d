/**
 * The audit log of reads of sensitive content (one-on-one notes, resilience maps, check-ins,
 * signals) by someone other than the person it is about. Use cases call `recordRead` in the
 * same transaction as the read, after the access policy allowed it; the subject can list who
 * looked and when.
 */
import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog, people } from '../../db/schema';

export type SensitiveResourceType = 'oneOnOneNote' | 'resilienceMap' | 'checkin' | 'signal' | 'referral' | 'logbook';

export type RecordReadOptions = {
  actorId: string;
  subjectId: string;
  resourceType: SensitiveResourceType;
  resourceId: string;
};

/** Records a read; reads by the subject themselves are not recorded (nothing to account for). */
export async function recordRead(db: Db, read: RecordReadOptions): Promise<void> {
  if (read.actorId === read.subjectId) return;
  await db.insert(auditLog).values({
    actorId: read.actorId,
    subjectId: read.subjectId,
    action: 'read',
    resourceType: read.resourceType,
    resourceId: read.resourceId,
  });
}

/**
 * Who read the subject's content, newest first: one line per reader, object and hour, with the
 * latest read in that hour and how many there were. A coach who opens a session page three times
 * in an hour is one line with a count of 3, not three (the audit table keeps all three reads).
 */
export async function listReadsOf(db: Db, subjectId: string, options: { resourceType?: SensitiveResourceType; limit?: number } = {}) {
  const hour = sql`date_trunc('hour', ${auditLog.at})`;
  const latest = sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at);
  return db
    .select({
      at: latest,
      count: sql<number>`count(*)`.mapWith(Number),
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      actorId: auditLog.actorId,
      actorFirstName: people.firstName,
      actorLastName: people.lastName,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.subjectId, subjectId),
        eq(auditLog.action, 'read'),
        // A read by an account deleted since (actor set to null) still counts: only the subject's own reads are left out.
        or(isNull(auditLog.actorId), ne(auditLog.actorId, subjectId)),
        options.resourceType ? eq(auditLog.resourceType, options.resourceType) : undefined,
      ),
    )
    .groupBy(auditLog.actorId, people.firstName, people.lastName, auditLog.resourceType, auditLog.resourceId, hour)
    .orderBy(desc(latest))
    .limit(options.limit ?? 200);
}
