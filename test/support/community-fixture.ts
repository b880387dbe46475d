/**
 * The smallest programme most medium tests need: an institution, a programme and an intake, a
 * student coach and one coachee in the coach's community. Everyone gets `FIXTURE_PASSWORD`.
 */
import type { Role } from '../../src/domain/access/roles';
import type { TestDb } from './test-db';

export const FIXTURE_PASSWORD = 'correct horse battery staple';

export async function coachWithCommunity(t: TestDb) {
  const f = t.factories;
  const institution = await f.institution();
  const programme = await f.programme(institution.id);
  const intake = await f.intake(programme.id);
  /** Another person in the programme, e.g. `person(['beheerder'], 'beheerder@test.example')`. */
  const person = (roles: Role[], email: string) => f.person({ institutionId: institution.id, programmeId: programme.id, roles, email, password: FIXTURE_PASSWORD });
  const coach = await person(['studentcoach'], 'coach@test.example');
  const coachee = await person(['coachee'], 'coachee@test.example');
  const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: [coachee.id] });
  return { institution, programme, intake, coach, coachee, communityId: community.id, person };
}
