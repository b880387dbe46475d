/** Institutions, programmes, intakes, classes, people and their roles, communities. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../../domain/access/roles';
import { createdAt } from './columns';

export const roleEnum = pgEnum('role', ROLES);
export const intakeMonthEnum = pgEnum('intake_month', ['september', 'february']);

/** The hogeschool. No personal data. */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

/** A degree programme (opleiding) at a location. No personal data. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    location: text('location').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('programmes_institution_idx').on(t.institutionId)],
);

/**
 * An intake of a programme in an academic year (September or February), with its settings
 * (format, participation mode, phases, frequency, group size) as versioned JSON.
 * No personal data.
 */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    academicYear: text('academic_year').notNull(),
    month: intakeMonthEnum('month').notNull(),
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intakes_programme_year_month_uq').on(t.programmeId, t.academicYear, t.month)],
);

/**
 * A person. Personal data: name and e-mail address.
 * Purpose: running the coaching programme and signing in. Retention: until one year after the
 * person's last role ends. Not special-category.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('nl'),
    /** The student number from the student information system; the key of idempotent imports. */
    studentNumber: text('student_number'),
    /**
     * Set when the beheerder deactivates the account: sign-in is refused and every session ends.
     * The person, their roles and history stay. Cleared on reactivation.
     */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('people_student_number_uq').on(t.institutionId, t.studentNumber),
    check('people_locale_ck', sql`${t.locale} in ('nl', 'en')`),
  ],
);

/**
 * A role held by a person, scoped to an institution and optionally one programme.
 * Personal data (who has which role). Purpose: access control. Retention: as people.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_assignments_person_idx').on(t.personId),
    uniqueIndex('role_assignments_uq').on(t.personId, t.role, t.institutionId, sql`coalesce(${t.programmeId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/** A class (klas) of an intake, with its leercoach. No personal data beyond the leercoach link. */
export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    leercoachId: uuid('leercoach_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('classes_intake_code_uq').on(t.intakeId, t.code)],
);

/**
 * A student's enrolment in a class. Personal data: student number.
 * Purpose: forming communities, attendance figures for the leercoach. Retention: as people.
 */
export const classMembers = pgTable(
  'class_members',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    studentNumber: text('student_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.personId] })],
);

/** A community of 7–8 coachees led by one student coach. `version` detects concurrent edits. */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    coachId: uuid('coach_id').references(() => people.id, { onDelete: 'set null' }),
    /** The default mode of the community's sessions: on campus, online or hybrid. */
    sessionMode: text('session_mode').notNull().default('onCampus'),
    /** The default https meeting link of its online or hybrid sessions (members and coach only). */
    meetingLink: text('meeting_link').notNull().default(''),
    /** The group's own chat link (WhatsApp, Teams), https; shown to its members and coach only. */
    chatLink: text('chat_link').notNull().default(''),
    /**
     * 'group': a community that meets as a group; 'caseload': a coach's caseload of one-on-ones in an
     * intake with individual coaching (#21: members are the coachees, no group sessions); 'class': a coach
     * linked to a whole class in a class-wide intake (classId set; its sessions are class-wide sessions).
     */
    kind: text('kind').notNull().default('group'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('communities_intake_idx').on(t.intakeId),
    index('communities_coach_idx').on(t.coachId),
    check('communities_session_mode_ck', sql`${t.sessionMode} in ('onCampus', 'online', 'hybrid')`),
    check('communities_kind_ck', sql`${t.kind} in ('group', 'caseload', 'class')`),
  ],
);

/**
 * Membership history of a community (joined, moved, stopped). Personal data.
 * Purpose: running the community and continuity figures. Retention: as people.
 */
export const communityMembers = pgTable(
  'community_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    joinedOn: timestamp('joined_on', { withTimezone: true }).notNull().defaultNow(),
    leftOn: timestamp('left_on', { withTimezone: true }),
    leftReason: text('left_reason'),
    /** How the person came in: placed at the start ('initial'), added later, moved here, or by a handover. */
    joinedReason: text('joined_reason').notNull().default('initial'),
  },
  (t) => [
    index('community_members_community_idx').on(t.communityId),
    index('community_members_person_idx').on(t.personId),
  ],
);

/** Which senior coach supervises which student coach. Personal data (a relation). */
export const coachSupervision = pgTable(
  'coach_supervision',
  {
    seniorId: uuid('senior_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.seniorId, t.coachId] })],
);
