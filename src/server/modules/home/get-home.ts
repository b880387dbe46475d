import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import { count, eq } from 'drizzle-orm';
import { holds, isAllowed, type Actor } from '../../../domain/access/policy';
import type { HomeResponse } from '../../../contracts/home';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { classes, classMembers, coachSupervision, intakes, people, programmes, roleAssignments } from '../../db/schema';
import { mySignUps } from '../participation/public';
import { loadCommunityResources, namesOf } from '../relations/public';
import { homeTasks } from './home-tasks';
import { newestIntakeFirst } from '../../../domain/programme/intake-order';

export type GetHomeOptions = { services: Services; actor: Actor; locale: Locale };

/** Everything the home screen shows, filtered through the access policy. */
export async function getHome({ services, actor, locale }: GetHomeOptions): Promise<HomeResponse> {
  const { db } = services;
  const programmeRows = await db.select().from(programmes).where(eq(programmes.institutionId, actor.institutionId));
  const visibleProgrammes = programmeRows.filter((p) =>
    isAllowed(actor, 'programme:read', { kind: 'programme', institutionId: p.institutionId, programmeId: p.id }),
  );
  // This year's intakes first, everywhere a coordinator sees a list of them.
  const intakeRows = (await db.select().from(intakes)).sort(newestIntakeFirst);

  const communities = (await loadCommunityResources(db, actor.institutionId)).filter((c) =>
    isAllowed(actor, 'community:read', c),
  );
  const names = await namesOf(db, [
    ...new Set(communities.flatMap((c) => [...c.memberIds, ...(c.coachId ? [c.coachId] : [])])),
  ]);
  const name = (id: string, full: boolean) => {
    const n = names.get(id);
    return { id, firstName: n?.firstName ?? '', ...(full ? { lastName: n?.lastName ?? '' } : {}) };
  };

  const supervised = await db
    .select({ coachId: coachSupervision.coachId })
    .from(coachSupervision)
    .where(eq(coachSupervision.seniorId, actor.personId));
  const supervisedNames = await namesOf(db, supervised.map((s) => s.coachId));

  const classRows = await db
    .select({ id: classes.id, code: classes.code, studentCount: count(classMembers.personId) })
    .from(classes)
    .leftJoin(classMembers, eq(classMembers.classId, classes.id))
    .where(eq(classes.leercoachId, actor.personId))
    .groupBy(classes.id, classes.code);

  const overseesPeople =
    holds(actor, 'beheerder', actor.institutionId) || actor.grants.some((g) => g.role === 'coordinator');
  const byRole = overseesPeople
    ? Object.fromEntries(
        (
          await db
            .select({ role: roleAssignments.role, n: count() })
            .from(roleAssignments)
            .innerJoin(people, eq(people.id, roleAssignments.personId))
            .where(eq(roleAssignments.institutionId, actor.institutionId))
            .groupBy(roleAssignments.role)
        ).map((r) => [r.role, r.n]),
      )
    : null;

  const tasks = await homeTasks(
    services,
    actor,
    intakeRows.filter((i) => visibleProgrammes.some((p) => p.id === i.programmeId)).map((i) => ({ ...i, settings: readIntakeSettings(i.settings, i.month).settings })),
  );

  const student = actor.grants.some((g) => g.role === 'coachee');
  const open = student ? (await mySignUps({ services, personId: actor.personId, locale })).signUps.filter((s) => s.open) : [];
  const signUps = student ? { open: open.length, waiting: open.filter((s) => !s.signedUp).length } : null;

  return {
    ...tasks,
    signUps,
    programmes: visibleProgrammes.map((p) => ({
      id: p.id,
      name: locale === 'en' ? p.nameEn : p.nameNl,
      location: p.location,
      intakes: intakeRows
        .filter((i) => i.programmeId === p.id)
        .map((i) => ({ id: i.id, academicYear: i.academicYear, month: i.month })),
    })),
    communities: communities.map((c) => {
      const relation =
        c.coachId === actor.personId
          ? ('coach' as const)
          : c.memberIds.includes(actor.personId)
            ? ('member' as const)
            : c.supervisorIds.includes(actor.personId)
              ? ('supervisor' as const)
              : ('coordinator' as const);
      const staff = relation !== 'member';
      return {
        id: c.id,
        name: c.name,
        programmeId: c.programmeId,
        coach: c.coachId ? name(c.coachId, true) : null,
        memberCount: c.memberIds.length,
        relation,
        // Fellow coachees see each other's first names only; a caseload's coachees, who never
        // meet, not at all (its coach sees them).
        members: !staff && c.communityKind === 'caseload' ? [] : c.memberIds.map((id) => name(id, staff)),
        ...(relation === 'member' && c.coachId ? { coachEmail: names.get(c.coachId)?.email ?? '' } : {}),
        kind: c.communityKind,
      };
    }),
    supervisedCoaches: supervised.map((s) => ({
      id: s.coachId,
      firstName: supervisedNames.get(s.coachId)?.firstName ?? '',
      lastName: supervisedNames.get(s.coachId)?.lastName ?? '',
    })),
    classes: classRows,
    people: byRole ? { byRole } : null,
  };
}
