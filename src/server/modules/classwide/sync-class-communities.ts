/**
 * Class communities follow their class's enrolment (#21 item 3, ADR 0027): after an enrolment
 * path wrote `class_members` (the student import), each class community of the touched classes
 * gets its new students (joined as `added`) and lets go of those no longer enrolled (left as
 * `moved`, no ending). Runs inside the caller's transaction, under the intake's row lock — the
 * same lock a coach link takes — so a link and an import never add a student twice. Idempotent:
 * a second run changes nothing.
 */
import type { Db } from '../../db/client';
import { classCommunitiesOf, intakeOf, syncMembers } from './repository';

export async function syncClassCommunities(tx: Db, intakeId: string, classIds: readonly string[], at: Date): Promise<{ joined: number; left: number }> {
  if (classIds.length === 0) return { joined: 0, left: 0 };
  const touched = new Set(classIds);
  const linked = (await classCommunitiesOf(tx, intakeId)).filter((c) => c.classId !== null && touched.has(c.classId));
  if (linked.length === 0) return { joined: 0, left: 0 };
  await intakeOf(tx, intakeId, true);
  let joined = 0;
  let left = 0;
  for (const community of linked) {
    const change = await syncMembers(tx, community.id, community.classId!, at, false);
    joined += change.joined;
    left += change.left;
  }
  return { joined, left };
}
