/**
 * Factories that insert through the real schema and return the row. The medium tests use them,
 * and so does the demo programme, so the demo is exactly the kind of data the tests exercise.
 * Every argument has a sensible default; pass overrides for what the test is about.
 */
import { zonedParts } from '../../domain/sessions/zoned-time';
import type { Role } from '../../domain/access/roles';
import type { Db } from '../db/client';
import { attendanceMarks, checkins, classes, classMembers, coachProfiles, coachSupervision, communities, communityCoachPeriods, communityMembers, consentEvents, customActivities, groupingAttributeSettings, holidayCalendars, institutions, intakes, logbookEntries, passwordCredentials, people, programmeContacts, programmes, programmeUpdates, referrals, resilienceMaps, resilienceMapShares, resilienceSnapshots, roleAssignments, sessionPlans, sessionRsvps, sessions, sessionSeries, signals, signalUpdates, studentAttributes } from '../db/schema';
import type { ConsentsFile } from '../../contracts/content/consents';
import { hashPassword } from '../modules/identity/public';
import { emptyMap, type ResilienceMap } from '../../domain/resilience/model';
import type { Holiday } from '../../domain/sessions/year-plan';

let sequence = 0;
const next = () => ++sequence;

export const factories = (db: Db) => ({
  async institution(overrides: Partial<typeof institutions.$inferInsert> = {}) {
    const [row] = await db.insert(institutions).values({ name: `Hogeschool ${next()}`, ...overrides }).returning();
    return row!;
  },

  async programme(institutionId: string, overrides: Partial<typeof programmes.$inferInsert> = {}) {
    const n = next();
    const [row] = await db
      .insert(programmes)
      .values({ institutionId, nameNl: `Opleiding ${n}`, nameEn: `Programme ${n}`, location: 'Amsterdam', ...overrides })
      .returning();
    return row!;
  },

  async intake(programmeId: string, overrides: Partial<typeof intakes.$inferInsert> = {}) {
    const [row] = await db
      .insert(intakes)
      .values({ programmeId, academicYear: '2026-2027', month: 'september', ...overrides })
      .returning();
    return row!;
  },

  async class(intakeId: string, overrides: Partial<typeof classes.$inferInsert> = {}) {
    const [row] = await db.insert(classes).values({ intakeId, code: `K${next()}`, ...overrides }).returning();
    return row!;
  },

  /**
   * A person with roles. `roles` entries are scoped to `programmeId` unless the role is
   * institution-wide (beheerder, onderzoeker). `passwordHash` lets callers hash once for many people.
   */
  async person(options: {
    institutionId: string;
    roles?: Role[];
    programmeId?: string | null;
    firstName?: string;
    lastName?: string;
    email?: string;
    locale?: 'nl' | 'en';
    password?: string;
    passwordHash?: string;
  }) {
    const n = next();
    const [row] = await db
      .insert(people)
      .values({
        institutionId: options.institutionId,
        firstName: options.firstName ?? `Voornaam${n}`,
        lastName: options.lastName ?? `Achternaam${n}`,
        email: options.email ?? `person${n}-${Date.now()}@example.test`,
        locale: options.locale ?? 'nl',
      })
      .returning();
    const person = row!;
    const wide = (role: Role) => role === 'beheerder' || role === 'onderzoeker';
    for (const role of options.roles ?? []) {
      await db.insert(roleAssignments).values({
        personId: person.id,
        role,
        institutionId: options.institutionId,
        programmeId: wide(role) ? null : (options.programmeId ?? null),
      });
    }
    const hash = options.passwordHash ?? (options.password ? await hashPassword(options.password) : undefined);
    if (hash) await db.insert(passwordCredentials).values({ personId: person.id, hash });
    return person;
  },

  async enrol(classId: string, personId: string, studentNumber = String(100000 + next())) {
    await db.insert(classMembers).values({ classId, personId, studentNumber });
  },

  async community(options: { intakeId: string; coachId?: string | null; classId?: string | null; name?: string; memberIds?: string[] }) {
    const [row] = await db
      .insert(communities)
      .values({
        intakeId: options.intakeId,
        coachId: options.coachId ?? null,
        classId: options.classId ?? null,
        name: options.name ?? `Community ${next()}`,
      })
      .returning();
    const community = row!;
    for (const personId of options.memberIds ?? []) await db.insert(communityMembers).values({ communityId: community.id, personId });
    // The coach history starts with the community (continuity figures read it).
    if (community.coachId) await db.insert(communityCoachPeriods).values({ communityId: community.id, coachId: community.coachId, startedAt: community.createdAt });
    return community;
  },

  async supervise(seniorId: string, coachId: string, programmeId: string) {
    await db.insert(coachSupervision).values({ seniorId, coachId, programmeId });
  },

  /** A coach profile; active with onboarding done unless overridden. */
  async coachProfile(personId: string, programmeId: string, overrides: Partial<typeof coachProfiles.$inferInsert> = {}) {
    const [row] = await db
      .insert(coachProfiles)
      .values({ personId, programmeId, status: 'active', agreementSignedOn: '2026-08-20', firstTrainingOn: '2026-08-27', ...overrides })
      .returning();
    return row!;
  },

  /** A consent answer with the current text of `consents` (content/consents.json). */
  async consent(options: {
    institutionId: string;
    personId: string;
    consentId: string;
    consents: ConsentsFile;
    event?: 'grant' | 'withdraw';
    at?: Date;
  }) {
    const text = options.consents.consents.find((c) => c.id === options.consentId);
    if (!text) throw new Error(`unknown consent ${options.consentId}`);
    const [row] = await db
      .insert(consentEvents)
      .values({
        institutionId: options.institutionId,
        personId: options.personId,
        consentId: text.id,
        event: options.event ?? 'grant',
        textVersion: text.version,
        textNl: text.text.nl,
        textEn: text.text.en,
        shownLocale: 'nl',
        ...(options.at ? { at: options.at } : {}),
      })
      .returning();
    return row!;
  },

  /** Enables grouping attributes for an institution (the beheerder's settings). */
  async groupingAttributes(institutionId: string, attributes: readonly string[], fromImport: readonly string[] = []) {
    if (attributes.length === 0) return;
    await db.insert(groupingAttributeSettings).values(attributes.map((attribute) => ({ institutionId, attribute, enabled: true, fromImport: fromImport.includes(attribute) })));
  },

  /** A value a student disclosed (or, with source 'import', one the import suggested). */
  async studentAttribute(personId: string, attribute: string, value: string, source: 'student' | 'import' = 'student') {
    await db.insert(studentAttributes).values({ personId, attribute, value, source, confirmed: source === 'student' });
  },

  /** A referral as recorded (no follow-up job: tests of the job schedule through the use case). */
  async referral(options: {
    institutionId: string;
    programmeId: string;
    coacheeId: string;
    coachId: string;
    resourceId: string;
    referredOn?: string;
    followUpDueAt?: Date;
  }) {
    const referredOn = options.referredOn ?? zonedParts(new Date()).date;
    const [row] = await db
      .insert(referrals)
      .values({
        ...options,
        referredOn,
        coacheeAgreed: true,
        followUpDueAt: options.followUpDueAt ?? new Date(Date.parse(referredOn) + 21 * 86_400_000),
      })
      .returning();
    return row!;
  },

  async programmeContact(programmeId: string, overrides: { label?: string; email?: string } = {}) {
    const n = next();
    const [row] = await db
      .insert(programmeContacts)
      .values({ programmeId, label: overrides.label ?? `Opleidingsmanagement ${n}`, email: overrides.email ?? `opleiding${n}@example.test` })
      .returning();
    return row!;
  },

  async signal(options: {
    institutionId: string;
    programmeId: string;
    raisedById: string;
    kind?: 'need' | 'theme' | 'incident';
    anonymous?: boolean;
    title?: string;
    body?: string;
  }) {
    const n = next();
    const [row] = await db
      .insert(signals)
      .values({
        reference: `PK-${1000 + n}-${10 + (n % 90)}`,
        institutionId: options.institutionId,
        programmeId: options.programmeId,
        raisedById: options.raisedById,
        kind: options.kind ?? 'theme',
        anonymous: options.anonymous ?? false,
        title: options.title ?? `Signaal ${n}`,
        body: options.body ?? `Toelichting bij signaal ${n}`,
      })
      .returning();
    await db.insert(signalUpdates).values({ signalId: row!.id, status: 'open' });
    return row!;
  },

  /** A resilience map with its shares and dated snapshots (snapshots may be backdated). */
  async resilienceMap(
    ownerId: string,
    options: { content?: ResilienceMap; shares?: { personId: string; mode: 'view' | 'edit' }[]; snapshots?: { takenOn: string; content: ResilienceMap }[] } = {},
  ) {
    const [map] = await db.insert(resilienceMaps).values({ ownerId, content: options.content ?? emptyMap() }).returning();
    for (const share of options.shares ?? []) await db.insert(resilienceMapShares).values({ mapId: map!.id, ...share });
    for (const snapshot of options.snapshots ?? []) await db.insert(resilienceSnapshots).values({ mapId: map!.id, createdById: ownerId, ...snapshot });
    return map!;
  },

  /** A session; a community session of an hour from now unless overridden. */
  async session(options: { institutionId: string; programmeId: string } & Partial<typeof sessions.$inferInsert>) {
    const startsAt = options.startsAt ?? new Date(Date.now() + 86_400_000);
    const [row] = await db
      .insert(sessions)
      .values({ type: 'community', endsAt: new Date(startsAt.getTime() + 90 * 60_000), ...options, startsAt })
      .returning();
    return row!;
  },

  /** Many sessions in one insert (the demo's year plans). */
  async sessions(rows: (typeof sessions.$inferInsert)[]) {
    return rows.length ? db.insert(sessions).values(rows).returning() : [];
  },

  async sessionSeries(values: typeof sessionSeries.$inferInsert) {
    await db.insert(sessionSeries).values(values);
  },

  async holidayCalendar(institutionId: string, academicYear: string, holidays: Holiday[]) {
    await db.insert(holidayCalendars).values({ institutionId, academicYear, holidays });
  },

  async rsvps(rows: (typeof sessionRsvps.$inferInsert)[]) {
    if (rows.length) await db.insert(sessionRsvps).values(rows);
  },

  async attendance(rows: (typeof attendanceMarks.$inferInsert)[]) {
    if (rows.length) await db.insert(attendanceMarks).values(rows);
  },

  async checkins(rows: (typeof checkins.$inferInsert)[]) {
    if (rows.length) await db.insert(checkins).values(rows);
  },

  async programmeUpdate(values: typeof programmeUpdates.$inferInsert) {
    const [row] = await db.insert(programmeUpdates).values(values).returning();
    return row!;
  },

  async logbook(values: typeof logbookEntries.$inferInsert) {
    const [row] = await db.insert(logbookEntries).values(values).returning();
    return row!;
  },

  async customActivity(values: typeof customActivities.$inferInsert) {
    const [row] = await db.insert(customActivities).values(values).returning();
    return row!;
  },

  async sessionPlan(values: typeof sessionPlans.$inferInsert) {
    const [row] = await db.insert(sessionPlans).values(values).returning();
    return row!;
  },
});

export type Factories = ReturnType<typeof factories>;
