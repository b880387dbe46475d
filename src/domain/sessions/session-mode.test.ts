import { describe, expect, it } from 'vitest';
import { hasMeetingLink, isHttpsLink, needsCampus } from './session-mode';

describe('session mode', () => {
  it('only an online session needs nobody on campus', () => {
    expect(needsCampus('online')).toBe(false);
    expect(needsCampus('hybrid')).toBe(true);
    expect(needsCampus('onCampus')).toBe(true);
  });

  it('online and hybrid sessions have a meeting link', () => {
    expect(hasMeetingLink('onCampus')).toBe(false);
    expect(hasMeetingLink('online')).toBe(true);
    expect(hasMeetingLink('hybrid')).toBe(true);
  });

  it('accepts only https links with a host and no credentials', () => {
    expect(isHttpsLink('https://teams.microsoft.com/l/meetup-join/abc')).toBe(true);
    expect(isHttpsLink('https://chat.whatsapp.com/AbCdEf')).toBe(true);
    for (const bad of ['http://example.org/x', 'javascript:alert(1)', 'example.org', 'https://user:pw@example.org/', 'ftp://example.org', 'https://exa mple.org', '', `https://example.org/${'a'.repeat(500)}`]) {
      expect(isHttpsLink(bad), bad).toBe(false);
    }
  });
});
