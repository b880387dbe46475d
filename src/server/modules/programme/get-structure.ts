import { asc, eq, inArray } from 'drizzle-orm';
import type { StructureResponse } from '../../../contracts/programme';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { newestIntakeFirst } from '../../../domain/programme/intake-order';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { intakes, programmes } from '../../db/schema';
import { classesOf, communityCounts } from './repository';

export type GetStructureOptions = { services: Services; actor: Actor };

/** The programmes the person may manage, each with intakes (this year's first: `newestIntakeFirst`), settings and classes. */
export async function getStructure({ services, actor }: GetStructureOptions): Promise<StructureResponse> {
  const { db } = services;
  const institution = { kind: 'institution' as const, institutionId: actor.institutionId };
  const all = await db.select().from(programmes).where(eq(programmes.institutionId, actor.institutionId)).orderBy(asc(programmes.nameNl));
  const visible = all.filter((p) => isAllowed(actor, 'programme:manage', { kind: 'programme', institutionId: actor.institutionId, programmeId: p.id }));
  const intakeRows = visible.length
    ? (await db.select().from(intakes).where(inArray(intakes.programmeId, visible.map((p) => p.id)))).sort(newestIntakeFirst)
    : [];
  const classRows = await classesOf(db, intakeRows.map((i) => i.id));
  const communityN = await communityCounts(db, intakeRows.map((i) => i.id));
  return {
    canCreateProgramme: isAllowed(actor, 'institution:manage', institution),
    programmes: visible.map((p) => {
      const resource = { kind: 'programme' as const, institutionId: actor.institutionId, programmeId: p.id };
      return {
        id: p.id,
        nameNl: p.nameNl,
        nameEn: p.nameEn,
        location: p.location,
        canManageStructure: isAllowed(actor, 'programme:manage', resource),
        canManagePeople: isAllowed(actor, 'programme:manageStudents', resource),
        canWelcomeSwitches: isAllowed(actor, 'programme:welcomeSwitches', resource),
        intakes: intakeRows
          .filter((i) => i.programmeId === p.id)
          .map((i) => {
            const { settings, upgraded } = readIntakeSettings(i.settings, i.month);
            const own = classRows.filter((c) => c.intakeId === i.id);
            return {
              id: i.id,
              programmeId: p.id,
              academicYear: i.academicYear,
              month: i.month,
              settings,
              settingsUpgraded: upgraded,
              classes: own.map((c) => ({
                id: c.id,
                code: c.code,
                studentCount: c.studentCount,
                leercoach: c.leercoachId ? { id: c.leercoachId, firstName: c.leercoachFirst ?? '', lastName: c.leercoachLast ?? '' } : null,
              })),
              studentCount: own.reduce((n, c) => n + c.studentCount, 0),
              communityCount: communityN.get(i.id) ?? 0,
            };
          }),
      };
    }),
  };
}
