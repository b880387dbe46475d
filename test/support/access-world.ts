/**
 * The access matrix's world (issue 23): two institutions, two programmes in the first, and four
 * "cells" — each a community with its coach, senior coach, coachees, leercoach and coordinator,
 * and every kind of record a route can be asked about. The people of the first cell (`own`) are
 * the actors, one per role; the other cells are the same shape one relation away:
 *   own               the actors' own community, programme and institution
 *   otherCommunity    another community in the same programme and intake
 *   otherProgramme    a community in the other programme of the same institution
 *   otherInstitution  a community at another institution
 *
 * Every sensitive text is a unique canary, planted by its author, with the people the policy lets
 * read it (`visibleTo`): the matrix scans every answer for canaries its reader may not see.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { isAllowed, type Actor, type Resource } from '../../src/domain/access/policy';
import type { Role, RoleGrant } from '../../src/domain/access/roles';
import { CONSENT_FOR } from '../../src/domain/consent/purposes';
import { formatIban } from '../../src/domain/finance/iban';
import { emptyMap } from '../../src/domain/resilience/model';
import {
  coachApplications,
  coachNominations,
  trainingFeedback,
  communities,
  communityAnnouncements,
  compensationExtraWork,
  compensationStatementLines,
  compensationStatements,
  customActivities,
  expenseClaims,
  expenseReceipts,
  groupingRuns,
  regroupings,
  handovers,
  helpResources,
  impactReportTexts,
  oneOnOneNotes,
  payoutBatches,
  researchExports,
  researchStudies,
  researchStudyProgrammes,
  resilienceSnapshots,
  resilienceConversations,
  roadmapAssessments,
  roadmapPlanItems,
  roadmaps,
  roadmapStakeholders,
  roadmapViews,
  roleAssignments,
  roleEvents,
  schedulingLocations,
  schedulingRooms,
  schedulingRuns,
  sessionFeedback,
  sessions,
  signalUpdates,
  studentImports,
  teachingPeriods,
  timetables,
  hundredDayAsks,
  programmeSwitchNotices,
  erasureRequests,
  evaluationInvitations,
  evaluationLinkedAnswers,
  evaluationRounds,
  coachYearReports,
  communityCoachPeriods,
  intakes,
} from '../../src/server/db/schema';
import { saveMyBankAccount } from '../../src/server/modules/finance/bank-account';
import { seal } from '../../src/server/modules/finance/sealed';
import { digest, hashPassword, newToken } from '../../src/server/modules/identity/secrets';
import { anonymous, signedIn, type Client } from './http';
import type { TestDb } from './test-db';

export const WORLDS = ['own', 'otherCommunity', 'otherProgramme', 'otherInstitution'] as const;
export type World = (typeof WORLDS)[number];

/** The roles of the matrix, and `signedOut` for a visitor without a session. */
export const ACTOR_ROLES = ['coachee', 'studentcoach', 'seniorcoach', 'coordinator', 'leercoach', 'onderzoeker', 'beheerder', 'finance', 'opleidingsmanagement'] as const satisfies readonly Role[];
export type ActorRole = (typeof ACTOR_ROLES)[number];
export type MatrixRole = ActorRole | 'signedOut';

export type Cell = {
  world: World;
  institutionId: string;
  programmeId: string;
  intakeId: string;
  classId: string;
  communityId: string;
  coach: string;
  senior: string;
  /** Gave the coaching-data and check-in consents; shares the map with the coach. */
  coachee: string;
  /** Shared the map with the coach, then withdrew the coaching-data consent. */
  coachee2: string;
  leercoach: string;
  coordinator: string;
  sessionId: string;
  oneOnOneId: string;
  handoverId: string;
  /** The coach the handover is to (a second coach of the programme). */
  nextCoach: string;
  mapId: string;
  map2Id: string;
  snapshotId: string;
  conversationId: string;
  referralId: string;
  signalId: string;
  contactId: string;
  helpResourceId: string;
  activityId: string;
  planId: string;
  importId: string;
  applicationId: string;
  periodId: string;
  locationId: string;
  roomId: string;
  timetableId: string;
  schedulingRunId: string;
  groupingRunId: string;
  /** A regrouping draft of the intake (#21 item 2). */
  regroupingId: string;
  /** Pending extra work of the coach. */
  extraWorkId: string;
  /** The coach's approved statement of 2026-10 (payable), and its one line (disputed, then resolved). */
  statementId: string;
  /** An open erasure request of a person of the programme who is not an actor (carrying it out erases only them). */
  erasureRequestId: string;
  statementLineId: string;
  /** The next coach's disputed statement (for the canary scan). */
  disputedStatementId: string;
  /** The coach's submitted expense claim (with a receipt), and one the coordinator rejected. */
  claimId: string;
  rejectedClaimId: string;
  /** A payout batch of the cell's institution. */
  batchId: string;
  /** A student who switched to the cell's programme and would like a welcome (#21). */
  switchNoticeId: string;
  /** An approved research study of the cell's programme, and the secret token of its export's download link. */
  studyId: string;
  researchToken: string;
  /** The coachee's invitation to an open confidential questionnaire (#18), with a text answer. */
  evaluationInvitationId: string;
  /** The programme's roadmap of 2026 (the coachee invited for factor 4) and its one plan item. */
  roadmapId: string;
  roadmapItemId: string;
  /** The coachee's nomination as a future coach, with a note (#21 item 6). */
  nominationId: string;
  /** A past coach training the coach attended and gave feedback on (#21 item 6). */
  trainingId: string;
  /** Who led a community in the cell's programme in 2026-2027: they each have an end-of-year report there (#18 item 4). */
  yearReportCoaches: string[];
};

