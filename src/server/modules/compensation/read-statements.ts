/** Reads of statements: a coach's account, one statement with its lines, a programme's month. */
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AccountResponse, ExtraWork, ProgrammeMonthResponse, StatementResponse, StatementSummary } from '../../../contracts/compensation';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { payStatus, type StatementStatus } from '../../../domain/compensation/statement';
import type { Scheme } from '../../../domain/compensation/scheme';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { coachSupervision, compensationExtraWork, compensationStatementLines, compensationStatements, people } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { namesOf } from '../relations/public';
import { fiscalLimitsOf } from './fiscal-limits';
import { forecastFor } from './forecast-of';
import { coachesForPay, statementsOfCoach, statementWithLines, type ExtraWorkRow, type StatementRow } from './repository';
import { schemesFor } from './scheme-of';

const today = (services: Services) => zonedParts(services.now()).date;
type Warning = StatementSummary['warnings'][number];

export function summaryOf(row: StatementRow, on: string): StatementSummary {
  const status = row.status as StatementStatus;
  const scheme = row.scheme as Scheme;
  return {
    id: row.id,
    month: row.month,
    status,
    scheme,
    totalMinutes: row.totalMinutes,
    totalCents: row.totalCents,
    yearToDateCents: row.yearToDateCents,
    warnings: row.warnings as Warning[],
    promisedPayDate: row.promisedPayDate,
    paidOn: row.paidOn,
    payStatus: payStatus({ status, scheme, promisedPayDate: row.promisedPayDate, paidOn: row.paidOn }, on),
  };
}

async function extraWorkOut(services: Services, rows: ExtraWorkRow[]): Promise<ExtraWork[]> {
  const names = await namesOf(services.db, [...new Set(rows.map((r) => r.coachPersonId))]);
  return rows.map((r) => {
    const n = names.get(r.coachPersonId);
    return {
      id: r.id,
      coach: { id: r.coachPersonId, firstName: n?.firstName ?? '', lastName: n?.lastName ?? '' },
      date: r.workedOn,
      minutes: r.minutes,
      reason: r.reason,
      status: r.status as ExtraWork['status'],
      decisionNote: r.decisionNote,
    };
  });
}

/** "Mijn vergoeding": the coach's statements, year to date, forecast and extra work. */
export async function getAccount(options: { services: Services; coachId: string; institutionId: string }): Promise<AccountResponse> {
  const { services } = options;
  const [coach] = await coachesForPay(services.db, options.institutionId, [options.coachId]);
  if (!coach) throw new AppError('not_found');
  const on = today(services);
  const year = Number(on.slice(0, 4));
  const [statements, extra, names, limits, schemes, forecasts] = await Promise.all([
    statementsOfCoach(services.db, coach.personId),
    services.db.select().from(compensationExtraWork).where(eq(compensationExtraWork.coachPersonId, coach.personId)).orderBy(compensationExtraWork.workedOn),
    namesOf(services.db, [coach.personId]),
    fiscalLimitsOf(services, options.institutionId),
    schemesFor(services.db, [coach.programmeId], on.slice(0, 7)),
    forecastFor(services, [coach]),
  ]);
  const n = names.get(coach.personId);
  const thisYear = statements.filter((s) => s.month.startsWith(`${year}-`) && s.scheme === 'allowance');
  return {
    coach: { id: coach.personId, firstName: n?.firstName ?? '', lastName: n?.lastName ?? '' },
    birthDate: coach.birthDate,
    scheme: schemes.get(coach.programmeId)!.settings.scheme,
    statements: statements.map((s) => summaryOf(s, on)),
    yearToDate: { year, cents: thisYear.reduce((sum, s) => sum + s.totalCents, 0), limits: limits.find((l) => l.year === year) ?? null },
    forecast: forecasts.get(coach.personId) ?? null,
    extraWork: (await extraWorkOut(services, extra)).reverse(),
  };
}

/** One statement with its lines, and what the reader may do with it. */
export async function getStatement(options: { services: Services; actor: Actor; statementId: string }): Promise<StatementResponse> {
  const { services, actor } = options;
  const found = await statementWithLines(services.db, options.statementId);
  if (!found) throw new AppError('not_found');
  const { statement, lines } = found;
  const names = await namesOf(services.db, [statement.coachPersonId]);
  const n = names.get(statement.coachPersonId);
  const resource = { kind: 'compensationStatement', institutionId: statement.institutionId, programmeId: statement.programmeId, coachId: statement.coachPersonId, status: statement.status as StatementStatus } as const;
  return {
    ...summaryOf(statement, today(services)),
    coach: { id: statement.coachPersonId, firstName: n?.firstName ?? '', lastName: n?.lastName ?? '' },
    lines: lines.map((l) => ({
      id: l.id,
      date: l.workedOn,
      kind: l.kind as StatementResponse['lines'][number]['kind'],
      minutes: l.minutes,
      band: l.band as 'under21' | 'from21' | null,
      rateCents: l.rateCents,
      amountCents: l.amountCents,
      disputeComment: l.disputeComment,
      resolution: l.resolution,
    })),
    canReview: isAllowed(actor, 'compensation:reviewStatement', resource) && (statement.status === 'open' || statement.status === 'disputed'),
    canApprove: isAllowed(actor, 'compensation:approveStatement', resource) && statement.status !== 'approved',
    canDownloadPdf: statement.scheme === 'credits',
  };
}

