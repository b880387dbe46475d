/**
 * Demo data for group formation (#6): the institution allows the attributes, and some of the
 * February intake's late enrolments — not in a community yet — told us something about
 * themselves (background only with the explicit consent), so "Groepen vormen" shows real figures.
 */
import type { ConsentsFile } from '../../../contracts/content/consents';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { Db } from '../../db/client';
import { factories } from '../../testing/factories';

export type GroupingDemoOptions = { institutionId: string; studentIds: readonly string[]; consents: ConsentsFile };

const PRIOR = ['mbo', 'havo', 'mbo', 'vwo', 'other', 'havo', 'mbo'] as const;
const GENDER = ['woman', 'man', 'woman', 'nonBinary', 'man'] as const;

export async function loadGroupingDemo(db: Db, o: GroupingDemoOptions): Promise<void> {
  const f = factories(db);
  await f.groupingAttributes(o.institutionId, ['priorEducation', 'firstGeneration', 'international', 'language', 'gender', 'class'], ['priorEducation']);
  for (const [i, personId] of o.studentIds.entries()) {
    if (i === o.studentIds.length - 1) {
      // The import suggested a prior education this student has not confirmed yet: it does not count.
      await f.studentAttribute(personId, 'priorEducation', 'havo', 'import');
      continue;
    }
    if (i % 5 !== 4) await f.studentAttribute(personId, 'priorEducation', PRIOR[i % PRIOR.length]!);
    if (i % 3 === 0) await f.studentAttribute(personId, 'gender', GENDER[i % GENDER.length]!);
    if (i % 2 === 0) {
      await f.studentAttribute(personId, 'firstGeneration', i % 4 === 0 ? 'yes' : 'no');
      await f.studentAttribute(personId, 'language', i % 8 === 0 ? 'other' : 'nl');
      if (i % 6 === 0) await f.studentAttribute(personId, 'international', i % 12 === 0 ? 'yes' : 'no');
      await f.consent({ institutionId: o.institutionId, personId, consentId: CONSENT_FOR.groupingBackground, consents: o.consents });
    }
  }
}