export type Canary = { text: string; what: string; world: World; visibleTo: (actor: Actor) => boolean };

export type AccessWorld = {
  cells: Record<World, Cell>;
  actors: Record<ActorRole, { actor: Actor; client: Client; email: string }>;
  /** The shared password of everyone in the world (the fuzzer signs a role in again after it signed out). */
  password: string;
  signedOut: Client;
  canaries: Canary[];
};

const PASSWORD = 'matrix wachtwoord lang genoeg';
let hashed: Promise<string> | null = null;
let run = 0;

/** Held institution-wide in the world: beheerder and finance only ever are (rules/people.ts), onderzoeker here too. */
const WIDE: readonly Role[] = ['beheerder', 'onderzoeker', 'finance'];
const grantsOf = (roles: readonly Role[], institutionId: string, programmeId: string): RoleGrant[] =>
  roles.map((role) => ({ role, institutionId, programmeId: WIDE.includes(role) ? null : programmeId }));

/** A valid Dutch IBAN with a recognisable bank code (CNRY) and random account number: a canary. */
function canaryIban(): string {
  const account = [...randomBytes(10)].map((b) => String(b % 10)).join('');
  const digits = `CNRY${account}NL00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let mod = 0;
  for (const d of digits) mod = (mod * 10 + Number(d)) % 97;
  return `NL${String(98 - mod).padStart(2, '0')}CNRY${account}`;
}

export async function buildAccessWorld(t: TestDb, app: FastifyInstance): Promise<AccessWorld> {
  const f = t.factories;
  const db = t.services.db;
  const passwordHash = await (hashed ??= hashPassword(PASSWORD));
  const n = ++run;
  const canaries: Canary[] = [];
  const canary = (what: string, world: World, visibleTo: (actor: Actor) => boolean) => {
    const text = `CANARY-${what}-${world}-${randomBytes(6).toString('hex')}`;
    canaries.push({ text, what, world, visibleTo });
    return text;
  };
  const actorsOf = new Map<string, Actor>();
  let people = 0;
  const person = async (institutionId: string, programmeId: string, roles: Role[], label: string) => {
    const email = `${label}.${++people}.${n}@matrix.example`;
    const p = await f.person({ institutionId, programmeId, roles, firstName: label, lastName: 'Matrix', email, passwordHash });
    // The factory scopes finance to the programme; finance is an institution-wide role.
    if (roles.includes('finance')) await db.update(roleAssignments).set({ programmeId: null }).where(and(eq(roleAssignments.personId, p.id), eq(roleAssignments.role, 'finance')));
    actorsOf.set(p.id, { personId: p.id, institutionId, grants: grantsOf(roles, institutionId, programmeId) });
    return { id: p.id, email };
  };
  const consents = t.services.content.consents;

  const i1 = await f.institution();
  const i2 = await f.institution();
  const p1 = await f.programme(i1.id);
  const p2 = await f.programme(i1.id);
  const q1 = await f.programme(i2.id);
  const intake1 = await f.intake(p1.id);
  const intake2 = await f.intake(p2.id);
  const intakeQ = await f.intake(q1.id);
  const emails = new Map<string, string>();

  async function cell(world: World, institutionId: string, programmeId: string, intakeId: string): Promise<Cell> {
    const who = async (roles: Role[], label: string) => {
      const p = await person(institutionId, programmeId, roles, label);
      emails.set(`${world}:${label}`, p.email);
      return p.id;
    };
    const coach = await who(['studentcoach'], 'coach');
    const nextCoach = await who(['studentcoach'], 'nextcoach');
    const senior = await who(['seniorcoach'], 'senior');
    const coachee = await who(['coachee'], 'coachee');
    const coachee2 = await who(['coachee'], 'coachee2');
    const leercoach = await who(['leercoach'], 'leercoach');
    const coordinator = await who(['coordinator'], 'coordinator');
    const klass = await f.class(intakeId, { leercoachId: leercoach });
    await f.enrol(klass.id, coachee);
    await f.enrol(klass.id, coachee2);
    await f.supervise(senior, coach, programmeId);
    await f.coachProfile(coach, programmeId);
    await f.coachProfile(nextCoach, programmeId);
    const community = await f.community({ intakeId, classId: klass.id, coachId: coach, memberIds: [coachee, coachee2] });
    for (const consentId of [CONSENT_FOR.coachingData, CONSENT_FOR.checkinsToCoach]) {
      await f.consent({ institutionId, personId: coachee, consentId, consents });
      await f.consent({ institutionId, personId: coachee2, consentId, consents });
    }
    await f.consent({ institutionId, personId: coachee2, consentId: CONSENT_FOR.coachingData, consents, event: 'withdraw' });

    const actor = (id: string) => actorsOf.get(id);
    /** Who the policy lets read a resource: the visibility of a canary planted in it. */
    const readers = (action: Parameters<typeof isAllowed>[1], resource: Resource, also: readonly string[] = []) => (a: Actor) =>
      also.includes(a.personId) || isAllowed(a, action, resource);
    const sessionResource: Resource = { kind: 'session', institutionId, programmeId, organiserId: coach, participantIds: [coachee, coachee2], supervisorIds: [senior] };

    const session = await f.session({ institutionId, programmeId, communityId: community.id, organiserId: coach, startsAt: new Date(Date.now() - 2 * 86_400_000) });
    const oneOnOne = await f.session({ institutionId, programmeId, communityId: community.id, organiserId: coach, type: 'oneOnOne', coacheeId: coachee });
    // Online sessions and the community's own links and announcements (issue 21): the meeting link
    // reaches the people invited, the organiser and the coordinator; the chat link, the default
    // meeting link and the announcements only the coach and the members.
    await db
      .update(sessions)
      .set({ mode: 'online', meetingLink: `https://meet.example/${canary('meetingLink', world, readers('session:readMeetingLink', sessionResource))}` })
      .where(eq(sessions.id, session.id));
    const communityResource: Resource = { kind: 'community', institutionId, programmeId, coachId: coach, memberIds: [coachee, coachee2], supervisorIds: [senior], leercoachIds: [leercoach] };
    await db
      .update(communities)
      .set({
        sessionMode: 'hybrid',
        meetingLink: `https://meet.example/${canary('communityMeetingLink', world, readers('community:readLinks', communityResource))}`,
        chatLink: `https://chat.example/${canary('chatLink', world, readers('community:readLinks', communityResource))}`,
      })
      .where(eq(communities.id, community.id));
    await db.insert(communityAnnouncements).values({ communityId: community.id, authorId: coach, body: canary('announcement', world, readers('community:readAnnouncements', communityResource)) });
    // Logbook: the author, their senior coach and the programme's coordinators.
    await f.logbook({
      sessionId: session.id,
      authorId: coach,
      answers: { reflection: canary('logbook', world, readers('coachingContent:read', { kind: 'coachingContent', contentType: 'logbook', institutionId, programmeId, subjectId: coach, authorId: coach, supervisorIds: [senior], sharedWithIds: [] })) },
    });
    // One-on-one note: its author alone.
    await db.insert(oneOnOneNotes).values({ sessionId: oneOnOne.id, authorId: coach, body: canary('oneOnOneNote', world, (a) => a.personId === coach) });
    // RSVP reason: the person who gave it and the organiser.
    await f.rsvps([{ sessionId: session.id, personId: coachee, response: 'notComing', reason: canary('rsvpReason', world, readers('session:readRsvpReasons', sessionResource, [coachee])) }]);
    // Closing answers: the person who gave them and the organiser (without names).
    await db.insert(sessionFeedback).values({ sessionId: session.id, personId: coachee, answers: { next: canary('feedback', world, readers('session:readRsvpReasons', sessionResource, [coachee])) } });
    // Resilience maps: the owner, and the coach they shared with while consent holds.
    const mapOf = (owner: string, consented: boolean) => ({
      ...emptyMap(),
      goals: canary('resilienceMap', world, (a) => a.personId === owner || (consented && a.personId === coach && actor(coach)?.institutionId === a.institutionId)),
    });
    const map = await f.resilienceMap(coachee, { content: mapOf(coachee, true), shares: [{ personId: coach, mode: 'edit' }], snapshots: [{ takenOn: '2026-10-01', content: mapOf(coachee, true) }] });
    const map2 = await f.resilienceMap(coachee2, { content: mapOf(coachee2, false), shares: [{ personId: coach, mode: 'view' }] });
    const snapshots = await db.select({ id: resilienceSnapshots.id }).from(resilienceSnapshots).where(eq(resilienceSnapshots.mapId, map.id));
    const [conversation] = await db
      .insert(resilienceConversations)
      .values({ coachId: coach, coacheeId: coachee, heldOn: '2026-10-02', progress: { reach: { mainAnswered: true, followUpsCovered: [], note: canary('conversationNote', world, (a) => a.personId === coach) } } })
      .returning();
    const [help] = await db
      .insert(helpResources)
      .values({ institutionId, kind: 'inside', category: 'study', nameNl: `Decaan ${world}`, nameEn: `Dean ${world}`, whenToGoNl: 'Bij vragen', whenToGoEn: 'With questions', howToReachNl: 'Mail', howToReachEn: 'Mail' })
      .returning();
    const referral = await f.referral({ institutionId, programmeId, coacheeId: coachee, coachId: coach, resourceId: help!.id });
    const signalResource: Resource = { kind: 'signal', institutionId, programmeId, raisedById: coach, signalKind: 'need', handlerId: null };
    const signal = await f.signal({
      institutionId,
      programmeId,
      raisedById: coach,
      kind: 'need',
      title: canary('signalTitle', world, readers('signal:read', signalResource)),
      body: canary('signalBody', world, readers('signal:read', signalResource)),
    });
    await db.insert(signalUpdates).values({ signalId: signal.id, status: 'in_progress', note: canary('signalNote', world, readers('signal:read', signalResource)), byId: coordinator });
    const contact = await f.programmeContact(programmeId);
    const [handover] = await db
      .insert(handovers)
      .values({
        communityId: community.id,
        fromCoachId: coach,
        toCoachId: nextCoach,
        mode: 'coach',
        createdById: coordinator,
        note: canary('handoverNote', world, readers('handover:readNote', { kind: 'handover', institutionId, programmeId, fromCoachId: coach, toCoachId: nextCoach, open: true })),
      })
      .returning();
    const programmeResource: Resource = { kind: 'programme', institutionId, programmeId };
    const [application] = await db
      .insert(coachApplications)
      .values({
        programmeId,
        firstName: 'Kandidaat',
        lastName: world,
        email: `kandidaat.${world}.${n}@matrix.example`,
        studyYear: 2,
        motivation: canary('applicationMotivation', world, readers('programme:manageCoaches', programmeResource)),
        availability: 'dinsdag',
        languages: ['nl'],
      })
      .returning();
    // Coaches' growth (#21 item 6): the nomination's note is for the student and the programme's
    // coordinator; training feedback reaches the coordinator without names, and its author.
    const [nomination] = await db
      .insert(coachNominations)
      .values({ programmeId, personId: coachee, nominatedById: leercoach, nominatorRole: 'leercoach', note: canary('nominationNote', world, readers('programme:manageCoaches', programmeResource, [coachee])), tokenHash: `matrix-${world}-${n}` })
      .returning();
    const training = await f.session({ institutionId, programmeId, type: 'coachTraining', title: 'Training', startsAt: new Date(Date.now() - 3 * 86_400_000), endsAt: new Date(Date.now() - 3 * 86_400_000 + 7_200_000) });
    await f.attendance([{ sessionId: training.id, personId: coach, status: 'present' }]);
    await db.insert(trainingFeedback).values({ sessionId: training.id, authorId: coach, rating: 4, text: canary('trainingFeedback', world, readers('programme:manageCoaches', programmeResource, [coach])) });
    const [activity] = await db
      .insert(customActivities)
      .values({ ...activityValues(institutionId, coach), shared: true })
      .returning();
    // Issue 21 item 8: an activity shared with this programme's coaches only, and a help entry for
    // this programme's people only; other programmes' people never get them.
    await db.insert(customActivities).values({
      ...activityValues(institutionId, coach),
      shared: true,
      programmeId,
      title: canary('programmeActivity', world, readers('library:read', { kind: 'libraryItem', institutionId, builtIn: false, authorId: coach, shared: true, programmeId })),
    });
    await db.insert(helpResources).values({
      institutionId,
      programmeId,
      kind: 'inside',
      category: 'study-progress',
      nameNl: canary('programmeHelp', world, readers('helpResource:read', { kind: 'helpResource', institutionId, programmeId })),
      nameEn: `Programme help ${world}`,
      whenToGoNl: 'Bij vragen over je opleiding',
      whenToGoEn: 'With questions about your programme',
      howToReachNl: 'Mail',
      howToReachEn: 'Mail',
    });
    const plan = await f.sessionPlan({ institutionId, programmeId, authorId: coach, title: `Plan ${world}`, shared: true, activityIds: [] });
    const [upload] = await db.insert(studentImports).values({ intakeId, createdById: coordinator, fileName: 'studenten.csv', status: 'done' }).returning();
    const [period] = await db.insert(teachingPeriods).values({ intakeId, name: `Periode ${world}`, firstDate: '2026-09-01', lastDate: '2026-11-08' }).returning();
    const [location] = await db.insert(schedulingLocations).values({ intakeId, name: `Locatie ${world}`, code: `LOC-${world}` }).returning();
    const [room] = await db.insert(schedulingRooms).values({ locationId: location!.id, name: 'Zaal 1', capacity: 12 }).returning();
    const [timetable] = await db.insert(timetables).values({ periodId: period!.id, classId: klass.id, source: 'ics', fileName: 'rooster.ics', uploadedById: coordinator }).returning();
    const [schedulingRun] = await db
      .insert(schedulingRuns)
      .values({ intakeId, periodId: period!.id, status: 'failed', seed: 1, timeLimitSeconds: 5, sessionMinutes: 90 })
      .returning();
    const [groupingRun] = await db.insert(groupingRuns).values({ intakeId, createdById: coordinator, status: 'failed', request: { attributes: [], sizeBounds: { min: 7, max: 8 }, perClass: false, keepTogether: [], keepApart: [], prePlaced: [], classId: null, seconds: 1, seed: 1 } }).returning();

    // Role history of the coach: the reasons are the person's and the staff who manage them.
    const coachAsPerson: Resource = { kind: 'person', institutionId, personId: coach, programmeIds: [programmeId], isStudent: true };
    const roleReaders = readers('person:read', coachAsPerson, [coach]);
    await db.insert(roleEvents).values([
      { institutionId, personId: coach, actorId: coordinator, actorRole: 'coordinator', kind: 'granted', role: 'studentcoach', programmeId, reason: canary('roleGrantReason', world, roleReaders) },
      { institutionId, personId: coach, actorId: coordinator, actorRole: 'coordinator', kind: 'revoked', role: 'seniorcoach', programmeId, reason: canary('roleRevokeReason', world, roleReaders) },
    ]);

    // Compensation: extra work waiting for a decision, an approved statement with a resolved dispute.
    const [extraWork] = await db
      .insert(compensationExtraWork)
      .values({
        institutionId,
        programmeId,
        coachPersonId: coach,
        workedOn: '2026-10-06',
        minutes: 60,
        reason: canary('extraWorkReason', world, readers('compensation:decideExtraWork', { kind: 'compensationExtraWork', institutionId, programmeId, coachId: coach, supervisorIds: [senior] }, [coach])),
      })
      .returning();
    const [statement] = await db
      .insert(compensationStatements)
      .values({
        institutionId,
        programmeId,
        intakeId,
        coachPersonId: coach,
        month: '2026-10',
        scheme: 'allowance',
        status: 'approved',
        totalMinutes: 90,
        totalCents: 750,
        yearToDateCents: 750,
        promisedPayDate: '2026-11-25',
        confirmedAt: new Date('2026-11-02T10:00:00Z'),
        approvedAt: new Date('2026-11-03T10:00:00Z'),
        approvedById: coordinator,
      })
      .returning();
    const [line] = await db
      .insert(compensationStatementLines)
      .values({
        statementId: statement!.id,
        coachPersonId: coach,
        position: 1,
        source: `session:${session.id}`,
        workedOn: '2026-10-05',
        kind: 'session',
        minutes: 90,
        band: 'from21',
        rateCents: 500,
        amountCents: 750,
        disputeComment: canary('disputeComment', world, readers('compensation:readStatement', { kind: 'compensationStatement', institutionId, programmeId, coachId: coach, status: 'approved' })),
        disputedAt: new Date('2026-11-01T10:00:00Z'),
        resolution: 'Klopt, aangepast',
        resolvedById: coordinator,
        resolvedAt: new Date('2026-11-02T09:00:00Z'),
      })
      .returning();

    // The next coach's statement, disputed and not yet approved: finance may not read it yet.
    const [disputed] = await db
      .insert(compensationStatements)
      .values({ institutionId, programmeId, intakeId, coachPersonId: nextCoach, month: '2026-10', scheme: 'allowance', status: 'disputed', totalMinutes: 60, totalCents: 500, yearToDateCents: 500 })
      .returning();
    await db.insert(compensationStatementLines).values({
      statementId: disputed!.id,
      coachPersonId: nextCoach,
      position: 1,
      source: `preparation:${session.id}`,
      workedOn: '2026-10-05',
      kind: 'preparation',
      minutes: 60,
      band: 'from21',
      rateCents: 500,
      amountCents: 500,
      disputeComment: canary('disputeComment', world, readers('compensation:readStatement', { kind: 'compensationStatement', institutionId, programmeId, coachId: nextCoach, status: 'disputed' })),
      disputedAt: new Date('2026-11-01T11:00:00Z'),
    });

    // The impact report's texts (#18): the programme's coordinator and opleidingsmanagement read them.
    // Two cells share a programme: the second plants its canary in the other text of the same report.
    const reportText = canary('impactReportText', world, readers('insight:read', { kind: 'programmeInsight', institutionId, programmeId }));
    await db
      .insert(impactReportTexts)
      .values({ programmeId, academicYear: '2026-2027', wentWell: reportText, needed: '', updatedById: coordinator })
      .onConflictDoUpdate({ target: [impactReportTexts.programmeId, impactReportTexts.academicYear], set: { needed: reportText } });

    // Expense claims: one submitted (with its receipt), one rejected with a reason.
    const claimReaders = readers('expenseClaim:read', { kind: 'expenseClaim', institutionId, programmeId, coachId: coach });
    const [claim, rejected] = await db
      .insert(expenseClaims)
      .values([
        { institutionId, programmeId, coachId: coach, spentOn: '2026-10-03', amountCents: 1250, category: 'groceries', description: canary('expenseDescription', world, claimReaders) },
        {
          institutionId,
          programmeId,
          coachId: coach,
          spentOn: '2026-10-04',
          amountCents: 900,
          category: 'travel',
          description: canary('expenseDescription', world, claimReaders),
          status: 'rejected',
          decidedById: coordinator,
          decidedAt: new Date('2026-10-10T10:00:00Z'),
          rejectReason: canary('expenseRejectReason', world, claimReaders),
        },
      ])
      .returning();
    const receipt = Buffer.from('%PDF-1.4\n%%EOF\n');
    await db.insert(expenseReceipts).values({ ownerId: coach, claimId: claim!.id, contentType: 'application/pdf', bytes: receipt, byteSize: receipt.length, sha256: createHash('sha256').update(receipt).digest('hex') });

    // The roadmap (#22): the coachee invited for factor 4; their view and the agreed evidence note are canaries.
    // Cells may share a programme: each cell gets a roadmap of its own year.
    const [roadmap] = await db.insert(roadmaps).values({ institutionId, programmeId, scopeKey: programmeId, year: 2000 + (await db.select().from(roadmaps)).length }).returning();
    const roadmapFactor = 'f4-sociale-en-academische-integratie';
    await db.insert(roadmapStakeholders).values({ roadmapId: roadmap!.id, personId: coachee, stakeholderId: 'student', factorIds: [roadmapFactor] });
    const roadmapResource: Resource = { kind: 'roadmap', institutionId, programmeId, stakeholders: [{ personId: coachee, factorIds: [roadmapFactor] }] };
    await db.insert(roadmapViews).values({ roadmapId: roadmap!.id, factorId: roadmapFactor, personId: coachee, status: 'started', note: canary('roadmapView', world, readers('roadmap:manage', roadmapResource, [coachee])) });
    await db.insert(roadmapAssessments).values({ roadmapId: roadmap!.id, factorId: roadmapFactor, status: 'started', evidenceNote: canary('roadmapEvidenceNote', world, readers('roadmap:read', roadmapResource)), recordedBy: coordinator });
    const [roadmapItem] = await db.insert(roadmapPlanItems).values({ roadmapId: roadmap!.id, interventionId: 'f4-vast-aanspreekpunt', ownerStakeholderId: 'studentcoaches', horizon: 'short', dueDate: '2027-06-01' }).returning();

    // The coach's IBAN: in full only to the coach and to finance (payables, batches).
    const iban = canaryIban();
    const ibanReaders = readers('payout:manage', { kind: 'financeDesk', institutionId }, [coach]);
    for (const text of [iban, formatIban(iban)]) canaries.push({ text, what: 'coachIban', world, visibleTo: ibanReaders });
    await saveMyBankAccount({ services: t.services, institutionId, coachId: coach, request: { iban, holderName: `Coach ${world}` }, locale: 'nl' });
    const key = t.services.config.dataKey.key;
    const [batch] = await db
      .insert(payoutBatches)
      .values({
        institutionId,
        messageId: `MATRIX-${world}-${n}`,
        executionDate: '2026-11-20',
        transferCount: 0,
        controlSumCents: 0,
        sepaXmlEncrypted: seal(key, '<?xml version="1.0" encoding="UTF-8"?><Document/>'),
        csvEncrypted: seal(key, 'naam;iban;bedrag\n'),
        createdById: coordinator,
      })
      .returning();

    // The 100-day moment (#21): the coachee stopped, with a reason for the coordinator only (not shared with the coach).
    await db.insert(hundredDayAsks).values({
      intakeId,
      personId: coachee,
      communityId: community.id,
      tokenHash: `matrix-${world}-${n}-${randomBytes(6).toString('hex')}`,
      askedAt: new Date('2026-12-10T08:00:00Z'),
      deadline: new Date('2026-12-24T22:59:00Z'),
      choice: 'stop',
      reason: canary('hundredDayStopReason', world, (a) => a.personId === coachee || isAllowed(a, 'programme:readHundredDay', programmeResource)),
      shareReasonWithCoach: false,
      answeredAt: new Date('2026-12-11T08:00:00Z'),
    });
    const [regrouping] = await db.insert(regroupings).values({ intakeId, createdById: coordinator, plan: { sizeBounds: { min: 7, max: 8 }, communityIds: [community.id], placements: [{ personId: coachee, from: community.id, to: community.id, oneOnOne: false }] } }).returning();
    const [switchNotice] = await db.insert(programmeSwitchNotices).values({ personId: coachee2, fromProgrammeId: programmeId, toProgrammeId: programmeId }).returning();
    // Research (#19): an approved study (its question and decision note are free text) with one export behind a link.
    const studyResource: Resource = { kind: 'researchStudy', institutionId, programmeIds: [programmeId], proposerId: null };
    const [study] = await db
      .insert(researchStudies)
      .values({ institutionId, proposerId: null, title: `Studie ${world}`, question: canary('studyQuestion', world, readers('researchStudy:read', studyResource)), periodStart: '2026-09-01', periodEnd: '2027-08-31', variables: ['programme', 'sessionsAttended'], status: 'approved', pseudonymSecret: seal(key, 'x'.repeat(32)) })
      .returning();
    await db.insert(researchStudyProgrammes).values({ studyId: study!.id, programmeId, decision: 'approved', decidedBy: coordinator, decidedAt: new Date('2026-10-01T10:00:00Z'), note: canary('studyDecisionNote', world, readers('researchStudy:read', studyResource)) });
    const researchToken = newToken();
    await db.insert(researchExports).values({ studyId: study!.id, createdBy: null, via: 'app', tokenDigest: digest(researchToken), expiresAt: new Date('2099-01-01T00:00:00Z'), rows: 0, k: 5, consenting: 0, suppressedRows: 0, suppressedCells: 0, consentVersion: 1, fileSealed: null });

    // Issue 19: an erasure request of a student who is not an actor, with a reason.
    const erasable = await person(institutionId, programmeId, ['coachee'], 'erasable');
    const [erasure] = await db
      .insert(erasureRequests)
      .values({ institutionId, personId: erasable.id, programmeIds: [programmeId], reason: 'Ik stop met de opleiding.', requestedAt: t.services.now(), dueOn: '2026-12-31' })
      .returning();
    // Evaluation (#18): an open confidential questionnaire; the coachee's own text answer is theirs alone.
    // Cells may share an intake: one round per intake.
    await db
      .insert(evaluationRounds)
      .values({ intakeId, moment: 'T0', mode: 'confidential', opensOn: '2026-09-01', closesOn: '2099-12-31', contentVersion: 1, questions: t.services.content.questions.evaluation, openedAt: new Date('2026-09-01T07:00:00Z') })
      .onConflictDoNothing();
    const [round] = await db.select().from(evaluationRounds).where(and(eq(evaluationRounds.intakeId, intakeId), eq(evaluationRounds.moment, 'T0')));
    const [evaluationInvitation] = await db
      .insert(evaluationInvitations)
      .values({ roundId: round!.id, personId: coachee, questionSet: 'coachee', communityId: community.id, tokenHash: `matrix-${world}-${n}`, invitedAt: new Date('2026-09-01T07:00:00Z'), answeredKeys: ['eval-coachee-most-valuable'] })
      .returning();
    await db.insert(evaluationLinkedAnswers).values({ invitationId: evaluationInvitation!.id, questionKey: 'eval-coachee-most-valuable', contentVersion: 1, textValue: canary('evaluationAnswer', world, (a) => a.personId === coachee), answeredAt: new Date('2026-09-02T07:00:00Z') });

    // The coach's end-of-year report (#18 item 4), not submitted: the text is the coach's alone.
    await db.insert(coachYearReports).values({
      personId: coach,
      programmeId,
      academicYear: '2026-2027',
      answers: { 'year-went-well': canary('yearReport', world, readers('coachYearReport:write', { kind: 'coachYearReport', institutionId, programmeId, coachId: coach })) },
    });

    return {
      yearReportCoaches: [],
      studyId: study!.id,
      researchToken,
      world,
      evaluationInvitationId: evaluationInvitation!.id,
      institutionId,
      programmeId,
      intakeId,
      classId: klass.id,
      communityId: community.id,
      coach,
      senior,
      coachee,
      coachee2,
      leercoach,
      coordinator,
      nextCoach,
      sessionId: session.id,
      oneOnOneId: oneOnOne.id,
      handoverId: handover!.id,
      mapId: map.id,
      map2Id: map2.id,
      snapshotId: snapshots[0]!.id,
      conversationId: conversation!.id,
      referralId: referral.id,
      signalId: signal.id,
      contactId: contact.id,
      helpResourceId: help!.id,
      activityId: activity!.id,
      planId: plan.id,
      importId: upload!.id,
      applicationId: application!.id,
      periodId: period!.id,
      locationId: location!.id,
      roomId: room!.id,
      timetableId: timetable!.id,
      schedulingRunId: schedulingRun!.id,
      groupingRunId: groupingRun!.id,
      regroupingId: regrouping!.id,
      extraWorkId: extraWork!.id,
      statementId: statement!.id,
      statementLineId: line!.id,
      disputedStatementId: disputed!.id,
      claimId: claim!.id,
      rejectedClaimId: rejected!.id,
      batchId: batch!.id,
      switchNoticeId: switchNotice!.id,
      erasureRequestId: erasure!.id,
      roadmapId: roadmap!.id,
      roadmapItemId: roadmapItem!.id,
      nominationId: nomination!.id,
      trainingId: training.id,
    };
  }

  const own = await cell('own', i1.id, p1.id, intake1.id);
  const cells: Record<World, Cell> = {
    own,
    otherCommunity: await cell('otherCommunity', i1.id, p1.id, intake1.id),
    otherProgramme: await cell('otherProgramme', i1.id, p2.id, intake2.id),
    otherInstitution: await cell('otherInstitution', i2.id, q1.id, intakeQ.id),
  };
  for (const c of Object.values(cells)) {
    const led = await db
      .selectDistinct({ coachId: communityCoachPeriods.coachId })
      .from(communityCoachPeriods)
      .innerJoin(communities, eq(communities.id, communityCoachPeriods.communityId))
      .innerJoin(intakes, eq(intakes.id, communities.intakeId))
      .where(and(eq(intakes.programmeId, c.programmeId), eq(intakes.academicYear, '2026-2027')));
    c.yearReportCoaches = led.map((r) => r.coachId);
  }
  const extra = {
    onderzoeker: await person(i1.id, p1.id, ['onderzoeker'], 'onderzoeker'),
    beheerder: await person(i1.id, p1.id, ['beheerder'], 'beheerder'),
    finance: await person(i1.id, p1.id, ['finance'], 'finance'),
    opleidingsmanagement: await person(i1.id, p1.id, ['opleidingsmanagement'], 'opleidingsmanagement'),
  };
  const ids: Record<ActorRole, { id: string; email: string }> = {
    coachee: { id: own.coachee, email: emails.get('own:coachee')! },
    studentcoach: { id: own.coach, email: emails.get('own:coach')! },
    seniorcoach: { id: own.senior, email: emails.get('own:senior')! },
    coordinator: { id: own.coordinator, email: emails.get('own:coordinator')! },
    leercoach: { id: own.leercoach, email: emails.get('own:leercoach')! },
    ...extra,
  };
  const actors = {} as AccessWorld['actors'];
  for (const role of ACTOR_ROLES) {
    actors[role] = { actor: actorsOf.get(ids[role].id)!, client: await signedIn(app, ids[role].email, PASSWORD), email: ids[role].email };
  }
  return { cells, actors, signedOut: await anonymous(app), canaries, password: PASSWORD };
}

function activityValues(institutionId: string, authorId: string) {
  return {
    institutionId,
    authorId,
    locale: 'nl',
    theme: 'kennismaken',
    phases: ['start'],
    durationMinutes: 20,
    groupMin: 2,
    groupMax: 8,
    title: 'Eigen werkvorm',
    goal: 'Kennismaken',
    materials: [],
    steps: ['Stap 1'],
  };
}
