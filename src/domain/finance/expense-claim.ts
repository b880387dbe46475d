/**
 * An expense claim's rules: what may be claimed, and when the coach is promised the money.
 * Specified costs are paid back separately from the volunteer allowance (they are not allowance).
 */
export const EXPENSE_CATEGORIES = ['groceries', 'travel', 'materials', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** At most €1,000 per claim: anything above is a typo or needs another route than a coach's claim. */
export const EXPENSE_MAX_CENTS = 100_000;
/** A receipt older than this is not claimed back through the programme. */
export const EXPENSE_MAX_AGE_DAYS = 365;

/** The day of the month payouts go out (as the allowance's usual pay day, the 25th). */
export const CLAIM_PAY_DAY = 25;
/** Days finance gets between the approval and the pay date at the least. */
export const CLAIM_PAY_LEAD_DAYS = 7;

export type ClaimProblem = 'amountTooLow' | 'amountTooHigh' | 'dateInFuture' | 'dateTooOld';

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** What is wrong with a claim's amount and date (`today` as YYYY-MM-DD), per field. */
export function checkClaim(claim: { amountCents: number; spentOn: string }, today: string): { field: 'amountCents' | 'spentOn'; problem: ClaimProblem }[] {
  const problems: { field: 'amountCents' | 'spentOn'; problem: ClaimProblem }[] = [];
  if (!Number.isInteger(claim.amountCents) || claim.amountCents < 1) problems.push({ field: 'amountCents', problem: 'amountTooLow' });
  else if (claim.amountCents > EXPENSE_MAX_CENTS) problems.push({ field: 'amountCents', problem: 'amountTooHigh' });
  if (claim.spentOn > today) problems.push({ field: 'spentOn', problem: 'dateInFuture' });
  else if (Date.parse(today) - Date.parse(claim.spentOn) > EXPENSE_MAX_AGE_DAYS * DAY_MS) problems.push({ field: 'spentOn', problem: 'dateTooOld' });
  return problems;
}

/**
 * The date an approved claim is promised to be paid: the first pay day (the 25th) at least
 * `CLAIM_PAY_LEAD_DAYS` after the approval — so a claim approved on 10 March is paid by 25 March,
 * one approved on 20 March by 25 April.
 */
export function claimPromisedPayDate(approvedOn: string): string {
  const earliest = new Date(Date.parse(approvedOn) + CLAIM_PAY_LEAD_DAYS * DAY_MS);
  let pay = new Date(Date.UTC(earliest.getUTCFullYear(), earliest.getUTCMonth(), CLAIM_PAY_DAY));
  if (pay < earliest) pay = new Date(Date.UTC(earliest.getUTCFullYear(), earliest.getUTCMonth() + 1, CLAIM_PAY_DAY));
  return isoDay(pay);
}
