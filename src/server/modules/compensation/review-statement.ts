/**
 * The coach checks their statement: confirms it, or disputes a line with a comment (#17 item 4).
 * Each is one conditional update, so a double click or a race changes it once and the other
 * answers 409.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Services } from '../../context';
import { compensationStatementLines, compensationStatements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { StatementRow } from './repository';

function refuseIncomplete(statement: StatementRow) {
  const warnings = statement.warnings;
  if (warnings.includes('missing_birth_date')) throw new AppError('birth_date_missing');
  if (warnings.includes('no_rate_in_force')) throw new AppError('no_rate_in_force', 'a work date has no rate', { date: statement.month });
}

/** The coach confirms an open statement. */
export async function confirmStatement(options: { services: Services; statement: StatementRow }): Promise<void> {
  refuseIncomplete(options.statement);
  const updated = await options.services.db
    .update(compensationStatements)
    .set({ status: 'confirmed', confirmedAt: options.services.now() })
    .where(and(eq(compensationStatements.id, options.statement.id), eq(compensationStatements.status, 'open')))
    .returning({ id: compensationStatements.id });
  if (updated.length === 0) throw new AppError('statement_not_open');
}

/** The coach disputes one line of an open (or already disputed) statement, with a comment for the coordinator. */
export async function disputeLine(options: { services: Services; statement: StatementRow; lineId: string; comment: string }): Promise<void> {
  const { services, statement } = options;
  await services.db.transaction(async (tx) => {
    const moved = await tx
      .update(compensationStatements)
      .set({ status: 'disputed' })
      .where(and(eq(compensationStatements.id, statement.id), eq(compensationStatements.status, statement.status === 'disputed' ? 'disputed' : 'open')))
      .returning({ id: compensationStatements.id });
    if (moved.length === 0) throw new AppError('statement_not_open');
    const line = await tx
      .update(compensationStatementLines)
      .set({ disputeComment: options.comment, disputedAt: services.now() })
      .where(and(eq(compensationStatementLines.id, options.lineId), eq(compensationStatementLines.statementId, statement.id), isNull(compensationStatementLines.resolvedAt)))
      .returning({ id: compensationStatementLines.id });
    if (line.length === 0) throw new AppError('not_found');
  });
}
