/**
 * Nominating a future coach (#21 item 6, §4.2.2): a leercoach (for a student in their class) or a
 * coordinator (for a student of their programme) invites a student to apply, with an optional
 * note. The student gets a card in the app and a mail in their language with a one-tap link (an
 * opaque token; only its hash is stored). The mail names the nominator's role, not their note:
 * the note may be personal, and a mail can be forwarded or read over a shoulder — the student
 * reads it in the app. A student can decline: the nomination closes and no further mail comes,
 * because a student is nominated at most once per programme.
 */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MyNominationsResponse, NominationLinkResponse, NominatorRole } from '../../../contracts/growth';
import { isCoordinatorOf } from '../../../domain/access/actor';
import { nominationScope, type Actor, type NomineeResource } from '../../../domain/access/policy';
import { isLocale, translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { classes, classMembers, coachNominations, coachProfiles, intakes, people, programmes, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { digest, newToken } from '../identity/public';
import { secretLink } from '../mail/public';

type Role = z.infer<typeof NominatorRole>;
type Row = typeof coachNominations.$inferSelect;

/** Is the person a student coach or senior coach already (anywhere in the institution), or do they have a coach profile? */
async function isCoachAlready(db: Db, personId: string): Promise<boolean> {
  const [role] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), inArray(roleAssignments.role, ['studentcoach', 'seniorcoach'])))
    .limit(1);
  if (role) return true;
  const [profile] = await db.select({ id: coachProfiles.personId }).from(coachProfiles).where(eq(coachProfiles.personId, personId)).limit(1);
  return Boolean(profile);
}

/** Nominates the student (the policy allowed it); mails them in the same transaction. */
export async function nominate({ services, actor, nominee, note }: { services: Services; actor: Actor; nominee: NomineeResource; note: string }) {
  const scope = nominationScope(actor, nominee);
  if (!scope) throw new AppError('not_found');
  return services.db.transaction(async (tx) => {
    if (await isCoachAlready(tx, nominee.personId)) throw new AppError('nomination_already_coach');
    const [student] = await tx.select({ email: people.email, firstName: people.firstName, locale: people.locale }).from(people).where(eq(people.id, nominee.personId));
    const [programme] = await tx.select().from(programmes).where(eq(programmes.id, scope.programmeId));
    if (!student || !programme) throw new AppError('not_found');
    const token = newToken();
    const [row] = await tx
      .insert(coachNominations)
      .values({ programmeId: scope.programmeId, personId: nominee.personId, nominatedById: actor.personId, nominatorRole: scope.role, note: note.trim(), tokenHash: digest(token), createdAt: services.now() })
      .onConflictDoNothing()
      .returning({ id: coachNominations.id });
    // Nominated before (by anyone, whatever came of it), or a double click racing this one.
    if (!row) throw new AppError('nomination_exists');
    const locale: Locale = isLocale(student.locale) ? student.locale : 'nl';
    const params = {
      name: student.firstName,
      who: translate(locale, `growth.nominate.mail.by.${scope.role}`),
      programme: locale === 'en' ? programme.nameEn : programme.nameNl,
      link: secretLink(services.config.publicUrl, 'nomination', token),
    };
    await services.mailer.enqueue(tx, {
      institutionId: programme.institutionId,
      to: student.email,
      subject: translate(locale, 'growth.nominate.mail.subject', params),
      text: translate(locale, 'growth.nominate.mail.body', params),
    });
    return { id: row.id };
  });
}

