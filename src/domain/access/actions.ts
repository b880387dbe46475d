/**
 * Every action the access policy decides on, named `<what>:<verb>`. Consumers import these from
 * `policy.ts`; the rules under `rules/` import them from here. A new action goes into this list
 * and into the rule (`rules/<context>.ts`) of the resource kind it is asked about.
 */
export const ACTIONS = [
  'institution:read',
  'institution:manage',
  'outbox:read',
  /** See the retention pass's dry run: per table, how many rows the next daily run removes. */
  'retention:read',
  /** See erasure requests with their due date (beheerder: all; coordinator: their programmes'). */
  'erasure:list',
  /** Carry out a person's erasure request (AVG art. 17). */
  'erasure:carryOut',
  'programme:read',
  'programme:manage',
  'community:read',
  'community:readMembers',
  'community:readAttendance',
  'community:manage',
  'programme:manageStudents',
  'programme:manageCoaches',
  'programme:manageCommunities',
  /** Run group formation and see its aggregate balance figures (never a student's attribute values). */
  'programme:formCommunities',
  'programme:manageScheduling',
  'class:read',
  'coach:read',
  'coach:manage',
  /** Declare the weekly times the coach can run sessions in a teaching period (scheduling). */
  'coach:setAvailability',
  'handover:read',
  'handover:readNote',
  'handover:writeNote',
  'handover:manage',
  'coachingContent:read',
  'coachingContent:write',
  'coachingContent:share',
  'community:groupExercise',
  'helpResource:read',
  'helpResource:manage',
  'coachee:refer',
  'referral:read',
  'referral:followUp',
  'signal:raise',
  'signal:read',
  'signal:handle',
  'programme:handleSignals',
  'community:planSessions',
  'session:read',
  'session:manage',
  'session:respond',
  'session:markAttendance',
  'session:readAttendance',
  /** The reasons people give for not coming (they may hint at health): the organiser alone. */
  'session:readRsvpReasons',
  'session:writeLogbook',
  /** The meeting link of an online or hybrid session: the people invited, its organiser and the coordinator who plans it. */
  'session:readMeetingLink',
  /** A community's default meeting link and its own chat link: its coach and members only. */
  'community:readLinks',
  /** Set the community's default session mode, meeting link and chat link: its coach. */
  'community:setLinks',
  /** Send the community an announcement (in the app and by mail): its coach. */
  'community:announce',
  /** Read the community's announcements: its coach and members. */
  'community:readAnnouncements',
  'programme:postUpdate',
  'library:create',
  'library:read',
  'library:manage',
  /** Send a person their activation invitation, or send it again (invitations). */
  'invitation:send',
  /** See whether a person was invited and activated their account (invitations). */
  'invitation:read',
  /** Find the institution's people (beheerder: everyone; coordinator: their students and the staff). */
  'people:search',
  /** Create a staff member (no password: they activate by invitation). */
  'people:create',
  /** Read a person's account state, roles and role history. */
  'person:read',
  /** Deactivate or reactivate an account (never one's own). */
  'person:deactivate',
  /** Grant a role at a scope, or set its details (a senior coach's group, a leercoach's classes). */
  'role:grant',
  /** Revoke a role at a scope. */
  'role:revoke',
  /** A coach's own bank account, expense claims and payments (compensation, #17). */
  'compensation:manageOwn',
  /** An expense claim and its receipt: the coach, the programme's coordinator, finance. */
  'expenseClaim:read',
  /** Approve or reject an expense claim: the programme's coordinator, never for their own claim. */
  'expenseClaim:decide',
  /** A programme's claims to decide, overdue payments and the "paid on time" figure. */
  'programmeFinance:read',
  /** What is payable, payout batches (SEPA file, CSV), marking them paid: institution finance. */
  'payout:manage',
  /** The institution's paying account (debtor of the SEPA file): finance or the beheerder. */
  'paymentSettings:manage',
  /** A coach's compensation: statements, year to date, forecast (the coach, the coordinator). */
  'compensation:readAccount',
  'compensation:setBirthDate',
  'compensation:addExtraWork',
  /** A statement: the coach, the coordinator; finance once approved. */
  'compensation:readStatement',
  /** Confirm a statement or dispute a line: the coach alone. */
  'compensation:reviewStatement',
  'compensation:approveStatement',
  /** Approve or reject extra work: the coordinator, or the senior coach who supervises the coach. */
  'compensation:decideExtraWork',
  'compensation:readProgramme',
  'compensation:approveProgramme',
  'compensation:readFiscalYears',
  'compensation:manageFiscalYears',
  /** The 100-day moment of a community: counts and who chose what (the coach, the coordinator). */
  'community:readHundredDay',
  /** The 100-day moment of an intake: totals, reasons, regrouping (the coordinator). */
  'programme:readHundredDay',
  /** Students who switched to this programme and agreed to a welcome (the receiving coordinator). */
  'programme:welcomeSwitches',
  /** Propose a research study: an onderzoeker of the institution (issue 19). */
  'research:propose',
  /** The institution's studies: onderzoekers; coordinators (the studies of their programmes). */
  'research:list',
  /** A study, its decisions and its export log: its onderzoekers and its programmes' coordinators. */
  'researchStudy:read',
  /** Approve or reject a study for one's programmes: a coordinator of it, never its proposer. */
  'researchStudy:decide',
  /** Make and download a pseudonymised export: an onderzoeker for every programme of the study. */
  'researchStudy:export',
  /** Answer one's own evaluation questionnaire (#18). */
  'evaluation:answer',
  /** Response rates per community (counts only): the programme's coordinator, a community's coach. */
  'evaluation:readResponseRates',
  /** A coach's own end-of-year report and portfolio PDF: the coach alone. */
  'coachYearReport:write',
  /** Which coaches of a programme submitted their end-of-year report (never its text): the coordinator. */
  'coachYearReport:readStatus',
  /** A programme's dashboard and impact report, aggregates only: its coordinator, opleidingsmanagement. */
  'insight:read',
  /** The dashboard's lists that name people (three missed in a row): the coordinator alone. */
  'insight:readPeople',
  /** Write the impact report's texts (what went well, what is needed): the coordinator. */
  'insight:writeReport',
  /** A roadmap: its owners (coordinator, opleidingsmanagement; the beheerder for the institution's) and invited stakeholders. */
  'roadmap:read',
  /** Give one's view on a factor: an owner, or a stakeholder invited for that factor. */
  'roadmap:giveView',
  /** Start a roadmap, invite stakeholders, record the agreed status, keep the improvement plan: the owners. */
  'roadmap:manage',
  /** The institution's copy of the roadmap content (texts, stakeholders, horizons): the beheerder. */
  'roadmapContent:manage',
  /** Nominate a student as a future coach: the leercoach of their class, their programme's coordinator (#21). */
  'coach:nominate',
  /** Give feedback on a coach training one attended: its attendees only (#21). */
  'training:giveFeedback',
  /** Read the coach handbook: student coaches, senior coaches, coordinators (#21). */
  'handbook:read',
] as const;

export type Action = (typeof ACTIONS)[number];
