/**
 * The personal-data registry (AVG/GDPR art. 30): for every table, what it holds, why, how long,
 * and how it reaches a person's data export (art. 15/20) and is erased (art. 17).
 *
 * Every table exported by ./schema.ts needs an entry — `personal-data-registry.test.ts` fails and
 * says what to add when one is missing. docs/privacy.md is rendered from this file and checked
 * for drift by the same test (regenerate: `UPDATE_PRIVACY_DOC=1 npx vitest run --project small
 * src/server/db/personal-data-registry.test.ts`).
 */

/** `none`: no personal data; `personal`: ordinary personal data; `special`: art. 9 data (health, origin, …). */
export type DataCategory = 'none' | 'personal' | 'special';

export type RegistryEntry = {
  /** The bounded context that owns the table. */
  context: string;
  purpose: string;
  category: DataCategory;
  retention: string;
  /** How the person's rows appear in their data export. */
  export: string;
  /** What happens to the rows when the person's data is erased. */
  erasure: string;
  /**
   * How the retention is enforced, machine-readable. Required for every table with personal data:
   * a rule of the daily retention pass, the other mechanism that enforces it, or why no age rule
   * applies (the registry test fails otherwise).
   */
  purge?: Purge;
  /**
   * How to find a person's rows, machine-readably: the data subject's export (art. 15/20) and
   * erasure (art. 17) are generated from it (modules/rights). Required for every table with
   * personal data, and every column that references `people.id` must be named (the registry test
   * fails otherwise). A table without it and without personal data holds rows of nobody.
   */
  subject?: Subject;
};

/** What erasure does to rows where a column is the person, and how they reach the export. */
export type SubjectColumn = {
  /**
   * `delete`: the rows go; `unlink`: the column is set to null (the row is someone else's record,
   * e.g. who marked attendance); `legal hold`: kept under a legal duty (AVG art. 17(3)(b)) — the
   * person row then stays, irreversibly anonymised, so these rows name nobody.
   */
  erase: 'delete' | 'unlink' | 'legal hold';
  /** `rows`: every column (but `hide` and secrets); `count`: only how many (credentials, others' records). */
  exportAs: 'rows' | 'count';
  /** Columns left out of the export (someone else's coaching content, identifiers of others). */
  hide: readonly string[];
};

export type Subject =
  | {
      /** Columns (database names) that hold a person's id. */
      columns?: Readonly<Record<string, SubjectColumn>>;
      /** Rows whose `column` references a row of `parent` where `parentColumn` is the person; they go with that row. */
      via?: { column: string; parent: string; parentColumn: string; exportAs?: 'rows' | 'count' };
      /** A column holding an e-mail address: rows addressed to the person's address. */
      email?: string;
    }
  /** Holds no row of a particular person: why. */
  | { none: string };

/**
 * A period after a reference moment. `coachingYearsAfter: n`: n years after the end of the
 * coaching (academic) year the reference moment lies in — the year runs 1 September to 31 August
 * (UTC); both intakes end by then.
 */
export type RetentionPeriod = { days: number } | { months: number } | { years: number } | { coachingYearsAfter: number };

export type Purge =
  /** Enforced by the daily retention pass (modules/retention): rows whose `from` lies before the cutoff. */
  | { by: 'retention pass'; action: 'delete' | 'anonymise'; from: string; after: RetentionPeriod; when?: string }
  /** Enforced by another mechanism, named here. */
  | { by: 'elsewhere'; how: string }
  /** No age rule: why not, and what removes the rows instead. */
  | { by: 'no age rule'; reason: string };

const DAY_MS = 86_400_000;

/**
 * The moment before which a reference date is past its retention at `now`: rows with
 * `from < cutoff` go. Pure, so the dry run and the real run agree on it.
 */
export function retentionCutoff(after: RetentionPeriod, now: Date): Date {
  if ('days' in after) return new Date(now.getTime() - after.days * DAY_MS);
  const d = new Date(now.getTime());
  if ('months' in after) {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - after.months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return d;
  }
  if ('years' in after) {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCFullYear(d.getUTCFullYear() - after.years);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return d;
  }
  // The start of the coaching year `now` lies in, moved back: a reference date before it lies in
  // a coaching year that ended at least `coachingYearsAfter` years ago.
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return new Date(Date.UTC(year - after.coachingYearsAfter, 8, 1));
}

const periodText = (after: RetentionPeriod): string => {
  const n = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if ('days' in after) return after.days === 0 ? 'once past' : `${n(after.days, 'day')} after`;
  if ('months' in after) return `${n(after.months, 'month')} after`;
  if ('years' in after) return `${n(after.years, 'year')} after`;
  return after.coachingYearsAfter === 0 ? 'when the coaching year (1 September – 31 August) ends that holds' : `${n(after.coachingYearsAfter, 'year')} after the end of the coaching year (1 September – 31 August) that holds`;
};

/** The enforcement of a retention, in words (docs/privacy.md). */
export function purgeText(purge: Purge | undefined): string {
  if (!purge) return 'Not applicable.';
  if (purge.by === 'elsewhere') return purge.how;
  if (purge.by === 'no age rule') return `No age rule: ${purge.reason}`;
  const verb = purge.action === 'delete' ? 'deleted' : 'anonymised';
  return `Daily retention pass: ${verb} ${periodText(purge.after)} ${purge.from}${purge.when ? `, ${purge.when}` : ''}.`;
}

const pass = (action: 'delete' | 'anonymise', from: string, after: RetentionPeriod, when?: string): Purge => ({ by: 'retention pass', action, from, after, ...(when ? { when } : {}) });
const elsewhere = (how: string): Purge => ({ by: 'elsewhere', how });
const noAgeRule = (reason: string): Purge => ({ by: 'no age rule', reason });
const WITH_PERSON = noAgeRule('kept as long as the person; goes when the person is erased, and is kept without name when the person is anonymised.');
const SIGN_IN_PURGE = elsewhere('Hourly sign-in purge of the job poller (`purgeExpiredSignIns`).');
const TIMETABLE_JOB = elsewhere('The teaching period’s timetable-retention job, 30 days after the period ends.');

const subjectColumn = (erase: SubjectColumn['erase']) => (exportAs: SubjectColumn['exportAs'] = 'rows', hide: readonly string[] = []): SubjectColumn => ({ erase, exportAs, hide });
const del = subjectColumn('delete');
const unlink = subjectColumn('unlink');
const hold = subjectColumn('legal hold');
const by = (columns: Record<string, SubjectColumn>): Subject => ({ columns });
const nobody = (why: string): Subject => ({ none: why });

const NO_PERSON = 'Not applicable: holds no personal data.';
const rowsOf = (column: string) => `Rows where \`${column}\` is the person.`;
const CASCADE = 'Deleted with the person (foreign key ON DELETE CASCADE).';
const cascadeAnd = (extra: string) => `${CASCADE} ${extra}`;

