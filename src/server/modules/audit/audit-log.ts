/**
 * The audit log of reads of sensitive content (one-on-one notes, resilience maps, check-ins,
 * signals) by someone other than the person it is about. Use cases call `recordRead` in the
 * same transaction as the read, after the access policy allowed it; the subject can list who
 * looked and when.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
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

/** Who read the subject's content, newest first. */
export async function listReadsOf(db: Db, subjectId: string, limit = 200) {
  return db
    .select({
      at: auditLog.at,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      actorId: auditLog.actorId,
      actorFirstName: people.firstName,
      actorLastName: people.lastName,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, 'read'), ne(auditLog.actorId, subjectId)))
    .orderBy(desc(auditLog.at))
    .limit(limit);
}
