/**
 * The coordinator approves statements (#17 item 4): one coach's, or a programme's month at once.
 * An approval is one conditional update (status still confirmed, open or disputed), so of two
 * approvals at once one wins and the other answers 409. A disputed statement needs a resolution
 * for each disputed line; approving a whole programme leaves disputed and unconfirmed statements
 * to be approved one by one.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Services } from '../../context';
import { compensationStatementLines, compensationStatements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { StatementRow } from './repository';

export type Resolution = { lineId: string; resolution: string };

export async function approveStatement(options: { services: Services; actorId: string; statement: StatementRow; resolutions: readonly Resolution[] }): Promise<void> {
  const { services, statement } = options;
  if (statement.status === 'approved') throw new AppError('statement_already_approved');
  if (statement.warnings.includes('missing_birth_date')) throw new AppError('birth_date_missing');
  if (statement.warnings.includes('no_rate_in_force')) throw new AppError('no_rate_in_force', 'a work date has no rate', { date: statement.month });
  await services.db.transaction(async (tx) => {
    const approved = await tx
      .update(compensationStatements)
      .set({ status: 'approved', approvedAt: services.now(), approvedById: options.actorId })
      .where(and(eq(compensationStatements.id, statement.id), eq(compensationStatements.status, statement.status)))
      .returning({ id: compensationStatements.id });
    if (approved.length === 0) throw new AppError('statement_already_approved');
    const disputed = await tx
      .select({ id: compensationStatementLines.id })
      .from(compensationStatementLines)
      .where(and(eq(compensationStatementLines.statementId, statement.id), isNotNull(compensationStatementLines.disputedAt)));
    const given = new Map(options.resolutions.map((r) => [r.lineId, r.resolution.trim()]));
    for (const line of disputed) {
      const resolution = given.get(line.id);
      if (!resolution) throw new AppError('dispute_needs_resolution', 'a disputed line has no resolution', {}, [{ path: `resolutions.${line.id}`, message: 'dispute_needs_resolution' }]);
      await tx
        .update(compensationStatementLines)
        .set({ resolution, resolvedById: options.actorId, resolvedAt: services.now() })
        .where(eq(compensationStatementLines.id, line.id));
    }
  });
}

export type BulkApproval = { approved: string[]; skipped: { statementId: string; reason: 'disputed' | 'notConfirmed' | 'incomplete' }[] };

/** Approves every confirmed statement of a programme's month; says per statement what it skipped and why. */
export async function approveProgrammeMonth(options: { services: Services; actorId: string; programmeId: string; month: string }): Promise<BulkApproval> {
  const { services } = options;
  const rows = await services.db
    .select({ id: compensationStatements.id, status: compensationStatements.status, warnings: compensationStatements.warnings })
    .from(compensationStatements)
    .where(and(eq(compensationStatements.programmeId, options.programmeId), eq(compensationStatements.month, options.month)));
  const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.id);
  const approved =
    confirmed.length === 0
      ? []
      : await services.db
          .update(compensationStatements)
          .set({ status: 'approved', approvedAt: services.now(), approvedById: options.actorId })
          .where(and(inArray(compensationStatements.id, confirmed), eq(compensationStatements.status, 'confirmed')))
          .returning({ id: compensationStatements.id });
  if (confirmed.length > 0 && approved.length === 0) throw new AppError('statement_already_approved');
  const done = new Set(approved.map((r) => r.id));
  const skipped = rows
    .filter((r) => r.status !== 'approved' && !done.has(r.id))
    .map((r) => ({
      statementId: r.id,
      reason: r.status === 'disputed' ? ('disputed' as const) : r.warnings.length > 0 && (r.warnings.includes('missing_birth_date') || r.warnings.includes('no_rate_in_force')) ? ('incomplete' as const) : ('notConfirmed' as const),
    }));
  return { approved: [...done], skipped };
}