/** The coordinator's month: status per coach with disputes first, forecast warnings, extra work waiting. */
export async function getProgrammeMonth(options: { services: Services; institutionId: string; programmeId: string; month: string }): Promise<ProgrammeMonthResponse> {
  const { services, programmeId, month } = options;
  const on = today(services);
  const rows = await services.db
    .select()
    .from(compensationStatements)
    .where(and(eq(compensationStatements.programmeId, programmeId), eq(compensationStatements.month, month)));
  const ids = rows.map((r) => r.id);
  const [disputes, names, coaches, schemes, [pending]] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : services.db
          .select({ statementId: compensationStatementLines.statementId, n: count() })
          .from(compensationStatementLines)
          .where(and(inArray(compensationStatementLines.statementId, ids), isNotNull(compensationStatementLines.disputedAt)))
          .groupBy(compensationStatementLines.statementId),
    namesOf(services.db, rows.map((r) => r.coachPersonId)),
    coachesForPay(services.db, options.institutionId).then((all) => all.filter((c) => c.programmeId === programmeId)),
    schemesFor(services.db, [programmeId], month),
    services.db.select({ n: count() }).from(compensationExtraWork).where(and(eq(compensationExtraWork.programmeId, programmeId), eq(compensationExtraWork.status, 'pending'))),
  ]);
  const disputed = new Map(disputes.map((d) => [d.statementId, Number(d.n)]));
  const forecasts = await forecastFor(services, coaches);
  const coachNames = await namesOf(services.db, coaches.map((c) => c.personId));
  const order: Record<string, number> = { disputed: 0, open: 1, confirmed: 2, approved: 3 };
  const person = (id: string, map: Map<string, { firstName: string; lastName: string }>) => ({ id, firstName: map.get(id)?.firstName ?? '', lastName: map.get(id)?.lastName ?? '' });
  return {
    month,
    scheme: schemes.get(programmeId)!.settings.scheme,
    statements: rows
      .map((r) => ({ ...summaryOf(r, on), coach: person(r.coachPersonId, names), disputedLines: disputed.get(r.id) ?? 0 }))
      .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.coach.lastName.localeCompare(b.coach.lastName) || a.coach.firstName.localeCompare(b.coach.firstName)),
    forecastWarnings: coaches.flatMap((c) => {
      const f = forecasts.get(c.personId);
      const over = f?.months.find((m) => m.month === f.firstMonthOver);
      return f && over ? [{ coach: person(c.personId, coachNames), firstMonthOver: over.month, monthCapExceeded: over.monthCapExceeded, yearCapExceeded: over.yearCapExceeded }] : [];
    }),
    pendingExtraWork: Number(pending?.n ?? 0),
  };
}

/** Extra work waiting for a decision that this actor may decide: their supervised coaches' (senior coach) or their programme's (coordinator). */
export async function listPendingExtraWork(options: { services: Services; actor: Actor }): Promise<{ items: ExtraWork[] }> {
  const { services, actor } = options;
  const rows = await services.db
    .select()
    .from(compensationExtraWork)
    .where(and(eq(compensationExtraWork.institutionId, actor.institutionId), eq(compensationExtraWork.status, 'pending')))
    .orderBy(compensationExtraWork.workedOn);
  const supervision = rows.length === 0 ? [] : await services.db.select().from(coachSupervision).where(inArray(coachSupervision.coachId, [...new Set(rows.map((r) => r.coachPersonId))]));
  const allowed = rows.filter((r) =>
    isAllowed(actor, 'compensation:decideExtraWork', {
      kind: 'compensationExtraWork',
      institutionId: r.institutionId,
      programmeId: r.programmeId,
      coachId: r.coachPersonId,
      supervisorIds: supervision.filter((s) => s.coachId === r.coachPersonId && s.programmeId === r.programmeId).map((s) => s.seniorId),
    }),
  );
  return { items: await extraWorkOut(services, allowed) };
}

/** A person's name for the hours export and the PDF. */
export async function personOf(services: Services, personId: string) {
  const [row] = await services.db.select({ firstName: people.firstName, lastName: people.lastName, studentNumber: people.studentNumber }).from(people).where(eq(people.id, personId));
  return row ?? null;
}
