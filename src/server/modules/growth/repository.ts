/** The growth context's reads for the access policy: a student to nominate, a training that took place. */
import { and, eq, inArray } from 'drizzle-orm';
import type { NomineeResource, TrainingResource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import { attendanceMarks, classes, classMembers, intakes, people, programmes, sessions } from '../../db/schema';

/** A person of the institution as someone to nominate: the classes they are in, with programme and leercoach. */
export async function nomineeResource(db: Db, institutionId: string, personId: string): Promise<NomineeResource | null> {
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.institutionId, institutionId)));
  if (!person) return null;
  const rows = await db
    .select({ programmeId: intakes.programmeId, leercoachId: classes.leercoachId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .where(eq(classMembers.personId, personId));
  return { kind: 'nominee', institutionId, personId, classes: rows };
}

/** A coach training of the institution with the coaches who attended it (present or late). */
export async function trainingResource(db: Db, institutionId: string, sessionId: string): Promise<TrainingResource | null> {
  const [session] = await db
    .select({ id: sessions.id, programmeId: sessions.programmeId })
    .from(sessions)
    .innerJoin(programmes, eq(programmes.id, sessions.programmeId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.type, 'coachTraining'), eq(programmes.institutionId, institutionId)));
  if (!session) return null;
  const attendees = await db
    .select({ personId: attendanceMarks.personId })
    .from(attendanceMarks)
    .where(and(eq(attendanceMarks.sessionId, sessionId), inArray(attendanceMarks.status, ['present', 'late'])));
  return { kind: 'training', institutionId, programmeId: session.programmeId, sessionId, attendeeIds: attendees.map((a) => a.personId) };
}
