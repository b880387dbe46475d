/**
 * What peerkracht reads from an OpenID Connect sign-in (SURFconext's claims), pure: whether the
 * person comes from the institution's home organisation, which key links them to a person
 * (a trusted e-mail address or the student number — never a name), whether the provider already
 * did MFA, and what an automatically created person is called.
 */

export type OidcClaimSettings = {
  homeOrganisation: string;
  linkBy: 'email' | 'student-number';
  studentNumberClaim: string;
  emailTrust: 'verified-claim' | 'home-organisation';
  mfaAcrValues: string[];
};

export type ReadClaims =
  | { ok: false; reason: 'other_institution' | 'missing_claims' }
  | {
      ok: true;
      subject: string;
      link: { by: 'email'; email: string } | { by: 'student-number'; studentNumber: string };
      /** A trusted e-mail address, when there is one (needed to create a person). */
      email: string | null;
      mfaDone: boolean;
      /** eduPersonAffiliation values, lower case (student, employee, staff, …). */
      affiliations: string[];
      firstName: string;
      lastName: string;
    };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []));

/**
 * A student number from its claim: a plain value, or a SCHAC personal unique code
 * (`urn:schac:personalUniqueCode:nl:local:hogeschool.nl:studentid:123456`) of the home
 * organisation, whose last part is the number.
 */
export function studentNumberFrom(value: unknown, homeOrganisation: string): string | null {
  for (const candidate of texts(value)) {
    if (!candidate.toLowerCase().startsWith('urn:')) return candidate;
    const parts = candidate.split(':');
    const scope = parts.slice(0, -1).map((p) => p.toLowerCase());
    if (scope.includes(homeOrganisation) && scope.some((p) => p === 'studentid' || p === 'studentnumber')) {
      const last = parts.at(-1);
      if (last) return last;
    }
  }
  return null;
}

export function readClaims(claims: Record<string, unknown>, settings: OidcClaimSettings): ReadClaims {
  const subject = text(claims.sub);
  if (!subject) return { ok: false, reason: 'missing_claims' };
  const home = text(claims.schac_home_organization)?.toLowerCase();
  if (!home) return { ok: false, reason: 'missing_claims' };
  if (home !== settings.homeOrganisation.toLowerCase()) return { ok: false, reason: 'other_institution' };
  const rawEmail = text(claims.email)?.toLowerCase() ?? null;
  const email = rawEmail && (settings.emailTrust === 'home-organisation' || claims.email_verified === true) ? rawEmail : null;
  let link: Extract<ReadClaims, { ok: true }>['link'] | null = null;
  if (settings.linkBy === 'email') link = email ? { by: 'email', email } : null;
  else {
    const studentNumber = studentNumberFrom(claims[settings.studentNumberClaim], settings.homeOrganisation.toLowerCase());
    link = studentNumber ? { by: 'student-number', studentNumber } : null;
  }
  if (!link) return { ok: false, reason: 'missing_claims' };
  const acr = text(claims.acr);
  const fallbackName = (email ?? subject).split('@')[0] ?? subject;
  return {
    ok: true,
    subject,
    link,
    email,
    mfaDone: acr !== null && settings.mfaAcrValues.includes(acr),
    affiliations: texts(claims.eduperson_affiliation).map((a) => a.toLowerCase()),
    firstName: text(claims.given_name) ?? fallbackName,
    lastName: text(claims.family_name) ?? '',
  };
}

/** Affiliations for which an institution that turned auto-create on gets a new person; guests and affiliates do not. */
export const AUTO_CREATE_AFFILIATIONS = ['student', 'employee', 'staff', 'faculty', 'member'];
