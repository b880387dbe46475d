/**
 * IBANs: normalised to the electronic format and checked with `ibantools` (country length,
 * BBAN format and the mod-97 check digits); SEPA countries only, since the payout is a SEPA
 * credit transfer. Shown masked to everyone but the coach and finance.
 */
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';

export type IbanProblem = 'empty' | 'invalid' | 'checkDigits' | 'notSepa';
export type CheckedIban = { ok: true; iban: string } | { ok: false; problem: IbanProblem };

export function checkIban(input: string): CheckedIban {
  const iban = electronicFormatIBAN(input) ?? '';
  if (iban === '') return { ok: false, problem: 'empty' };
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return { ok: false, problem: 'invalid' };
  const result = validateIBAN(iban);
  if (!result.valid) {
    // ibantools names the failing parts: only the check digits wrong is what a typo usually gives.
    const onlyCheckDigits = result.errorCodes.every((c) => c === ValidationErrorsIBAN.WrongIBANChecksum || c === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
    return { ok: false, problem: onlyCheckDigits ? 'checkDigits' : 'invalid' };
  }
  if (!isSEPACountry(iban.slice(0, 2))) return { ok: false, problem: 'notSepa' };
  return { ok: true, iban };
}

/** Whether an IBAN passes the check (the SEPA file's rule). */
export const isValidIban = (iban: string) => checkIban(iban).ok;

export const checkBic = (bic: string) => isValidBIC(bic.replace(/\s+/g, '').toUpperCase());

/** `NL91 ABNA 0417 1643 00` */
export const formatIban = (iban: string) => friendlyFormatIBAN(iban) ?? iban;

/** `NL•• •••• •••• ••43 00`: the country and the last four characters. */
export function maskIban(iban: string): string {
  const masked = iban.slice(0, 2) + '•'.repeat(Math.max(0, iban.length - 6)) + iban.slice(-4);
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}
