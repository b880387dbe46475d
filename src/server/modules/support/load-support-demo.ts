/**
 * The support part of the demo programme: the help directory from content, the demo coachee's
 * consents, one referral by the demo coach and one signal, and a contact of the degree programme.
 */
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Db } from '../../db/client';
import type { Services } from '../../context';
import { factories } from '../../testing/factories';
import { followUpDueAt } from '../../../domain/support/referrals';
import { scheduleJob } from '../jobs/public';
import { REFERRAL_FOLLOW_UP_JOB } from './record-referral';
import { supportRepository } from './repository';
import { seedHelpDirectory } from './seed-help-directory';

/** Texts the leercoach test looks for in every response (they must never reach a leercoach). */
export const DEMO_SIGNAL = {
  title: 'Studenten reizen voor één bijeenkomst naar de campus',
  body: 'In SW 1 komen drie studenten op dinsdag alleen voor de community naar school. Kan de bijeenkomst naast een les?',
};

export async function loadSupportDemo(
  db: Db,
  services: Services,
  demo: { institutionId: string; programmeId: string; coachId: string; coacheeId: string; domain: string },
): Promise<void> {
  const f = factories(db);
  await seedHelpDirectory(db, demo.institutionId, services.content.helpDirectory);
  for (const consentId of ['coaching-data', 'share-checkins-with-coach']) {
    await f.consent({ institutionId: demo.institutionId, personId: demo.coacheeId, consentId, consents: services.content.consents });
  }
  const resources = await supportRepository(db).helpResources(demo.institutionId);
  const decaan = resources.find((r) => r.seedId === 'decaan') ?? resources[0];
  if (decaan) {
    const referredOn = new Date(services.now().getTime() - 10 * 86_400_000);
    const referral = await f.referral({
      institutionId: demo.institutionId,
      programmeId: demo.programmeId,
      coacheeId: demo.coacheeId,
      coachId: demo.coachId,
      resourceId: decaan.id,
      referredOn: zonedParts(referredOn).date,
      followUpDueAt: followUpDueAt(referredOn),
    });
    await scheduleJob(db, {
      kind: REFERRAL_FOLLOW_UP_JOB,
      payload: { referralId: referral.id },
      dueAt: referral.followUpDueAt,
      dedupeKey: `referral-follow-up:${referral.id}`,
    });
  }
  await f.programmeContact(demo.programmeId, { label: 'Opleidingsmanagement Social Work', email: `opleiding.sw@${demo.domain}` });
  await f.signal({ institutionId: demo.institutionId, programmeId: demo.programmeId, raisedById: demo.coachId, kind: 'need', ...DEMO_SIGNAL });
}
