/**
 * Monthly statements (#17 item 4): each coach's statement of a month, from what happened. Safe
 * to run again: a coach's statement that is still open is recomputed (attendance taken late,
 * extra work approved since), one the coach confirmed or disputed, or the coordinator approved, is
 * left as it is; a coach with nothing to count gets no statement.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AllowanceError } from '../../../domain/compensation/allowance';
import { promisedPayDate } from '../../../domain/compensation/scheme';
import { computeStatement, type ComputedStatement } from '../../../domain/compensation/statement';
import { workLines, type WorkEvent, type WorkLine } from '../../../domain/compensation/work';
import type { Services } from '../../context';
import { compensationStatementLines, compensationStatements } from '../../db/schema';
import { fiscalLimitsOf } from './fiscal-limits';
import { approvedExtraWork, coachesForPay, earlierThisYear, linesOnOtherMonths, monthBounds, sessionEvents, statementsOfMonth } from './repository';
import { schemesFor } from './scheme-of';

export type GenerateResult = { created: number; updated: number; unchanged: number };

const CHUNK = 1000;

export async function generateStatements(options: {
  services: Services;
  institutionId: string;
  month: string;
  /** Only these coaches (a birth date or extra work changed); all coaches of the institution when left out. */
  coachIds?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /** Internal: false while settling the other months of moved sessions, so that settling never recurses. */
  settleMoves?: boolean;
}): Promise<GenerateResult> {
  const { services, institutionId, month } = options;
  const db = services.db;
  const coaches = await coachesForPay(db, institutionId, options.coachIds);
  const ids = coaches.map((c) => c.personId);
  const { from, to } = monthBounds(month);
  const [events, extra, existing, earlier, schemes, limits] = await Promise.all([
    sessionEvents(db, { institutionId, coachIds: ids, from, to, until: services.now() }),
    approvedExtraWork(db, ids, month),
    statementsOfMonth(db, ids, month),
    earlierThisYear(db, ids, month),
    schemesFor(db, coaches.map((c) => c.programmeId), month),
    fiscalLimitsOf(services, institutionId),
  ]);
  const existingBy = new Map(existing.map((s) => [s.coachPersonId, s]));
  const extraBy = new Map<string, WorkEvent[]>();
  for (const e of extra) extraBy.set(e.coachPersonId, [...(extraBy.get(e.coachPersonId) ?? []), { type: 'extra', extraWorkId: e.id, date: e.workedOn, minutes: e.minutes }]);

  type Planned = { coachId: string; programmeId: string; intakeId: string | null; scheme: string; payDate: string | null; computed: ComputedStatement; existingId: string | null };
  const planned: Planned[] = [];
  const result: GenerateResult = { created: 0, updated: 0, unchanged: 0 };
  // The coaches whose statement of this month is (re)computed: none yet, or still open.
  const open = coaches.filter((coach) => (existingBy.get(coach.personId)?.status ?? 'open') === 'open');
  const workOf = new Map(
    open.map((coach) => [coach.personId, workLines([...(events.get(coach.personId) ?? []), ...(extraBy.get(coach.personId) ?? [])], schemes.get(coach.programmeId)!.settings)]),
  );
  const settled = await settleMovedWork({ ...options, month, workOf, coachIds: open.map((c) => c.personId) });
  for (const coach of coaches) {
    const current = existingBy.get(coach.personId);
    if (current && current.status !== 'open') {
      result.unchanged++;
      continue;
    }
    const scheme = schemes.get(coach.programmeId)!;
    const work = (workOf.get(coach.personId) ?? []).filter((line) => !settled.has(`${coach.personId}|${line.source}`));
    if (work.length === 0 && !current) continue;
    const input = { month, scheme: scheme.settings.scheme, birthDate: coach.birthDate, rates: scheme.settings.rates, limits, paidEarlierThisYearCents: earlier.get(coach.personId) ?? 0, work };
    let computed: ComputedStatement;
    try {
      computed = computeStatement(input);
    } catch (error) {
      if (!(error instanceof AllowanceError) || error.code !== 'no_rate_in_force') throw error;
      // Hours only until the coordinator adds the missing rate; the statement says so.
      computed = { ...computeStatement({ ...input, birthDate: null }), warnings: ['no_rate_in_force'] };
    }
    planned.push({
      coachId: coach.personId,
      programmeId: coach.programmeId,
      intakeId: scheme.intakeId,
      scheme: scheme.settings.scheme,
      payDate: scheme.settings.scheme === 'allowance' ? promisedPayDate(month, scheme.settings.payDayOfNextMonth) : null,
      computed,
      existingId: current?.id ?? null,
    });
  }

  const now = services.now();
  let done = 0;
  for (let i = 0; i < planned.length; i += CHUNK) {
    const chunk = planned.slice(i, i + CHUNK);
    await db.transaction(async (tx) => {
      const values = (p: Planned) => ({
        totalMinutes: p.computed.totalMinutes,
        totalCents: p.computed.totalCents,
        yearToDateCents: p.computed.yearToDateCents,
        warnings: p.computed.warnings,
        promisedPayDate: p.payDate,
        scheme: p.scheme,
        intakeId: p.intakeId,
        generatedAt: now,
      });
      const fresh = chunk.filter((p) => !p.existingId);
      const inserted =
        fresh.length === 0
          ? []
          : await tx
              .insert(compensationStatements)
              .values(fresh.map((p) => ({ institutionId, programmeId: p.programmeId, coachPersonId: p.coachId, month, ...values(p) })))
              .onConflictDoNothing()
              .returning({ id: compensationStatements.id, coachId: compensationStatements.coachPersonId });
      const targets = new Map(inserted.map((r) => [r.coachId, r.id]));
      result.created += inserted.length;
      for (const p of chunk.filter((c) => c.existingId)) {
        const updated = await tx
          .update(compensationStatements)
          .set(values(p))
          .where(and(eq(compensationStatements.id, p.existingId!), eq(compensationStatements.status, 'open')))
          .returning({ id: compensationStatements.id });
        if (updated.length === 0) continue;
        targets.set(p.coachId, p.existingId!);
        result.updated++;
      }
      const replaced = chunk.filter((p) => p.existingId && targets.has(p.coachId)).map((p) => p.existingId!);
      if (replaced.length > 0) await tx.delete(compensationStatementLines).where(inArray(compensationStatementLines.statementId, replaced));
      const lines = chunk.flatMap((p) => {
        const statementId = targets.get(p.coachId);
        if (!statementId) return [];
        return p.computed.lines.map((l, position) => ({
          statementId,
          coachPersonId: p.coachId,
          position,
          source: l.source,
          workedOn: l.date,
          kind: l.kind,
          minutes: l.minutes,
          band: l.band,
          rateCents: l.rateCents,
          amountCents: l.amountCents,
        }));
      });
      for (let j = 0; j < lines.length; j += CHUNK) {
        // Settled above; should a generation of another month run at the same moment, a source keeps its first place.
        await tx.insert(compensationStatementLines).values(lines.slice(j, j + CHUNK)).onConflictDoNothing();
      }
    });
    done += chunk.length;
    options.onProgress?.(done, planned.length);
  }
  return result;
}

