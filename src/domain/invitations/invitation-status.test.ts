import { describe, expect, it } from 'vitest';
import { canSend, countStatuses, intakeStartDate, inviteeStatus, linkExpiresAt, reminderDueAt, scheduledSendAt } from './invitation-status';

describe('invitation rules', () => {
  it('an intake starts on 1 September of its first year or 1 February of its second', () => {
    expect(intakeStartDate('2026-2027', 'september')).toBe('2026-09-01');
    expect(intakeStartDate('2026-2027', 'february')).toBe('2027-02-01');
  });

  it('scheduled invitations go out at 09:00 Dutch time (summer and winter time)', () => {
    expect(scheduledSendAt('2026-2027', 'september').toISOString()).toBe('2026-09-01T07:00:00.000Z');
    expect(scheduledSendAt('2026-2027', 'february').toISOString()).toBe('2027-02-01T08:00:00.000Z');
  });

  it('a link works 7 days and the reminder comes after 3', () => {
    const sent = new Date('2026-09-01T07:00:00Z');
    expect(linkExpiresAt(sent).toISOString()).toBe('2026-09-08T07:00:00.000Z');
    expect(reminderDueAt(sent).toISOString()).toBe('2026-09-04T07:00:00.000Z');
  });

  it.each([
    [null, false, 'notInvited'],
    [{ status: 'scheduled' as const }, false, 'scheduled'],
    [{ status: 'invited' as const }, false, 'invited'],
    [{ status: 'reminded' as const }, false, 'reminded'],
    [{ status: 'invited' as const }, true, 'bounced'],
    [{ status: 'reminded' as const }, true, 'bounced'],
    [{ status: 'activated' as const }, true, 'activated'],
  ])('status of %j with bounce %s is %s', (invitation, bounced, expected) => {
    expect(inviteeStatus(invitation, bounced)).toBe(expected);
  });

  it('a resend within a minute is a double click; an activated account is never invited again', () => {
    const now = new Date('2026-09-01T07:00:30Z');
    expect(canSend(null, now)).toBe('ok');
    expect(canSend({ status: 'invited', sentAt: new Date('2026-09-01T07:00:00Z') }, now)).toBe('justSent');
    expect(canSend({ status: 'invited', sentAt: new Date('2026-09-01T06:59:00Z') }, now)).toBe('ok');
    expect(canSend({ status: 'scheduled', sentAt: null }, now)).toBe('ok');
    expect(canSend({ status: 'activated', sentAt: new Date('2026-08-01T07:00:00Z') }, now)).toBe('activated');
  });

  it('counts every status, zeros included', () => {
    expect(countStatuses(['invited', 'invited', 'bounced'])).toEqual({ notInvited: 0, scheduled: 0, invited: 2, reminded: 0, activated: 0, bounced: 1, total: 3 });
  });
});