export const PERSONAL_DATA_REGISTRY: Readonly<Record<string, RegistryEntry>> = {
  // --- organisation ------------------------------------------------------------------------
  institutions: { context: 'organisation', purpose: 'The hogeschool running the programme.', category: 'none', retention: 'As long as the institution uses peerkracht.', export: NO_PERSON, erasure: NO_PERSON },
  programmes: { context: 'organisation', purpose: 'Degree programmes (opleidingen) at a location.', category: 'none', retention: 'As the institution.', export: NO_PERSON, erasure: NO_PERSON },
  intakes: { context: 'organisation', purpose: 'Intakes (September/February) with their settings.', category: 'none', retention: 'As the programme.', export: NO_PERSON, erasure: NO_PERSON },
  people: { context: 'organisation', purpose: 'Name, e-mail and language of everyone who uses peerkracht; running the programme and signing in.', category: 'personal', retention: 'Until one year after the person’s last role ends.', export: 'The person’s own row.', erasure: 'Deleting the row erases the person; every table below follows by cascade or set-null.', purge: pass('anonymise', 'the start of their last intake’s coaching year (or their account’s creation, without an intake)', { coachingYearsAfter: 1 }, 'when they hold no role other than coachee: name, e-mail and student numbers are replaced, and their password, sessions, feeds, tokens, resilience map and disclosed attributes are deleted; the row stays so attendance and membership history keep their shape'), subject: by({ id: del() }) },
  role_assignments: { context: 'organisation', purpose: 'Which roles a person holds (access control).', category: 'personal', retention: 'As people.', export: rowsOf('person_id'), erasure: CASCADE, purge: WITH_PERSON, subject: by({ person_id: del() }) },
  classes: { context: 'organisation', purpose: 'Classes (klassen) with their leercoach.', category: 'personal', retention: 'As the intake.', export: 'Classes where the person is the leercoach.', erasure: 'The leercoach link is set to null.', purge: noAgeRule('kept with the intake as the programme’s record; the leercoach link goes when that person is erased.'), subject: by({ leercoach_id: unlink() }) },
  class_members: { context: 'organisation', purpose: 'A student’s enrolment and student number: forming communities, attendance figures for the leercoach.', category: 'personal', retention: 'As people.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('kept with the person; the student number is replaced when the person is anonymised, and the row goes when the person is erased.'), subject: by({ person_id: del() }) },
  communities: { context: 'organisation', purpose: 'Communities of 7–8 coachees and their coach.', category: 'personal', retention: 'As the intake.', export: 'Communities the person coaches.', erasure: 'The coach link is set to null.', purge: noAgeRule('kept with the intake as the programme’s record; the coach link goes when that person is erased.'), subject: by({ coach_id: unlink() }) },
  community_members: { context: 'organisation', purpose: 'Membership history (joined, moved, stopped): running the community, continuity figures.', category: 'personal', retention: 'As people.', export: rowsOf('person_id'), erasure: CASCADE, purge: WITH_PERSON, subject: by({ person_id: del() }) },
  coach_supervision: { context: 'organisation', purpose: 'Which senior coach supervises which coach.', category: 'personal', retention: 'As people.', export: 'Rows where the person is the senior or the coach.', erasure: CASCADE, purge: WITH_PERSON, subject: by({ senior_id: del(), coach_id: del() }) },
  role_events: { context: 'people', purpose: 'The append-only history of a person’s roles and account: who granted or revoked which role (and set a leercoach’s classes or a senior coach’s group), deactivated or reactivated the account, when and why. Accountability, and the person’s own “Mijn rollen” page (which names the staff member and the role they acted as; supervised coaches are counted, not named).', category: 'personal', retention: 'As people: kept while the person is, deleted with them; as the actor, the link is set to null when the actor is erased.', export: rowsOf('person_id') + ' With the actor’s name and role and the reason.', erasure: cascadeAnd('As the actor, the link is set to null.'), purge: WITH_PERSON, subject: by({ person_id: del(), actor_id: unlink('count') }) },

  // --- identity, mail, audit ---------------------------------------------------------------
  password_credentials: { context: 'identity', purpose: 'The argon2id hash of a password: signing in.', category: 'personal', retention: 'Until the password is removed or the person erased.', export: 'Not exported (a credential); the export says a password is set.', erasure: CASCADE, purge: noAgeRule('kept while the account exists; deleted when the person is anonymised or erased.'), subject: by({ person_id: del('count') }) },
  auth_sessions: { context: 'identity', purpose: 'Signed-in sessions (hashed tokens), with the browser’s User-Agent and when each was last used (updated at most every five minutes), so the person can see and end them on “Waar ben ik ingelogd”.', category: 'personal', retention: 'Until expiry or sign-out.', export: 'Count and dates of active sessions.', erasure: CASCADE, purge: SIGN_IN_PURGE, subject: by({ person_id: del('rows', ['csrf_token']) }) },
  password_reset_tokens: { context: 'identity', purpose: 'Single-use password-reset tokens (hashed).', category: 'personal', retention: 'Until used, at most one day after expiry.', export: 'Not exported (short-lived security tokens).', erasure: CASCADE, purge: SIGN_IN_PURGE, subject: by({ person_id: del('count') }) },
  rate_limit_counters: { context: 'identity', purpose: 'Counts of failed sign-ins and reset requests per address, per account and per both, shared by all app instances: limiting password guessing and reset-mail floods. Keys are HMAC-SHA-256 digests; no e-mail or IP address is stored.', category: 'personal', retention: 'Two counting windows (at most two hours), then deleted by the hourly retention purge of the job poller.', export: 'Not exported (pseudonymous digests, not linked to a person and gone within two hours).', erasure: 'Not linked to the person; gone within two hours.', purge: elsewhere('Hourly attempt-counter purge of the job poller (`purgeAttemptCounters`).'), subject: nobody('keys are HMAC digests of an address or account, linked to no person id.') },
  magic_link_tokens: { context: 'identity', purpose: 'Single-use sign-in links (“Stuur me een inloglink”, 15 minutes), stored as SHA-256 digests; a request for an unknown address stores a row without a person that can never sign in.', category: 'personal', retention: 'One day after expiry (used or not).', export: 'Not exported (short-lived security tokens).', erasure: CASCADE, purge: SIGN_IN_PURGE, subject: by({ person_id: del('count') }) },
  totp_credentials: { context: 'identity', purpose: 'A person’s TOTP authenticator for MFA: the shared secret, encrypted at rest (AES-256-GCM under PEERKRACHT_MFA_KEY) and never returned by any API after set-up; the last accepted time step (no code works twice).', category: 'personal', retention: 'Until the person turns MFA off, or is erased.', export: 'Not exported (a credential); the export says whether MFA is on.', erasure: CASCADE, purge: noAgeRule('kept while MFA is on; deleted when the person turns it off, is anonymised or erased.'), subject: by({ person_id: del('count') }) },
  mfa_recovery_codes: { context: 'identity', purpose: 'Single-use MFA recovery codes, stored as SHA-256 digests: signing in when the authenticator is lost.', category: 'personal', retention: 'Until new codes replace them, MFA is turned off, or the person is erased.', export: 'Not exported (credentials); the export says how many are left.', erasure: CASCADE, purge: noAgeRule('replaced when new codes are made, deleted when MFA is turned off or the person is anonymised or erased.'), subject: by({ person_id: del('count') }) },
  pending_sign_ins: { context: 'identity', purpose: 'A sign-in whose first step passed and whose MFA code is awaited (hashed token): two-step sign-in.', category: 'personal', retention: 'Five minutes; deleted when completed or by the hourly purge.', export: 'Not exported (short-lived security tokens).', erasure: CASCADE, purge: SIGN_IN_PURGE, subject: by({ person_id: del('count') }) },
  oidc_links: { context: 'sso', purpose: 'Which SURFconext (OpenID Connect) account — issuer and pseudonymous `sub` — is which person, remembered after the first sign-in.', category: 'personal', retention: 'As people; deleted when the person is anonymised (the account can then no longer be signed in to).', export: 'The provider (issuer) and when the link was made and last used.', erasure: CASCADE, purge: noAgeRule('kept while the account exists; deleted when the person is anonymised or erased.'), subject: by({ person_id: del('rows', ['subject']) }) },
  oidc_sign_in_attempts: { context: 'sso', purpose: 'OpenID Connect sign-ins in progress: digest of the state, nonce and PKCE verifier, single use. Linked to no person.', category: 'none', retention: 'Ten minutes; used or expired rows are deleted by the hourly purge.', export: NO_PERSON, erasure: NO_PERSON },
  mail_outbox: { context: 'mail', purpose: 'Outgoing e-mail (notifications; never coaching content).', category: 'personal', retention: '90 days; the confirmation of an erasure as soon as it was delivered.', export: 'Mails sent to the person’s address.', erasure: 'Mails to the person’s address are deleted with the person.', purge: pass('delete', '`created_at`', { days: 90 }), subject: { email: 'recipient' } },
  audit_log: { context: 'audit', purpose: 'Who read whose sensitive content, and security events: accountability to the person whose data was read.', category: 'personal', retention: '2 years.', export: 'Reads of the person’s data (as “who looked at my data”: every read is kept; the person sees one line per reader, object and hour, with how often).', erasure: 'Rows about the person are deleted (cascade); as the reader, the actor link is set to null.', purge: pass('delete', '`at`', { years: 2 }), subject: by({ subject_id: del(), actor_id: unlink('count') }) },

  // --- consent, jobs, support (#8) ---------------------------------------------------------
  consent_events: { context: 'consent', purpose: 'The append-only consent ledger: proof of consent (text version shown, time) and honouring withdrawal.', category: 'personal', retention: 'As long as the data it covers, then 5 years as proof of lawful processing.', export: rowsOf('person_id') + ' With the text shown.', erasure: CASCADE, purge: noAgeRule('the append-only ledger is the proof of lawful processing for the data it covers, so no age rule deletes it; it goes when the person is erased.'), subject: by({ person_id: del() }) },
  jobs: { context: 'jobs', purpose: 'Durable reminders and follow-ups; payloads hold ids only, never content.', category: 'personal', retention: 'Deleted 30 days after the job finished.', export: 'Not exported (ids only; the reminders themselves appear in the mail outbox).', erasure: 'Jobs about deleted records do nothing and are purged after 30 days.', purge: elsewhere('Hourly purge of finished jobs by the job poller (`purgeFinishedJobs`), 30 days after they finished.'), subject: nobody('payloads hold record ids only; a job about an erased person finds nothing and is purged 30 days after it finished.') },
  help_resources: { context: 'support', purpose: 'The institution’s help directory (sociale kaart): service contact points, for the whole institution or one programme only.', category: 'none', retention: 'Kept while the institution keeps the entry (archived, not deleted, so referrals keep their meaning).', export: NO_PERSON, erasure: NO_PERSON },
  referrals: { context: 'support', purpose: 'That a coach referred a coachee to help, with the coachee’s agreement (not what was said); the coachee’s overview and the coach’s follow-up.', category: 'special', retention: 'End of the coaching year plus one year; hidden from the coach as soon as the coaching-data consent is withdrawn.', export: rowsOf('coachee_id') + ' With the resource and the coach.', erasure: cascadeAnd('As the coach who recorded it, the link is set to null.'), purge: pass('delete', '`referred_on`', { coachingYearsAfter: 1 }), subject: by({ coachee_id: del(), coach_id: unlink('count') }) },
  programme_contacts: { context: 'support', purpose: 'Function mailboxes of a degree programme that receive signals.', category: 'personal', retention: 'Until the coordinator removes the contact.', export: 'Not linked to a person account.', erasure: 'Removed by the coordinator on request.', purge: noAgeRule('function mailboxes, kept until the coordinator removes them.'), subject: nobody('function mailboxes of a programme, linked to no person.') },
  signals: { context: 'support', purpose: 'Needs, themes and incidents a coach raised with the programme, optionally anonymised.', category: 'special', retention: '2 years after it was closed.', export: rowsOf('raised_by_id') + ' Anonymised signals are the raiser’s too.', erasure: 'The raiser and handler links are set to null; the text stays for the programme (it was written not to name students).', purge: pass('delete', '`updated_at`', { years: 2 }, 'once closed (with their updates)'), subject: by({ raised_by_id: unlink(), handler_id: unlink('count') }) },
  signal_updates: { context: 'support', purpose: 'A signal’s history: status, note to the coach, contact it was passed on to.', category: 'special', retention: 'As signals.', export: 'With the person’s signals.', erasure: 'The author link is set to null; deleted with the signal.', purge: noAgeRule('deleted with their signal (cascade), which the retention pass deletes.'), subject: { ...by({ by_id: unlink('count') }), via: { column: 'signal_id', parent: 'signals', parentColumn: 'raised_by_id' } } },

  // --- resilience (#9) ---------------------------------------------------------------------
  resilience_maps: { context: 'resilience', purpose: 'A coachee’s resilience map: own reflection and, only when shared and while the coaching-data consent holds, coaching. Only coachees have one; it is stored from their first save (opening it writes nothing).', category: 'special', retention: 'Until the coachee deletes it, at the latest one year after their last role ends.', export: 'The person’s own map.', erasure: CASCADE, purge: noAgeRule('kept until the coachee deletes it; deleted when the coachee is anonymised (see people) or erased.'), subject: by({ owner_id: del() }) },
  resilience_map_shares: { context: 'resilience', purpose: 'With whom the owner shared their map (view or edit).', category: 'personal', retention: 'Until revoked or with the map.', export: 'Shares of the person’s map, and maps shared with them.', erasure: CASCADE, purge: noAgeRule('goes with the map or when revoked.'), subject: { ...by({ person_id: del() }), via: { column: 'map_id', parent: 'resilience_maps', parentColumn: 'owner_id' } } },
  resilience_snapshots: { context: 'resilience', purpose: 'Dated versions of a map: how support changed over the year.', category: 'special', retention: 'With the map.', export: 'With the person’s map.', erasure: CASCADE, purge: noAgeRule('goes with the map.'), subject: { ...by({ created_by_id: unlink('count') }), via: { column: 'map_id', parent: 'resilience_maps', parentColumn: 'owner_id' } } },
  resilience_conversations: { context: 'resilience', purpose: 'A guided resilience conversation: themes covered and the coach’s private notes; started, read and saved only while the coachee’s coaching-data consent holds.', category: 'special', retention: 'End of the programme year plus one year.', export: 'For the coachee: that a conversation took place; for the coach: their notes.', erasure: CASCADE, purge: pass('delete', '`held_on`', { coachingYearsAfter: 1 }), subject: by({ coach_id: del(), coachee_id: del('rows', ['progress']) }) },
  resilience_group_shows: { context: 'resilience', purpose: 'What a member chose to show their community in the group exercise; shown (and counted in the tally) only while their coaching-data consent holds.', category: 'personal', retention: 'With the map or the membership.', export: rowsOf('owner_id'), erasure: CASCADE, purge: noAgeRule('goes with the map or the person (cascade); deleted when the person is anonymised.'), subject: by({ owner_id: del() }) },

  // --- programme, coaches (#6) -------------------------------------------------------------
  student_imports: { context: 'programme', purpose: 'CSV student imports with their progress and failed rows (student numbers, no names); while an import runs, the uploaded file itself (names, e-mail addresses, student numbers) so the import resumes after a restart.', category: 'personal', retention: 'The uploaded file: until the import ends (cleared when done or failed); the rest 90 days.', export: 'Not linked to the imported people (student numbers of failed rows only).', erasure: 'The file is cleared when the import ends; rows are purged after 90 days.', purge: pass('delete', '`finished_at`', { days: 90 }, 'once the import ended (the file itself is cleared when it ends)'), subject: by({ created_by_id: unlink('count') }) },
  coach_applications: { context: 'programme', purpose: 'Applications to become a student coach: recruitment. The optional role-model self-description may touch special categories (only with explicit consent).', category: 'special', retention: 'Rejected or withdrawn: 6 months after the decision.', export: 'The applicant’s own application.', erasure: 'Deleted on request or at the end of retention.', purge: pass('delete', '`decided_at`', { months: 6 }, 'when rejected or withdrawn'), subject: { ...by({ person_id: del() }), email: 'email' } },
  coach_profiles: { context: 'programme', purpose: 'A coach’s profile and lifecycle; phone and self-description only with consent.', category: 'special', retention: 'One year after the coach left.', export: 'The coach’s own profile.', erasure: CASCADE, purge: pass('delete', '`status_changed_at`', { years: 1 }, 'when the coach has left (with their photo)'), subject: by({ person_id: del() }) },
  coach_photos: { context: 'programme', purpose: 'A coach’s optional profile photo, shown through the access policy to their coachees, supervising senior coaches and the coordinator (never at a public address).', category: 'personal', retention: 'Until the coach deletes or replaces it; at the latest as the coach profile.', export: 'The coach’s own photo.', erasure: 'Deleted with the coach profile (cascade), or by the coach at any time.', purge: noAgeRule('goes with the coach profile (cascade), which the retention pass deletes, or when the coach removes it.'), subject: by({ person_id: del() }) },
  intake_settings_changes: { context: 'programme', purpose: 'The change log of intake settings: who changed what when.', category: 'personal', retention: 'As the intake.', export: 'Changes the person made.', erasure: 'The link to the person is set to null.', purge: noAgeRule('kept with the intake as its change log; the person link goes when that person is erased.'), subject: by({ changed_by_id: unlink() }) },
  community_coach_periods: { context: 'programme', purpose: 'Who led a community when: continuity figures and handovers.', category: 'personal', retention: 'As the community.', export: 'Periods the person coached.', erasure: CASCADE, purge: noAgeRule('kept with the community for its continuity figures; goes when the coach is erased.'), subject: by({ coach_id: del() }) },
  handovers: { context: 'programme', purpose: 'Warm handovers of a community, with a note from the leaving coach to the new coach.', category: 'personal', retention: 'The note: 90 days after completion; the rest as the community.', export: 'Handovers the person gave or received.', erasure: 'The coach links are set to null.', purge: pass('anonymise', '`completed_at`', { days: 90 }, 'when completed: the note to the new coach is cleared'), subject: by({ from_coach_id: unlink(), to_coach_id: unlink(), created_by_id: unlink('count') }) },
  hundred_day_asks: { context: 'year', purpose: 'The 100-day moment: whether a coachee continues, continues differently or stops, with an optional reason (the coordinator’s; the coach’s only if the coachee allows it); regrouping those who continue.', category: 'special', retention: 'One coaching year after the ask.', export: rowsOf('person_id') + ' With the choice, the reason and the deadline.', erasure: CASCADE, purge: pass('delete', '`asked_at`', { coachingYearsAfter: 1 }) , subject: by({ person_id: del() }) },
  programme_switch_notices: { context: 'year', purpose: 'A warm handover to another study programme: that a coachee who switched agreed to be welcomed by its coordinator (no coaching content).', category: 'personal', retention: 'One coaching year after the switch.', export: rowsOf('person_id') + ' With both programmes.', erasure: CASCADE, purge: pass('delete', '`created_at`', { coachingYearsAfter: 1 }) , subject: by({ person_id: del() }) },
  regroupings: { context: 'year', purpose: 'Regrouping those who continue after the 100-day moment: a draft of who moves to which community (ids only), adjusted and accepted by the coordinator; the accepted one tells coaches and moved coachees in the app.', category: 'personal', retention: '90 days after it was accepted; a draft goes when the next draft of the intake is made.', export: 'Not exported (a plan; the accepted moves appear as community memberships).', erasure: 'The creator link is set to null; a removed student drops out of the plan.', purge: elsewhere('Purged when the next regrouping of any intake starts (90 days after the accept); a draft when the next draft of its intake is made.'), subject: by({ created_by_id: unlink('count') }) },

  participation_sign_ups: { context: 'participation', purpose: 'That a student signed up for an opt-in intake ("Ik doe mee"), so only they are grouped (no coaching content).', category: 'personal', retention: 'One coaching year after the sign-up; withdrawing deletes it.', export: rowsOf('person_id') + ' With the intake and when.', erasure: CASCADE, purge: pass('delete', '`signed_up_at`', { coachingYearsAfter: 1 }), subject: by({ person_id: del() }) },
  participation_invitations: { context: 'participation', purpose: 'That a student of an opt-in intake was invited by mail to sign up (once), reminded (once), and answered yes or no; the one-tap links’ tokens only as hashes (no coaching content).', category: 'personal', retention: 'One coaching year after it was made.', export: rowsOf('person_id') + ' With when they were invited and reminded and what they answered.', erasure: CASCADE, purge: pass('delete', '`created_at`', { coachingYearsAfter: 1 }), subject: by({ person_id: del('rows', ['token_hash', 'reminder_token_hash']) }) },
  // --- growth (#21 item 6) -------------------------------------------------------------------
  coach_nominations: { context: 'growth', purpose: 'A student nominated as a future coach by their leercoach or coordinator: who nominated whom, the optional note (read by the student and the programme’s coordinator), and what came of it (invited, applied, declined); the mail link’s token only as a hash. Recruiting coaches.', category: 'personal', retention: 'One coaching year after the nomination.', export: rowsOf('person_id') + ' With the note and the status; the nominator’s own nominations as a count.', erasure: cascadeAnd('A nominator’s link is set to null.'), purge: pass('delete', '`created_at`', { coachingYearsAfter: 1 }), subject: by({ person_id: del('rows', ['token_hash']), nominated_by_id: unlink('count') }) },
  training_feedback: { context: 'growth', purpose: 'A coach’s feedback after a coach training (usefulness 1–5, an optional text, topic suggestions), to improve the trainings. The author is kept only for one answer per coach and to show the coach their own; the coordinator sees it without names (ADR 0022).', category: 'personal', retention: 'One coaching year after it was given; goes with the training’s session.', export: rowsOf('author_id'), erasure: CASCADE, purge: pass('delete', '`created_at`', { coachingYearsAfter: 1 }), subject: by({ author_id: del() }) },
  // --- grouping (#6) -----------------------------------------------------------------------
  grouping_attribute_settings: { context: 'grouping', purpose: 'Which attributes the institution allows for forming diverse communities, and whether the import may suggest a value.', category: 'none', retention: 'As the institution.', export: NO_PERSON, erasure: NO_PERSON },
  student_attributes: { context: 'grouping', purpose: 'What a student disclosed about themselves (prior education route, gender; with explicit consent: first in family to study, international, home language) to form diverse communities. Never shown to coaches, coachees or leercoaches; coordinators see aggregate figures only. An imported value counts only once the student confirms it.', category: 'special', retention: 'Until the student withdraws it; background values are deleted when the background consent is withdrawn on the attributes page, and count for nothing from the moment it is withdrawn anywhere.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('kept until the student withdraws it (background values go when the background consent is withdrawn); deleted when the student is anonymised or erased.'), subject: by({ person_id: del() }) },
  grouping_runs: { context: 'grouping', purpose: 'A grouping run and its proposal (which student in which proposed community; ids only, no attribute values), edited as a draft and accepted by the coordinator.', category: 'personal', retention: '90 days after it was accepted, failed or last computed; purged when the next grouping run starts.', export: 'Not exported (a proposal; the accepted communities appear as community memberships).', erasure: 'The creator link is set to null; a removed student drops out of the proposal.', purge: elsewhere('Purged when the next grouping run of the intake starts (90 days after it ended).'), subject: by({ created_by_id: unlink('count') }) },

  // --- sessions (#4) -----------------------------------------------------------------------
  session_series: { context: 'sessions', purpose: 'The recurring pattern of a community’s year plan.', category: 'none', retention: 'As the community.', export: NO_PERSON, erasure: NO_PERSON },
  holiday_calendars: { context: 'sessions', purpose: 'Holidays and breaks to plan around.', category: 'none', retention: 'As the institution.', export: NO_PERSON, erasure: NO_PERSON },
  session_plans: { context: 'sessions', purpose: 'Reusable session plans built from activities; the author.', category: 'personal', retention: 'As long as the author keeps the plan.', export: 'Plans the person wrote.', erasure: 'The author link is removed.', purge: noAgeRule('kept as long as the author keeps the plan; the author link goes when they are erased.'), subject: by({ author_id: unlink() }) },
  sessions: { context: 'sessions', purpose: 'Sessions (community, one-on-one, training, intervision, outing); organiser and, for a one-on-one, the coachee.', category: 'personal', retention: 'Two years after the academic year.', export: 'Sessions the person organised or was invited to.', erasure: 'Links to the person are removed.', purge: pass('delete', '`starts_at`', { coachingYearsAfter: 2 }, 'with their invitations, attendance, logbooks, notes and feedback'), subject: by({ organiser_id: unlink(), coachee_id: del() }) },
  session_rsvps: { context: 'sessions', purpose: 'Whether someone comes, with a reason when not (may hint at health: only the coach who organises the session and the person who gave it see the reason; the coordinator and senior coach see who comes, not why).', category: 'special', retention: 'As sessions.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('goes with the session (cascade), which the retention pass deletes.'), subject: by({ person_id: del() }) },
  attendance_marks: { context: 'sessions', purpose: 'Attendance per session and person.', category: 'personal', retention: 'As sessions.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('goes with the session (cascade), which the retention pass deletes.'), subject: by({ person_id: del(), marked_by: unlink('count') }) },
  attendance_changes: { context: 'sessions', purpose: 'History of attendance corrections.', category: 'personal', retention: 'As sessions.', export: 'With the person’s attendance.', erasure: CASCADE, purge: noAgeRule('goes with the session (cascade), which the retention pass deletes.'), subject: by({ person_id: del(), changed_by: unlink('count') }) },
  logbook_entries: { context: 'sessions', purpose: 'The coach’s short reflections after a session (the form asks not to write personal details).', category: 'personal', retention: 'Two years.', export: 'Entries the person wrote.', erasure: 'Deleted with the author.', purge: pass('delete', '`created_at`', { years: 2 }), subject: by({ author_id: del() }) },
  one_on_one_notes: { context: 'sessions', purpose: 'The coach’s private notes of a one-on-one: one note per author and session, read and written by its author only. After a handover the one-on-one stays the old coach’s history; the new coach does not see it or its note and plans their own one-on-ones.', category: 'special', retention: 'Until the end of the coaching year.', export: 'For the coach: their notes; for the coachee: that a conversation took place.', erasure: CASCADE, purge: pass('delete', 'the one-on-one’s `starts_at`', { coachingYearsAfter: 0 }), subject: by({ author_id: del() }) },
  checkins: { context: 'sessions', purpose: '“Hoe zit je in je vel?” 0–10, owned by the coachee; the coach sees it only with the share-checkins consent.', category: 'special', retention: 'The coaching year.', export: rowsOf('person_id'), erasure: CASCADE, purge: pass('delete', '`created_at`', { coachingYearsAfter: 0 }), subject: by({ person_id: del() }) },
  session_feedback: { context: 'sessions', purpose: 'A coachee’s answers to the closing questions (shown to the coach without names).', category: 'personal', retention: 'The coaching year.', export: rowsOf('person_id'), erasure: CASCADE, purge: pass('delete', '`created_at`', { coachingYearsAfter: 0 }), subject: by({ person_id: del() }) },
  custom_activities: { context: 'sessions', purpose: 'Activities coaches add to the library (shared with the institution’s coaches or one programme’s); the author.', category: 'personal', retention: 'As long as the institution keeps the library.', export: 'Activities the person wrote.', erasure: 'The author link is removed.', purge: noAgeRule('kept as long as the institution keeps the library; the author link goes when they are erased.'), subject: by({ author_id: unlink() }) },
  calendar_feeds: { context: 'sessions', purpose: 'A person’s secret calendar feed (hashed token).', category: 'personal', retention: 'As people.', export: 'That a feed exists (not the token).', erasure: CASCADE, purge: noAgeRule('kept while the account exists; deleted when the person is anonymised or erased.'), subject: by({ person_id: del() }) },
  action_tokens: { context: 'sessions', purpose: 'Single-purpose tokens in reminder e-mails (hashed).', category: 'personal', retention: 'Until expiry.', export: 'Not exported (short-lived tokens).', erasure: CASCADE, purge: pass('delete', '`expires_at`', { days: 0 }), subject: by({ person_id: del('count') }) },
  community_announcements: { context: 'announcements', purpose: 'A coach’s short practical message to their community (“we schuiven een half uur op”), shown to the members and mailed to them; the author. Coach and members read it, nobody else.', category: 'personal', retention: 'One year after sending; with the community.', export: 'Announcements the person wrote.', erasure: 'The author link is removed.', purge: pass('delete', '`created_at`', { years: 1 }) , subject: by({ author_id: unlink() }) },
  programme_updates: { context: 'sessions', purpose: 'Updates from the degree programme to the coaches (curriculum changes); the author.', category: 'personal', retention: 'Two years.', export: 'Updates the person wrote.', erasure: 'The author link is removed.', purge: pass('delete', '`created_at`', { years: 2 }), subject: by({ author_id: unlink() }) },

  // --- scheduling (#7) ---------------------------------------------------------------------
  teaching_periods: { context: 'scheduling', purpose: 'Teaching periods of an intake that timetables hold for.', category: 'none', retention: 'As the intake.', export: NO_PERSON, erasure: NO_PERSON },
  scheduling_locations: { context: 'scheduling', purpose: 'Campus locations sessions can be held at, with the code timetables use.', category: 'none', retention: 'As the intake.', export: NO_PERSON, erasure: NO_PERSON },
  scheduling_rooms: { context: 'scheduling', purpose: 'Rooms per location with their capacity.', category: 'none', retention: 'As the intake.', export: NO_PERSON, erasure: NO_PERSON },
  timetables: { context: 'scheduling', purpose: 'A class’s or a person’s weekly class pattern in a teaching period (weekday, times, campus only — no course names, teachers or dates): placing sessions next to classes.', category: 'personal', retention: 'Deleted 30 days after the teaching period ends, and replaced on re-upload.', export: rowsOf('person_id') + ' (personal timetables; class timetables are not personal).', erasure: CASCADE, purge: TIMETABLE_JOB, subject: by({ person_id: del(), uploaded_by_id: unlink('count') }) },
  coach_availability: { context: 'scheduling', purpose: 'When a coach can run sessions in a teaching period.', category: 'personal', retention: 'As timetables: 30 days after the teaching period ends.', export: rowsOf('person_id'), erasure: CASCADE, purge: TIMETABLE_JOB, subject: by({ person_id: del() }) },
  scheduling_runs: { context: 'scheduling', purpose: 'A scheduling run: parameters, progress, figures, the snapshot the solver saw (person ids with weekly busy blocks), and the coaches’ weeks and intervision groups for the monthly coach training and intervision.', category: 'personal', retention: 'The snapshot is cleared 30 days after the teaching period ends; the run’s figures stay with the intake.', export: 'Not exported (the snapshot repeats the person’s timetable, which is exported).', erasure: 'The starter and publisher links are set to null; a snapshot holds only the erased person’s id, which then names nobody, until the retention job clears it.', purge: TIMETABLE_JOB, subject: by({ started_by_id: unlink('count'), published_by_id: unlink('count') }) },
  scheduling_placements: { context: 'scheduling', purpose: 'The proposed and chosen weekly slot per community.', category: 'none', retention: 'As the run.', export: NO_PERSON, erasure: NO_PERSON },

  // --- invitations (#16) ---------------------------------------------------------------------
  invitations: { context: 'invitations', purpose: 'Whether a student, coach or staff member was invited to activate their account, reminded, and activated: getting people in, and showing the coordinator who is not in yet.', category: 'personal', retention: 'As the person.', export: rowsOf('person_id') + ' When invited, reminded and activated.', erasure: cascadeAnd('As the person who sent it, the link is set to null.'), purge: noAgeRule('names no one but by the person link and holds only dates; it goes with the person (cascade).'), subject: by({ person_id: del(), invited_by_id: unlink('count') }) },
  invitation_tokens: { context: 'invitations', purpose: 'Single-use activation links of an invitation (7 days), stored as SHA-256 digests.', category: 'personal', retention: 'One day after expiry (used, replaced or not).', export: 'Not exported (short-lived security tokens).', erasure: 'Deleted with the invitation, which goes with the person (cascade).', purge: elsewhere('Hourly purge of the job poller (`purgeSpentInvitationLinks`), one day after expiry.'), subject: { via: { column: 'invitation_id', parent: 'invitations', parentColumn: 'person_id', exportAs: 'count' } } },
  // --- compensation (#17) ------------------------------------------------------------------
  compensation_profiles: { context: 'compensation', purpose: 'A coach’s date of birth: the allowance rate depends on being under or over 21 on each day worked.', category: 'personal', retention: 'As the person.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('goes with the person (cascade); the statements keep only the age band per line.'), subject: by({ person_id: del() }) },
  compensation_extra_work: { context: 'compensation', purpose: 'Work the system cannot see (a recruitment fair, an extra meeting) a coach asks to be paid for, with the reason and the senior coach’s or coordinator’s decision: a financial record.', category: 'personal', retention: '7 years (fiscal retention duty).', export: rowsOf('coach_person_id'), erasure: 'Kept for the fiscal retention duty (AVG art. 17(3)(b)): a person with extra work cannot be deleted; the decider link is set to null.', purge: pass('delete', '`created_at`', { years: 7 }), subject: by({ coach_person_id: hold(), decided_by_id: unlink('count') }) },
  compensation_statements: { context: 'compensation', purpose: 'A coach’s monthly statement: hours, age band, rate and amount per line, totals, year to date, fiscal-limit warnings, confirmation, approval and payment: a financial record.', category: 'personal', retention: '7 years (fiscal retention duty, AWR art. 52).', export: rowsOf('coach_person_id'), erasure: 'Kept for the fiscal retention duty (AVG art. 17(3)(b)): a person with statements cannot be deleted; the approver link is set to null.', purge: pass('delete', '`created_at`', { years: 7 }, 'with their lines'), subject: by({ coach_person_id: hold(), approved_by_id: unlink('count') }) },
  compensation_statement_lines: { context: 'compensation', purpose: 'The lines of a statement, with the coach’s dispute comment and the coordinator’s resolution.', category: 'personal', retention: 'As the statement: 7 years.', export: rowsOf('coach_person_id'), erasure: 'Kept with the statement (fiscal retention duty).', purge: noAgeRule('goes with its statement (cascade), which the retention pass deletes after 7 years.'), subject: by({ coach_person_id: hold(), resolved_by_id: unlink('count') }) },
  compensation_fiscal_years: { context: 'compensation', purpose: 'Fiscal limits of the volunteer allowance for a year the shipped content does not have, added by the beheerder with the source.', category: 'personal', retention: 'As the institution.', export: 'Years the person added.', erasure: 'The link to the person is set to null.', purge: noAgeRule('reference figures kept with the institution; the person link goes when that person is erased.'), subject: by({ added_by_id: unlink() }) },

  // --- finance: compensation's money side (#17) ------------------------------------------------
  coach_bank_accounts: { context: 'finance', purpose: 'The IBAN (encrypted at rest with AES-256-GCM; shown in full only to the coach and finance) and account holder a coach is paid on.', category: 'personal', retention: 'Until the coach removes or replaces it; deleted with the person.', export: 'The coach’s own account: the IBAN masked and the account holder (the full IBAN is shown only on the coach’s own payment page; a download never carries it).', erasure: 'Deleted with the person. What was paid to it stays in the payout files of payout_batches (fiscal duty, 7 years).', purge: noAgeRule('kept while the coach may still be paid; the coach removes it at any time, and it goes when the person is erased (the payout files keep what was paid, 7 years).'), subject: by({ person_id: del() }) },
  institution_payment_settings: { context: 'finance', purpose: 'The institution’s paying account (debtor of the SEPA file) and who last set it.', category: 'none', retention: 'As the institution.', export: NO_PERSON, erasure: 'The editor link is set to null.', subject: by({ updated_by_id: unlink('count') }) },
  expense_claims: { context: 'finance', purpose: 'Expenses a coach claims back (date, amount, category, description) with the coordinator’s decision and the promised and actual pay dates: reimbursement and the fiscal record.', category: 'personal', retention: '7 years after the decision (the fiscal retention duty).', export: rowsOf('coach_id') + ' With the receipt.', erasure: 'Deleted with the coach (cascade); the decider link is set to null. Where the fiscal duty applies the institution keeps its payout files.', purge: pass('delete', '`decided_at` (or `created_at` when undecided)', { years: 7 }, 'with their receipts'), subject: by({ coach_id: del(), decided_by_id: unlink('count') }) },
  expense_receipts: { context: 'finance', purpose: 'The receipt of an expense claim (photo re-encoded without metadata, or PDF), visible to the coach, the programme’s coordinator and finance only.', category: 'personal', retention: 'As its claim (7 years); an upload never attached to a claim: one day.', export: 'With the coach’s claims.', erasure: CASCADE, purge: pass('delete', '`created_at`', { days: 1 }, 'when never attached to a claim (attached receipts go with their claim)'), subject: by({ owner_id: del() }) },
  payout_batches: { context: 'finance', purpose: 'Payout batches: the SEPA file and CSV (names, IBANs, amounts; encrypted at rest), who created and marked them paid: paying coaches and the fiscal record.', category: 'personal', retention: '7 years after it was paid.', export: 'The transfers to the person (see payout_transfers).', erasure: 'The creator links are set to null. The SEPA file and CSV (encrypted) keep the name and IBAN of each transfer under the fiscal retention duty (AVG art. 17(3)(b)) until the batch is deleted 7 years after payment; the erasure confirmation says so.', purge: pass('delete', '`paid_on`', { years: 7 }, 'with their transfers'), subject: by({ created_by_id: unlink('count'), marked_paid_by_id: unlink('count') }) },
  research_studies: { context: 'research', purpose: 'Research studies an onderzoeker proposed (question, period, programmes, variables) and the sealed per-study pseudonym key: accountability of research use (issue 19).', category: 'personal', retention: 'As long as the institution keeps the study; at most 10 years after its period ends (research data management).', export: 'Studies the person proposed (staff).', erasure: 'The proposer link is set to null; the study stays (it holds no data about students).', purge: noAgeRule('a study holds no student data; the institution decides when a study is closed and deleted (deleting it deletes its decisions and export log)') , subject: by({ proposer_id: unlink('count') }) },
  research_study_programmes: { context: 'research', purpose: 'Each programme a study covers and its coordinator’s decision (who, when, a note): proving the four-eyes approval.', category: 'personal', retention: 'As the study.', export: 'Decisions the person made (staff).', erasure: 'The decider link is set to null; the decision stays.', purge: noAgeRule('kept with its study; deleted with it') , subject: by({ decided_by: unlink('count') }) },
  research_exports: { context: 'research', purpose: 'The export log (counts, consent text version, who made it) and, for 7 days, the pseudonymised export file (sealed) behind its secret download link.', category: 'special', retention: 'The file: 7 days (its link’s life); the log row: as the study.', export: 'Exports the person made (staff). A student is never linked to an export: only a per-study pseudonym is in the file.', erasure: 'The creator link is set to null. A withdrawal of the research consent or an erasure keeps the person out of every later export; files already handed to a researcher fall under the study’s own data-management plan.', purge: elsewhere('the hourly purge `purgeExpiredExportFiles` (modules/research, in job-handlers `retentionPurges`) deletes each file once its link expired; the download refuses an expired link (410)') , subject: by({ created_by: unlink('count') }) },
  payout_transfers: { context: 'finance', purpose: 'One transfer of a batch: which statement or claim was paid to which coach, how much.', category: 'personal', retention: 'As the batch.', export: rowsOf('coach_id'), erasure: 'The coach link is set to null; the transfer itself (amount, what it paid) stays with its batch for the fiscal retention duty (AVG art. 17(3)(b)), 7 years — the batch’s encrypted payout files still name the payee.', purge: noAgeRule('deleted with its batch (cascade), which the retention pass deletes.'), subject: by({ coach_id: unlink() }) },
  // --- rights: the data subject's export and erasure (#19) ------------------------------------
  erasure_requests: { context: 'rights', purpose: 'A person’s request to erase their data (AVG art. 17) with an optional reason, and once carried out the proof that it was: when asked, when due (one month, art. 12(3)), when done, by whom, and the rows removed and kept under a legal duty per table (counts).', category: 'personal', retention: 'Open: until carried out. Carried out: 5 years as proof, with no personal data of the erased person (the link is gone and the reason cleared).', export: 'The person’s own open request, with the reason.', erasure: 'Carrying it out removes the person link and clears the reason (a database check refuses a done request with either); as the staff member who carried it out, the link is set to null.', purge: pass('delete', '`done_at`', { years: 5 }, 'once carried out'), subject: by({ person_id: unlink(), done_by_id: unlink('count') }) },
  roadmaps: { context: 'roadmap', purpose: 'A roadmap to student success of a programme or the institution for one coaching year.', category: 'none', retention: 'As the institution (progress over the years).', export: NO_PERSON, erasure: NO_PERSON },
  roadmap_content_versions: { context: 'roadmap', purpose: 'The institution’s own versions of the roadmap content (texts, stakeholders, horizons) and who saved each.', category: 'personal', retention: 'As the institution; the saver link until the person is removed.', export: rowsOf('saved_by'), erasure: 'The saver link is set to null.', purge: noAgeRule('the content is the institution’s; the saver link goes when the person is removed (ON DELETE SET NULL).') , subject: by({ saved_by: unlink('count') }) },
  roadmap_stakeholders: { context: 'roadmap', purpose: 'Who was invited to give a view on which factors of a roadmap, and as which stakeholder.', category: 'personal', retention: 'As the roadmap; removed with the person.', export: rowsOf('person_id'), erasure: CASCADE, purge: WITH_PERSON , subject: by({ person_id: del() }) },
  roadmap_views: { context: 'roadmap', purpose: 'A stakeholder’s view on a factor (status and a note about the programme, never about people): shown next to the other views before the agreed status.', category: 'personal', retention: 'As the roadmap; removed with the person.', export: rowsOf('person_id'), erasure: CASCADE, purge: WITH_PERSON , subject: by({ person_id: del() }) },
  roadmap_assessments: { context: 'roadmap', purpose: 'The agreed status of a factor with the evidence note and its owner (a stakeholder or a named person).', category: 'personal', retention: 'As the roadmap (the history over the years); the people links until they are removed.', export: 'Rows where `owner_person_id` or `recorded_by` is the person.', erasure: 'The owner and recorder links are set to null; the assessment stays.', purge: noAgeRule('the assessment is the programme’s history; the people links go when the person is removed (ON DELETE SET NULL).') , subject: by({ owner_person_id: unlink(), recorded_by: unlink('count') }) },
  roadmap_plan_items: { context: 'roadmap', purpose: 'An intervention in the improvement plan: owner, horizon, due date, status; the owner gets a reminder before the due date.', category: 'personal', retention: 'As the roadmap; the owner link until the person is removed.', export: rowsOf('owner_person_id'), erasure: 'The owner link is set to null; the plan item stays.', purge: noAgeRule('the plan is the programme’s history; the owner link goes when the person is removed (ON DELETE SET NULL).') , subject: by({ owner_person_id: unlink() }) },
  payout_reminders: { context: 'finance', purpose: 'That the overdue reminder of a statement or claim was sent (exactly once); item ids only.', category: 'none', retention: 'As the institution.', export: NO_PERSON, erasure: NO_PERSON },
  // --- evaluation: questionnaires, the coach's end-of-year report, attendance signal mails (#18) ---
  evaluation_rounds: { context: 'evaluation', purpose: 'A questionnaire moment (T0/T1/T2) of an intake: dates, mode and the question sets of its content version.', category: 'none', retention: 'As the intake.', export: NO_PERSON, erasure: NO_PERSON },
  evaluation_invitations: { context: 'evaluation', purpose: 'Who was invited to a questionnaire moment (with the community they were in), the one-tap link (SHA-256 digest), reminders sent, which questions they answered (keys only) and whether they finished: inviting, stopping reminders, response rates per community (counts only, under 5 suppressed). In anonymous mode nothing links it to the answers.', category: 'personal', retention: 'One year after the moment closed; for a confidential moment as long as the person’s answers are kept.', export: rowsOf('person_id') + ' Which moments, when invited, whether finished.', erasure: cascadeAnd('With it go the person’s confidential answers.'), purge: pass('delete', 'the moment’s closing date', { years: 1 }, 'for anonymous moments, and for confidential ones once no answer of the person is left') , subject: by({ person_id: del() }) },
  evaluation_answers: { context: 'evaluation', purpose: 'Answers of anonymous questionnaires: round, question, value and content version. No column refers to a person, an invitation, a community or a time, so no answer can be traced to who gave it: anonymous data, not personal data (AVG recital 26). Free texts are shown to staff only as part of the aggregate.', category: 'none', retention: 'As the intake.', export: 'Not exported: no answer can be traced back to a person (that is what anonymous means).', erasure: 'Not linked to a person, so nothing to erase per person.' },
  evaluation_linked_answers: { context: 'evaluation', purpose: 'Answers of confidential questionnaires, linked to the person’s invitation so the T0→T2 change can be measured; only from people holding the research-use consent, shown only as aggregates of at least 5 people; a withdrawn consent leaves them out of every new figure.', category: 'special', retention: 'Research retention: 5 years after the moment closed.', export: 'The person’s own answers per moment.', erasure: CASCADE + ' (through the invitation).', purge: pass('delete', 'the moment’s closing date', { years: 5 }) , subject: { via: { column: 'invitation_id', parent: 'evaluation_invitations', parentColumn: 'person_id' } } },
  coach_year_reports: { context: 'evaluation', purpose: 'A coach’s end-of-year report (module endyear): their answers to the reflection questions (what went well, what was hard, what they learned, the activities, what the programme should change), when they submitted it, and whether the answers to “what went well” and “what should change” may be quoted without name in the programme’s impact report (the consent, with its time): the coach’s portfolio and the programme’s learning. The coordinator sees only whether it was submitted.', category: 'personal', retention: 'As the coach profile: one year after the coach left.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('kept with the coach; it goes when the person is erased (cascade), and a coach can withdraw the quoting consent at any time.') , subject: by({ person_id: del() }) },
  attendance_signal_mails: { context: 'evaluation', purpose: 'That the coach was mailed about a student’s streak of three missed sessions (community, student, first session of the streak): the mail goes exactly once per signal. The mail itself names no student.', category: 'personal', retention: 'One year after it was sent.', export: rowsOf('person_id'), erasure: CASCADE, purge: pass('delete', '`sent_at`', { years: 1 }) , subject: by({ person_id: del() }) },

  // --- insight: the programme dashboard and impact report (#18) --------------------------------
  impact_report_texts: { context: 'insight', purpose: 'The coordinator’s texts of a programme’s yearly impact report (what went well, what is needed), written about the programme, not about people; who last edited them.', category: 'personal', retention: 'As the programme.', export: 'Texts the person last edited.', erasure: 'The editor link is set to null; the texts stay with the programme.', purge: noAgeRule('kept with the programme as its yearly report; the editor link goes when that person is erased.') , subject: by({ updated_by_id: unlink('count') }) },
  mail_preferences: { context: 'insight', purpose: 'A person’s own choice about mails that are not needed for the programme to run (the coordinator’s weekly digest on or off); no row means on.', category: 'personal', retention: 'As the person.', export: rowsOf('person_id'), erasure: CASCADE, purge: noAgeRule('kept while the person is; it goes when the person is erased (cascade).') , subject: by({ person_id: del() }) },
  coordinator_digest_mails: { context: 'insight', purpose: 'That the coordinator’s weekly digest went out for a week: the digest goes exactly once per coordinator per week. The digest names no student.', category: 'personal', retention: 'One year after it was sent.', export: rowsOf('person_id'), erasure: CASCADE, purge: pass('delete', '`sent_at`', { years: 1 }) , subject: by({ person_id: del() }) },
};

const CATEGORY_LABEL: Record<DataCategory, string> = {
  none: 'no personal data',
  personal: 'personal data',
  special: '**special category** (art. 9)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/privacy.md, rendered from the registry (checked for drift by the registry test). */
export function renderPrivacyDoc(registry: Readonly<Record<string, RegistryEntry>> = PERSONAL_DATA_REGISTRY): string {
  const names = Object.keys(registry).sort((a, b) => registry[a]!.context.localeCompare(registry[b]!.context) || a.localeCompare(b));
  const lines = [
    '# Personal data in peerkracht',
    '',
    '<!-- Generated from src/server/db/personal-data-registry.ts — do not edit by hand. Regenerate with',
    '     UPDATE_PRIVACY_DOC=1 npx vitest run --project small src/server/db/personal-data-registry.test.ts -->',
    '',
    'Every table, what it holds and why, how long it is kept, and how it reaches a person’s data',
    'export (AVG/GDPR art. 15 and 20) and is erased (art. 17). Special-category data (art. 9:',
    'health, origin, beliefs, …) is processed only with explicit consent, which a person can',
    'withdraw at any time with immediate effect (see `consent_events`).',
    '',
    `Special category: ${names.filter((n) => registry[n]!.category === 'special').map((n) => `\`${n}\``).join(', ')}.`,
    '',
    'The *enforced by* column says how each retention is carried out: most by the daily retention',
    'pass (a durable job; the beheerder sees its dry run on the page Bewaartermijnen, `/admin/retention`),',
    'a few by the mechanism named there.',
    '',
    '| table | context | category | purpose | retention | enforced by | export | erasure |',
    '|---|---|---|---|---|---|---|---|',
    ...names.map((name) => {
      const e = registry[name]!;
      return `| \`${name}\` | ${e.context} | ${CATEGORY_LABEL[e.category]} | ${cell(e.purpose)} | ${cell(e.retention)} | ${cell(purgeText(e.purge))} | ${cell(e.export)} | ${cell(e.erasure)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
