import { eq } from 'drizzle-orm';
import type { SessionResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { institutions } from '../../db/schema';
import type { SignedIn } from './resolve-session';

/** What the web client needs to know about who is signed in. */
export async function describeSession(services: Services, signedIn: SignedIn | null, csrfToken: string, mfaPending = false): Promise<SessionResponse> {
  const [demoInstitution] = await services.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.isDemo, true))
    .limit(1);
  const demo = demoInstitution !== undefined;
  if (!signedIn) return { csrfToken, demo, person: null, institution: null, mfa: { pending: mfaPending, setupRequired: false } };
  const { person, actor } = signedIn;
  const [institution] = await services.db
    .select({ id: institutions.id, name: institutions.name, isDemo: institutions.isDemo })
    .from(institutions)
    .where(eq(institutions.id, person.institutionId));
  return {
    csrfToken,
    demo,
    person: {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      locale: person.locale === 'en' ? 'en' : 'nl',
      roles: [...actor.grants],
    },
    institution: institution ?? null,
    mfa: { pending: false, setupRequired: signedIn.mfaSetupRequired },
  };
}
