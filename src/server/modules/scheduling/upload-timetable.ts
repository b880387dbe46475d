/**
 * Imports a timetable file for a teaching period: an iCalendar export for one class or person, or
 * a CSV file whose rows name the class or student. Only the weekly pattern is stored (weekday,
 * times, campus), never course names or teachers. A broken file imports nothing and says which
 * line is wrong and why.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimetableTarget, TimetableUploadResponse } from '../../../contracts/scheduling';
import type { BusyBlock } from '../../../domain/scheduling/instance';
import { mergeBlocks } from '../../../domain/scheduling/product-instance';
import { parseTimetableCsv } from '../../../domain/scheduling/timetable-csv';
import { TimetableImportError, weeklyPattern } from '../../../domain/scheduling/timetable-ics';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { classes, classMembers, communities, people, timetables } from '../../db/schema';
import { parseTimetableInWorker, TimetableTooComplexError } from '../../engines/parse-timetable';
import { AppError } from '../../errors/app-error';
import { locationsOf, type PeriodRow } from './repository';

type Target = z.infer<typeof TimetableTarget>;
type Subject = { classId: string; personId?: undefined } | { personId: string; classId?: undefined };

export type UploadTimetableOptions = {
  services: Services;
  /** The transaction to write in (the demo loader); default services.db. */
  db?: Db;
  actorId: string;
  period: PeriodRow;
  format: 'ics' | 'csv';
  source: 'ics' | 'csv' | 'url';
  fileName: string;
  text: string;
  target: Target | null;
};

const invalid = (line: number, problem: string) => new AppError('timetable_invalid', `timetable line ${line}`, { line, problem });

/** A refused iCalendar file as the error the coordinator sees: the rule or the zone by name. */
function refused(error: TimetableImportError): AppError {
  const { line, reason } = error;
  if (reason.kind === 'recurrence') return new AppError('timetable_recurrence_unbounded', `timetable rule on line ${line}`, { line, rule: reason.rule.slice(0, 120) });
  if (reason.kind === 'zone') return new AppError('timetable_unknown_zone', `timetable zone on line ${line}`, { line, zone: reason.zone.slice(0, 80) });
  return invalid(line, error.problem);
}

/** Maps a raw LOCATION to a location id by its code ("AMS 03.14" → the location with code AMS). */
function locationMatcher(locations: { id: string; code: string }[], unknown: Set<string>) {
  const byLength = [...locations].sort((a, b) => b.code.length - a.code.length);
  return (raw: string): string | null => {
    const text = raw.trim().toUpperCase();
    if (text === '') return null;
    const hit = byLength.find((l) => text === l.code.toUpperCase() || (text.startsWith(l.code.toUpperCase()) && !/[A-Z0-9]/.test(text.charAt(l.code.length))));
    if (!hit) unknown.add(raw.trim().slice(0, 40));
    return hit?.id ?? null;
  };
}