/** The students the actor may nominate: the leercoach's classes, the coordinator's programmes; with any nomination already made. */
export async function nominationCandidates({ services, actor }: { services: Services; actor: Actor }) {
  const coordinated = actor.grants.filter((g) => g.role === 'coordinator').map((g) => g.programmeId);
  const allProgrammes = coordinated.includes(null);
  const rows = await services.db
    .selectDistinct({ personId: people.id, firstName: people.firstName, lastName: people.lastName, classCode: classes.code, programmeId: intakes.programmeId, leercoachId: classes.leercoachId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(
      and(
        eq(programmes.institutionId, actor.institutionId),
        isNull(people.deactivatedAt),
        or(
          eq(classes.leercoachId, actor.personId),
          allProgrammes ? sql`true` : coordinated.length > 0 ? inArray(intakes.programmeId, coordinated.filter((p): p is string => p !== null)) : sql`false`,
        ),
      ),
    );
  // The policy decides per student, so the list never offers what the route would refuse.
  const byPerson = new Map<string, { personId: string; firstName: string; lastName: string; classCodes: string[]; classes: { programmeId: string; leercoachId: string | null }[] }>();
  for (const r of rows) {
    const entry = byPerson.get(r.personId) ?? { personId: r.personId, firstName: r.firstName, lastName: r.lastName, classCodes: [], classes: [] };
    if (!entry.classCodes.includes(r.classCode)) entry.classCodes.push(r.classCode);
    entry.classes.push({ programmeId: r.programmeId, leercoachId: r.leercoachId });
    byPerson.set(r.personId, entry);
  }
  const ids = [...byPerson.keys()];
  const coaches = new Set<string>();
  const nominated = new Map<string, Row[]>();
  if (ids.length > 0) {
    for (const r of await services.db.select({ personId: roleAssignments.personId }).from(roleAssignments).where(and(inArray(roleAssignments.personId, ids), inArray(roleAssignments.role, ['studentcoach', 'seniorcoach']))))
      coaches.add(r.personId);
    for (const n of await services.db.select().from(coachNominations).where(inArray(coachNominations.personId, ids))) nominated.set(n.personId, [...(nominated.get(n.personId) ?? []), n]);
  }
  const students = [];
  for (const s of byPerson.values()) {
    const scope = nominationScope(actor, { kind: 'nominee', institutionId: actor.institutionId, personId: s.personId, classes: s.classes });
    if (!scope) continue;
    const nomination = (nominated.get(s.personId) ?? []).find((n) => n.programmeId === scope.programmeId);
    students.push({
      id: s.personId,
      firstName: s.firstName,
      lastName: s.lastName,
      classCodes: s.classCodes.sort(),
      isCoach: coaches.has(s.personId),
      nomination: nomination ? { status: nomination.status as 'open' | 'applied' | 'declined', byMe: nomination.nominatedById === actor.personId, createdAt: nomination.createdAt.toISOString() } : null,
    });
  }
  students.sort((a, b) => a.firstName.localeCompare(b.firstName) || a.lastName.localeCompare(b.lastName));
  return { students };
}

/** The signed-in student's nominations (open ones first), with the note written for them. */
export async function myNominations({ services, personId, locale }: { services: Services; personId: string; locale: Locale }): Promise<MyNominationsResponse> {
  const rows = await services.db
    .select({ n: coachNominations, nameNl: programmes.nameNl, nameEn: programmes.nameEn, byFirst: people.firstName, byLast: people.lastName })
    .from(coachNominations)
    .innerJoin(programmes, eq(programmes.id, coachNominations.programmeId))
    .leftJoin(people, eq(people.id, coachNominations.nominatedById))
    .where(eq(coachNominations.personId, personId))
    .orderBy(desc(coachNominations.createdAt));
  return {
    nominations: rows.map((r) => ({
      id: r.n.id,
      programmeId: r.n.programmeId,
      programmeName: locale === 'en' ? r.nameEn : r.nameNl,
      nominatorRole: r.n.nominatorRole as Role,
      nominatorName: r.byFirst ? `${r.byFirst} ${r.byLast ?? ''}`.trim() : '',
      note: r.n.note,
      status: r.n.status as 'open' | 'applied' | 'declined',
      createdAt: r.n.createdAt.toISOString(),
    })),
  };
}

async function close(db: Db, where: ReturnType<typeof and>, now: Date) {
  const closed = await db
    .update(coachNominations)
    .set({ status: 'declined', closedAt: now })
    .where(and(where, eq(coachNominations.status, 'open')))
    .returning({ id: coachNominations.id });
  return closed.length > 0;
}

/** The student declines their own nomination; a nomination that is no longer open answers 409. */
export async function declineMyNomination({ services, personId, nominationId }: { services: Services; personId: string; nominationId: string }) {
  const mine = and(eq(coachNominations.id, nominationId), eq(coachNominations.personId, personId));
  if (await close(services.db, mine, services.now())) return;
  const [exists] = await services.db.select({ id: coachNominations.id }).from(coachNominations).where(mine);
  throw new AppError(exists ? 'nomination_closed' : 'not_found');
}

async function byToken(db: Db, token: string): Promise<Row> {
  const [row] = await db.select().from(coachNominations).where(eq(coachNominations.tokenHash, digest(token)));
  if (!row) throw new AppError('link_invalid');
  return row;
}

/** What the mail's link opens: the programme, who nominated (role), the student's own name and address for the form. */
export async function readNominationLink({ services, token, locale }: { services: Services; token: string; locale: Locale }): Promise<NominationLinkResponse> {
  const row = await byToken(services.db, token);
  const [p] = await services.db.select({ nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(eq(programmes.id, row.programmeId));
  const [student] = await services.db.select({ firstName: people.firstName, lastName: people.lastName, email: people.email }).from(people).where(eq(people.id, row.personId));
  return {
    programmeId: row.programmeId,
    programmeName: (locale === 'en' ? p?.nameEn : p?.nameNl) ?? '',
    nominatorRole: row.nominatorRole as Role,
    status: row.status as 'open' | 'applied' | 'declined',
    firstName: student?.firstName ?? '',
    lastName: student?.lastName ?? '',
    email: student?.email ?? '',
  };
}

export async function declineNominationLink({ services, token }: { services: Services; token: string }) {
  const row = await byToken(services.db, token);
  if (!(await close(services.db, eq(coachNominations.id, row.id), services.now()))) throw new AppError('nomination_closed');
}

/**
 * Links a new application to the nomination it came from (in the application's transaction):
 * by the mail's token, or by id for the signed-in student it was made for. A nomination the
 * student declined may still lead to an application (they changed their mind); one that already
 * led to an application answers 409, and so does one for another programme.
 */
export async function linkApplicationToNomination(db: Db, options: { programmeId: string; applicationId: string; token?: string | undefined; nominationId?: string | undefined; personId?: string | undefined; now: Date }) {
  let row: Row | undefined;
  if (options.token) row = await byToken(db, options.token);
  else if (options.nominationId && options.personId)
    [row] = await db.select().from(coachNominations).where(and(eq(coachNominations.id, options.nominationId), eq(coachNominations.personId, options.personId)));
  if (!row) throw new AppError('link_invalid');
  if (row.programmeId !== options.programmeId) throw new AppError('nomination_other_programme');
  const updated = await db
    .update(coachNominations)
    .set({ status: 'applied', applicationId: options.applicationId, closedAt: options.now })
    .where(and(eq(coachNominations.id, row.id), isNull(coachNominations.applicationId)))
    .returning({ id: coachNominations.id });
  if (updated.length === 0) throw new AppError('nomination_already_applied');
}

/** For the coordinator's application list: which applications came from a nomination, and by whom (name and role). */
export async function nominationsOfApplications(db: Db, applicationIds: string[]) {
  const result = new Map<string, { nominatorRole: Role; nominatorName: string }>();
  if (applicationIds.length === 0) return result;
  const rows = await db
    .select({ applicationId: coachNominations.applicationId, role: coachNominations.nominatorRole, first: people.firstName, last: people.lastName })
    .from(coachNominations)
    .leftJoin(people, eq(people.id, coachNominations.nominatedById))
    .where(inArray(coachNominations.applicationId, applicationIds));
  for (const r of rows) if (r.applicationId) result.set(r.applicationId, { nominatorRole: r.role as Role, nominatorName: r.first ? `${r.first} ${r.last ?? ''}`.trim() : '' });
  return result;
}

/** The programme's nominations for its coordinator: who, by whom, the note, and what came of it. */
export async function programmeNominations({ services, actor, programmeId }: { services: Services; actor: Actor; programmeId: string }) {
  if (!isCoordinatorOf(actor, { institutionId: actor.institutionId, programmeId })) throw new AppError('not_found');
  const nominator = sql<string>`(select p.first_name || ' ' || p.last_name from people p where p.id = ${coachNominations.nominatedById})`;
  const rows = await services.db
    .select({ n: coachNominations, firstName: people.firstName, lastName: people.lastName, nominator })
    .from(coachNominations)
    .innerJoin(people, eq(people.id, coachNominations.personId))
    .where(eq(coachNominations.programmeId, programmeId))
    .orderBy(desc(coachNominations.createdAt));
  return {
    nominations: rows.map((r) => ({
      id: r.n.id,
      student: { id: r.n.personId, firstName: r.firstName, lastName: r.lastName },
      nominatorRole: r.n.nominatorRole as Role,
      nominatorName: r.nominator ?? '',
      note: r.n.note,
      status: r.n.status as 'open' | 'applied' | 'declined',
      createdAt: r.n.createdAt.toISOString(),
    })),
  };
}
