/**
 * Endings that say why (#21 item 7): a coachee who switches to another study programme may agree
 * to a warm handover — the other programme's coordinators get a notice in the app and a mail that
 * names nobody (no personal data or coaching content in mail); in the app they see who, from
 * which programme, and mark the student welcomed.
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SwitchNoticesResponse } from '../../../contracts/year';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { people, programmes, programmeSwitchNotices, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** Refuses a switch target that is not another programme of the same institution. */
export async function assertSwitchTarget(db: Db, institutionId: string, fromProgrammeId: string, toProgrammeId: string): Promise<void> {
  const [target] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.id, toProgrammeId), eq(programmes.institutionId, institutionId), ne(programmes.id, fromProgrammeId)));
  if (!target) throw new AppError('switch_programme_invalid', 'not another programme of the institution', {}, [{ path: 'switchTo.programmeId', message: 'programme' }]);
}

/**
 * Records the agreed warm handover in the caller's transaction and mails the receiving
 * programme's coordinators (each in their language, without the student's name).
 */
export async function recordProgrammeSwitch(db: Db, services: Services, options: { institutionId: string; personId: string; fromProgrammeId: string; toProgrammeId: string }): Promise<void> {
  await assertSwitchTarget(db, options.institutionId, options.fromProgrammeId, options.toProgrammeId);
  await db.insert(programmeSwitchNotices).values({ personId: options.personId, fromProgrammeId: options.fromProgrammeId, toProgrammeId: options.toProgrammeId, createdAt: services.now() });
  const [target] = await db.select({ nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(eq(programmes.id, options.toProgrammeId));
  const coordinators = await db
    .selectDistinct({ email: people.email, locale: people.locale })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.institutionId, options.institutionId),
        eq(roleAssignments.role, 'coordinator'),
        eq(roleAssignments.programmeId, options.toProgrammeId),
        isNull(people.deactivatedAt),
      ),
    );
  for (const c of coordinators) {
    const locale: Locale = isLocale(c.locale) ? c.locale : 'nl';
    const params = { programme: (locale === 'nl' ? target?.nameNl : target?.nameEn) ?? '', link: `${services.config.publicUrl.replace(/\/+$/, '')}/programmes/${options.toProgrammeId}/welcome` };
    await services.mailer.enqueue(db, {
      institutionId: options.institutionId,
      to: c.email,
      subject: translate(locale, 'year.mail.switch.subject', params),
      text: translate(locale, 'year.mail.switch.body', params),
    });
  }
}

/** The receiving coordinator's list: who switched in, from where, and whether they were welcomed. */
export async function listSwitchNotices({ services, programmeId, locale }: { services: Services; programmeId: string; locale: Locale }): Promise<z.infer<typeof SwitchNoticesResponse>> {
  const rows = await services.db
    .select({
      id: programmeSwitchNotices.id,
      personId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      fromNl: programmes.nameNl,
      fromEn: programmes.nameEn,
      createdAt: programmeSwitchNotices.createdAt,
      welcomedAt: programmeSwitchNotices.welcomedAt,
    })
    .from(programmeSwitchNotices)
    .innerJoin(people, eq(people.id, programmeSwitchNotices.personId))
    .innerJoin(programmes, eq(programmes.id, programmeSwitchNotices.fromProgrammeId))
    .where(eq(programmeSwitchNotices.toProgrammeId, programmeId))
    .orderBy(desc(programmeSwitchNotices.createdAt));
  return {
    notices: rows.map((r) => ({
      id: r.id,
      person: { id: r.personId, firstName: r.firstName, lastName: r.lastName, email: r.email },
      fromProgramme: locale === 'nl' ? r.fromNl : r.fromEn,
      createdAt: r.createdAt.toISOString(),
      welcomedAt: r.welcomedAt?.toISOString() ?? null,
    })),
  };
}

/** Marks a student welcomed; a second mark (or a racing double click) gets 409. */
export async function markWelcomed({ services, programmeId, noticeId }: { services: Services; programmeId: string; noticeId: string }): Promise<void> {
  const [notice] = await services.db.select({ id: programmeSwitchNotices.id }).from(programmeSwitchNotices).where(and(eq(programmeSwitchNotices.id, noticeId), eq(programmeSwitchNotices.toProgrammeId, programmeId)));
  if (!notice) throw new AppError('not_found');
  const updated = await services.db
    .update(programmeSwitchNotices)
    .set({ welcomedAt: services.now() })
    .where(and(eq(programmeSwitchNotices.id, noticeId), isNull(programmeSwitchNotices.welcomedAt)))
    .returning({ one: sql<number>`1` });
  if (updated.length === 0) throw new AppError('conflict');
}

/** The institution's other programmes (names in the reader's language). */
export async function switchTargets({ services, programmeId, locale }: { services: Services; programmeId: string; locale: Locale }) {
  const [from] = await services.db.select({ institutionId: programmes.institutionId }).from(programmes).where(eq(programmes.id, programmeId));
  if (!from) throw new AppError('not_found');
  const rows = await services.db
    .select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn, location: programmes.location })
    .from(programmes)
    .where(and(eq(programmes.institutionId, from.institutionId), ne(programmes.id, programmeId)));
  return { programmes: rows.map((r) => ({ id: r.id, name: locale === 'nl' ? r.nameNl : r.nameEn, location: r.location })).sort((a, b) => a.name.localeCompare(b.name)) };
}