export async function uploadTimetable(options: UploadTimetableOptions): Promise<z.infer<typeof TimetableUploadResponse>> {
  const { services, period } = options;
  const db = options.db ?? services.db;
  const locations = await locationsOf(db, period.intakeId);
  const unknown = new Set<string>();
  const locationOf = locationMatcher(locations, unknown);
  const files: { subject: Subject; label: string; blocks: BusyBlock[] }[] = [];

  if (options.format === 'ics') {
    if (!options.target) throw new AppError('validation_failed', 'ics needs a target', {}, [{ path: 'target', message: 'required' }]);
    const subject = await resolveTarget(db, period.intakeId, options.target);
    let pattern: BusyBlock[];
    try {
      // In a worker thread: bounded in steps and in time, and the event loop stays free.
      const parsed = await parseTimetableInWorker({ text: options.text, periodStart: period.firstDate, periodEnd: period.lastDate });
      pattern = weeklyPattern(parsed.occurrences.map((o) => ({ ...o, location: o.location === null ? null : locationOf(o.location) })), 0.5);
    } catch (error) {
      if (error instanceof TimetableImportError) throw refused(error);
      if (error instanceof TimetableTooComplexError) throw new AppError('timetable_too_complex', error.message);
      throw invalid(1, error instanceof Error ? error.message : String(error));
    }
    if (pattern.length === 0) throw new AppError('timetable_empty', 'no classes in the period', { first: period.firstDate, last: period.lastDate });
    files.push({ subject: subject.subject, label: subject.label, blocks: pattern });
  } else {
    if (options.target) throw new AppError('validation_failed', 'csv names its subjects', {}, [{ path: 'target', message: 'csv_has_no_target' }]);
    const parsed = parseTimetableCsv(options.text);
    const first = parsed.errors[0];
    if (first) throw invalid(first.line, parsed.errors.length > 1 ? `${first.problem} (+${parsed.errors.length - 1})` : first.problem);
    if (parsed.people.length === 0) throw new AppError('timetable_empty', 'no rows', { first: period.firstDate, last: period.lastDate });
    const subjects = await resolveCsvSubjects(db, period.intakeId, parsed.people.map((p) => p.id));
    const lines = options.text.split(/\r?\n/);
    for (const p of parsed.people) {
      const subject = subjects.get(p.id.toLowerCase());
      if (!subject) {
        const line = lines.findIndex((l, i) => i > 0 && l.split(',')[0]?.trim() === p.id) + 1;
        throw invalid(line || 2, `"${p.id.slice(0, 40)}" is no student number, e-mail address or class code of this intake`);
      }
      const blocks = p.busy.map((b) => ({ ...b, location: b.location === null ? null : locationOf(b.location) }));
      const key = subject.subject.classId ?? subject.subject.personId;
      const existing = files.find((f) => (f.subject.classId ?? f.subject.personId) === key);
      if (existing) existing.blocks.push(...blocks);
      else files.push({ subject: subject.subject, label: subject.label, blocks });
    }
  }

  await db.transaction(async (tx) => {
    for (const f of files) {
      const where = f.subject.classId ? eq(timetables.classId, f.subject.classId) : eq(timetables.personId, f.subject.personId!);
      await tx.delete(timetables).where(and(eq(timetables.periodId, period.id), where));
      await tx.insert(timetables).values({
        periodId: period.id,
        classId: f.subject.classId ?? null,
        personId: f.subject.personId ?? null,
        source: options.source,
        fileName: options.fileName.slice(0, 200),
        blocks: mergeBlocks(f.blocks),
        uploadedById: options.actorId,
        uploadedAt: services.now(),
      });
    }
  });
  return { imported: files.map((f) => ({ label: f.label, classes: mergeBlocks(f.blocks).length })), unknownLocations: [...unknown].sort() };
}

/** A class of the intake, a student of the intake or a coach of one of its communities. */
async function resolveTarget(db: Db, intakeId: string, target: Target): Promise<{ subject: Subject; label: string }> {
  if ('classId' in target) {
    const [row] = await db.select({ code: classes.code }).from(classes).where(and(eq(classes.id, target.classId), eq(classes.intakeId, intakeId)));
    if (!row) throw new AppError('not_found');
    return { subject: { classId: target.classId }, label: row.code };
  }
  const [person] = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(
      and(
        eq(people.id, target.personId),
        or(
          inArray(people.id, db.select({ id: classMembers.personId }).from(classMembers).innerJoin(classes, eq(classes.id, classMembers.classId)).where(eq(classes.intakeId, intakeId))),
          inArray(people.id, db.select({ id: communities.coachId }).from(communities).where(eq(communities.intakeId, intakeId))),
        ),
      ),
    );
  if (!person) throw new AppError('not_found');
  return { subject: { personId: person.id }, label: `${person.firstName} ${person.lastName}` };
}

/** CSV subjects by lower-cased key: student number, e-mail address or class code. */
async function resolveCsvSubjects(db: Db, intakeId: string, keys: string[]) {
  const result = new Map<string, { subject: Subject; label: string }>();
  const classRows = await db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, intakeId));
  for (const c of classRows) result.set(c.code.toLowerCase(), { subject: { classId: c.id }, label: c.code });
  const students = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, studentNumber: classMembers.studentNumber })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(eq(classes.intakeId, intakeId));
  const coaches = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, studentNumber: people.studentNumber })
    .from(communities)
    .innerJoin(people, eq(people.id, communities.coachId))
    .where(eq(communities.intakeId, intakeId));
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const p of [...students, ...coaches]) {
    const entry = { subject: { personId: p.id }, label: `${p.firstName} ${p.lastName}` };
    for (const key of [p.email.toLowerCase(), p.studentNumber?.toLowerCase()]) if (key && wanted.has(key) && !result.has(key)) result.set(key, entry);
  }
  return result;
}
