/** What the coordinator chooses from before a run: scope, attributes (with aggregate counts), size. */
import type { GroupingOptionsResponse } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import { ATTRIBUTE_DEFINITIONS, GROUPING_ATTRIBUTES } from '../../../domain/grouping/student-attributes';
import { groupingPool } from '../../../domain/participation/modes';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { signedUpIds } from '../participation/public';
import { classesOfIntake, enabledAttributes, intakeWithProgramme, latestRunOf, studentsForGrouping, unplacedStudents } from './repository';

export async function getGroupingOptions({ services, actor, intakeId }: { services: Services; actor: Actor; intakeId: string }): Promise<GroupingOptionsResponse> {
  const found = await intakeWithProgramme(services.db, intakeId);
  if (!found) throw new AppError('not_found');
  const settings = readIntakeSettings(found.intake.settings, found.intake.month).settings;
  const [classes, students, enabled, latestRunId] = await Promise.all([
    classesOfIntake(services.db, intakeId),
    // Opt-in (#21): only students who signed up are grouped, so only they are offered.
    signedUpIds(services.db, intakeId).then(async (signedUp) => groupingPool(settings.participation, await unplacedStudents(services.db, intakeId, null), signedUp)),
    enabledAttributes(services.db, actor.institutionId),
    latestRunOf(services.db, intakeId),
  ]);
  const forGrouping = await studentsForGrouping(services.db, actor.institutionId, students);
  const { intake } = found;
  return {
    intake: { id: intake.id, programmeId: intake.programmeId, academicYear: intake.academicYear, month: intake.month },
    sizeBounds: settings.communitySize,
    classes: classes.map((c) => ({ ...c, unplaced: students.filter((s) => s.classId === c.id).length })),
    students: students.map((s) => ({ id: s.id, firstName: s.firstName, lastName: s.lastName, classCode: s.classCode })),
    attributes: GROUPING_ATTRIBUTES.filter((a) => enabled.has(a)).map((attribute) => ({
      attribute,
      sensitivity: ATTRIBUTE_DEFINITIONS[attribute].sensitivity,
      disclosed: forGrouping.filter((s) => s.attributes[attribute] !== undefined && s.attributes[attribute] !== null).length,
    })),
    latestRunId,
  };
}
