import { describe, expect, it } from 'vitest';
import { readClaims, studentNumberFrom, type OidcClaimSettings } from './oidc-claims';

const settings: OidcClaimSettings = { homeOrganisation: 'hogeschool.nl', linkBy: 'email', studentNumberClaim: 'schac_personal_unique_code', emailTrust: 'verified-claim', mfaAcrValues: ['https://refeds.org/profile/mfa'] };
const claims = { sub: 'abc', email: 'Sam@Hogeschool.nl', email_verified: true, schac_home_organization: 'hogeschool.nl', eduperson_affiliation: ['student', 'member'], given_name: 'Sam', family_name: 'de Vries' };

describe('readClaims', () => {
  it('links by a verified e-mail address of the home organisation', () => {
    expect(readClaims(claims, settings)).toEqual({ ok: true, subject: 'abc', link: { by: 'email', email: 'sam@hogeschool.nl' }, email: 'sam@hogeschool.nl', mfaDone: false, affiliations: ['student', 'member'], firstName: 'Sam', lastName: 'de Vries' });
  });

  it('refuses another home organisation, whatever else matches', () => {
    expect(readClaims({ ...claims, schac_home_organization: 'andere-hogeschool.nl' }, settings)).toEqual({ ok: false, reason: 'other_institution' });
  });

  it('does not link by an unverified address unless the institution trusts its own provider', () => {
    expect(readClaims({ ...claims, email_verified: false }, settings)).toEqual({ ok: false, reason: 'missing_claims' });
    expect(readClaims({ ...claims, email_verified: undefined }, settings)).toEqual({ ok: false, reason: 'missing_claims' });
    expect(readClaims({ ...claims, email_verified: undefined }, { ...settings, emailTrust: 'home-organisation' })).toMatchObject({ ok: true, link: { by: 'email' } });
  });

  it('never links by name: without an address or number there is no link', () => {
    expect(readClaims({ sub: 'abc', schac_home_organization: 'hogeschool.nl', given_name: 'Sam', family_name: 'de Vries' }, settings)).toEqual({ ok: false, reason: 'missing_claims' });
  });

  it('links by student number when the institution chose it', () => {
    const urn = 'urn:schac:personalUniqueCode:nl:local:hogeschool.nl:studentid:500123';
    expect(readClaims({ ...claims, schac_personal_unique_code: [urn] }, { ...settings, linkBy: 'student-number' })).toMatchObject({ ok: true, link: { by: 'student-number', studentNumber: '500123' } });
  });

  it('counts only the configured acr values as MFA done', () => {
    expect(readClaims({ ...claims, acr: 'https://refeds.org/profile/mfa' }, settings)).toMatchObject({ mfaDone: true });
    expect(readClaims({ ...claims, acr: 'urn:password' }, settings)).toMatchObject({ mfaDone: false });
    expect(readClaims({ ...claims, acr: 'https://refeds.org/profile/mfa' }, { ...settings, mfaAcrValues: [] })).toMatchObject({ mfaDone: false });
  });
});

describe('studentNumberFrom', () => {
  it('takes a plain value or the home organisation’s SCHAC code, not another organisation’s', () => {
    expect(studentNumberFrom('123', 'hogeschool.nl')).toBe('123');
    expect(studentNumberFrom('urn:schac:personalUniqueCode:nl:local:andere.nl:studentid:9', 'hogeschool.nl')).toBeNull();
    expect(studentNumberFrom(undefined, 'hogeschool.nl')).toBeNull();
  });
});