/**
 * A session moved to another month after a statement counted it (#17: nothing counted twice).
 * Where the earlier statement is still open, that month is recomputed first, so the work moves
 * with the session; where it was confirmed, disputed or approved, it was settled there and this
 * month leaves it out. Returns the `coach|source` keys to leave out.
 */
async function settleMovedWork(options: {
  services: Services;
  institutionId: string;
  month: string;
  workOf: Map<string, WorkLine[]>;
  coachIds: readonly string[];
  settleMoves?: boolean;
}): Promise<Set<string>> {
  const { services, month, workOf } = options;
  const sources = [...new Set(options.coachIds.flatMap((id) => (workOf.get(id) ?? []).map((l) => l.source)))];
  const find = () => linesOnOtherMonths(services.db, options.coachIds, sources, month);
  let elsewhere = await find();
  const reopen = new Map<string, Set<string>>();
  for (const line of elsewhere) if (line.status === 'open') reopen.set(line.month, (reopen.get(line.month) ?? new Set()).add(line.coachPersonId));
  if (reopen.size > 0 && options.settleMoves !== false) {
    for (const [other, coachIds] of reopen) {
      await generateStatements({ services, institutionId: options.institutionId, month: other, coachIds: [...coachIds], settleMoves: false });
    }
    elsewhere = await find();
  }
  return new Set(elsewhere.map((line) => `${line.coachPersonId}|${line.source}`));
}
