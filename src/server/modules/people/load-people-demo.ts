import type { Db } from '../../db/client';
import { people, roleEvents } from '../../db/schema';

export type PeopleDemoOptions = {
  institutionId: string;
  programmeId: string;
  domain: string;
  now: Date;
  beheerderId: string;
  coordinatorId: string;
  leercoach: { personId: string; classCodes: string[] };
  senior: { personId: string; supervisedIds: string[] };
};

/**
 * The people demo: a new teacher the beheerder created who has not activated their account yet
 * (to make leercoach of a class), and the history of the demo leercoach's and senior coach's
 * roles, so "Mijn rollen" shows who granted what. The demo coaches can be promoted to senior coach.
 */
export async function loadPeopleDemo(tx: Db, o: PeopleDemoOptions): Promise<void> {
  await tx.insert(people).values({ institutionId: o.institutionId, firstName: 'Daan', lastName: 'de Vries', email: `d.devries@${o.domain}`, locale: 'nl' });
  const daysAgo = (days: number) => new Date(o.now.getTime() - days * 86_400_000);
  await tx.insert(roleEvents).values([
    { institutionId: o.institutionId, personId: o.leercoach.personId, actorId: o.beheerderId, actorRole: 'beheerder', kind: 'granted', role: 'leercoach', programmeId: o.programmeId, reason: 'Docent van klas SW1A', details: { classCodes: o.leercoach.classCodes }, at: daysAgo(60) },
    { institutionId: o.institutionId, personId: o.senior.personId, actorId: o.coordinatorId, actorRole: 'coordinator', kind: 'granted', role: 'seniorcoach', programmeId: o.programmeId, reason: 'Tweede jaar als coach, begeleidt drie coaches', details: { supervisedIds: o.senior.supervisedIds }, at: daysAgo(45) },
  ]);
}
