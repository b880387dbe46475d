/** A small programme for the consent and support tests: one community with a coach and two coachees. */
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../support/test-db';
import { signedIn, type Client } from '../support/http';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { seedHelpDirectory } from '../../src/server/modules/support/seed-help-directory';

let hashed: Promise<string> | null = null;
/** Fresh addresses per fixture: sign-in is rate limited per account. */
let run = 0;

export const PASSWORD = 'een lang wachtwoord';

type Who = 'coach' | 'otherCoach' | 'coachee' | 'otherCoachee' | 'senior' | 'coordinator' | 'coordinator2' | 'otherCoordinator' | 'leercoach' | 'onderzoeker' | 'beheerder';

/** Signs in only the people a test names (signing in costs an argon2 verification each). */
export async function supportFixture(t: TestDb, app: FastifyInstance, signIn: readonly Who[]) {
  const f = t.factories;
  const passwordHash = await (hashed ??= hashPassword(PASSWORD));
  const n = ++run;
  const institution = await f.institution();
  const programme = await f.programme(institution.id);
  const otherProgramme = await f.programme(institution.id);
  const intake = await f.intake(programme.id);
  const person = (roles: Parameters<typeof f.person>[0]['roles'], name: string, programmeId: string = programme.id) =>
    f.person({ institutionId: institution.id, roles, programmeId, firstName: name, lastName: `Test${name}`, email: `${name.toLowerCase()}.${n}@example.test`, passwordHash });
  const people = {
    coach: await person(['studentcoach'], 'Coach'),
    otherCoach: await person(['studentcoach'], 'Andere'),
    coachee: await person(['coachee'], 'Coachee'),
    otherCoachee: await person(['coachee'], 'Medestudent'),
    senior: await person(['seniorcoach', 'studentcoach'], 'Senior'),
    coordinator: await person(['coordinator'], 'Coordinator'),
    coordinator2: await person(['coordinator'], 'Tweede'),
    otherCoordinator: await person(['coordinator'], 'Elders', otherProgramme.id),
    leercoach: await person(['leercoach'], 'Leercoach'),
    onderzoeker: await person(['onderzoeker'], 'Onderzoeker'),
    beheerder: await person(['beheerder'], 'Beheerder'),
  };
  const klass = await f.class(intake.id, { leercoachId: people.leercoach.id });
  await f.enrol(klass.id, people.coachee.id);
  await f.enrol(klass.id, people.otherCoachee.id);
  await f.supervise(people.senior.id, people.coach.id, programme.id);
  const community = await f.community({ intakeId: intake.id, classId: klass.id, coachId: people.coach.id, memberIds: [people.coachee.id, people.otherCoachee.id] });
  await f.community({ intakeId: intake.id, coachId: people.otherCoach.id, memberIds: [] });
  await seedHelpDirectory(t.services.db, institution.id, t.services.content.helpDirectory);
  const as = {} as Record<Who, Client>;
  for (const who of signIn) as[who] = await signedIn(app, people[who].email, PASSWORD);
  return { institution, programme, otherProgramme, intake, community, people, as };
}

export type SupportFixture = Awaited<ReturnType<typeof supportFixture>>;
