/**
 * The face of the compensation context (#17): all that other contexts, the composition root
 * (app.ts, main.ts, job-handlers.ts), the demo, the bench and the CLI may use. Everything else in
 * this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** Approved, allowance-scheme, unpaid statements of an institution (payouts). */
export { listPayableStatements, type PayableStatement } from './payable';
/** Marks statements paid by a payout, in the payout's transaction; refuses one already paid (payouts). */
export { markStatementsPaid } from './payable';
/** Approved allowance statements with their pay dates, paid or not, of an institution, programme or coach (payouts: paid on time, overdue). */
export { listApprovedStatements, type ApprovedStatement } from './approved-statements';
/** Payment status of a coach's (or given) statements: approved, scheduled, overdue, paid on time or late (payouts, home). */
export { statementPayStatus, type StatementPayStatus } from './payable';
/** The monthly statements job: kind, handler and the poller hook that keeps it scheduled (job-handlers.ts). */
export { MONTHLY_STATEMENTS_JOB, runMonthlyStatementsJob, scheduleMonthlyStatements } from './statement-job';
/** Makes (or recomputes the open) statements of a month for an institution (the bench, the demo). */
export { generateStatements } from './generate-statements';
/** Demo data: birth dates, extra work and two months of statements (src/server/demo). */
export { loadCompensationDemo } from './load-compensation-demo';
/** A programme's hours, cost and coaches counted per month (the evidence dashboard and impact report, #18). */
export { programmeCompensationTotals, type ProgrammeCompensationMonth } from './programme-totals';
