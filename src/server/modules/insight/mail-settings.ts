/** A person's own mail settings (#18 item 5): the coordinator's weekly digest on or off (default on). */
import { eq } from 'drizzle-orm';
import type { MailSettingsResponse } from '../../../contracts/insight';
import type { Actor } from '../../../domain/access/actor';
import type { Services } from '../../context';
import { mailPreferences } from '../../db/schema';

const digestApplies = (actor: Actor) => actor.grants.some((g) => g.role === 'coordinator');

export async function getMailSettings(options: { services: Services; actor: Actor }): Promise<MailSettingsResponse> {
  const [row] = await options.services.db.select({ weeklyDigest: mailPreferences.weeklyDigest }).from(mailPreferences).where(eq(mailPreferences.personId, options.actor.personId));
  return { weeklyDigest: row?.weeklyDigest ?? true, digestApplies: digestApplies(options.actor) };
}

/** Saving the same choice twice is harmless (the last save holds): no version needed for one switch of one's own. */
export async function saveMailSettings(options: { services: Services; actor: Actor; weeklyDigest: boolean }): Promise<MailSettingsResponse> {
  const { services, actor, weeklyDigest } = options;
  await services.db
    .insert(mailPreferences)
    .values({ personId: actor.personId, weeklyDigest, updatedAt: services.now() })
    .onConflictDoUpdate({ target: mailPreferences.personId, set: { weeklyDigest, updatedAt: services.now() } });
  return { weeklyDigest, digestApplies: digestApplies(actor) };
}
