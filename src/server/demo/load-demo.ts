/**
 * The demo programme: a fictional hogeschool shaped like the S4S report — Social Work in
 * Amsterdam with a September and a February intake, Business Innovation in Diemen; classes with
 * their leercoach; 9 student coaches, 3 senior coaches, 2 coordinators, 70 coachees in communities
 * and 22 late enrolments still to be grouped, a researcher and a beheerder. Deterministic: the same names and groups every time.
 * Questionnaires (#18): a closed T0 with answers, and the 100-day questionnaire open from the day it loads.
 */
import { defaultIntakeSettings, evaluationWindow, signUpCloseOutside, type IntakeSettings } from '../../domain/programme/intake-settings';
import { addDays, zonedParts } from '../../domain/sessions/zoned-time';
import { mulberry32 } from '../../domain/random';
import { count, eq, sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { Services } from '../context';
import { institutions, people } from '../db/schema';
import { loadCommunitiesDemo } from '../modules/communities/public';
import { loadCompensationDemo } from '../modules/compensation/public';
import { loadGroupingDemo } from '../modules/grouping/public';
import { loadInvitationsDemo } from '../modules/invitations/public';
import { hashPassword } from '../modules/identity/public';
import { loadPeopleDemo } from '../modules/people/public';
import { loadResilienceDemo } from '../modules/resilience/public';
import { loadSupportDemo } from '../modules/support/public';
import { loadSessionsDemo, type DemoCommunity } from '../modules/sessions/public';
import { loadGrowthDemo } from '../modules/growth/public';
import { loadYearDemo } from '../modules/year/public';
import { loadEndyearDemo } from '../modules/endyear/public';
import { loadFebruaryTimetablesDemo, loadSchedulingDemo } from '../modules/scheduling/public';
import { loadFinanceDemo } from '../modules/finance/public';
import { loadResearchDemo } from '../modules/research/public';
import { loadRoadmapDemo } from '../modules/roadmap/public';
import { loadEvaluationDemo } from '../modules/evaluation/public';
import { factories } from '../testing/factories';

export const DEMO_PASSWORD = 'peerkracht-demo';
const DOMAIN = 'hogeschool-zuidas.example';

const FIRST_NAMES = [
  'Aisha', 'Bram', 'Chaimae', 'Daan', 'Esra', 'Fenna', 'Gökhan', 'Hanna', 'Ilias', 'Jasmijn', 'Kofi', 'Lotte',
  'Mohamed', 'Noor', 'Oumaima', 'Pim', 'Quinty', 'Rayan', 'Sanne', 'Thijs', 'Ugo', 'Vera', 'Wessel', 'Xiomara',
  'Yusuf', 'Zoë', 'Anouk', 'Bilal', 'Demi', 'Emre', 'Fatima', 'Guus', 'Hiba', 'Ivo', 'Jada', 'Kevin', 'Lina',
  'Milan', 'Nadia', 'Owen', 'Priya', 'Romy', 'Sem', 'Tara', 'Yara', 'Luca', 'Maud', 'Samir', 'Ruben', 'Selin',
];
const LAST_NAMES = [
  'de Vries', 'Bakker', 'El Amrani', 'Jansen', 'Yilmaz', 'Visser', 'Mensah', 'de Jong', 'Smit', 'Kaya', 'Mulder',
  'Bouzid', 'van Dijk', 'Pinas', 'de Boer', 'Öztürk', 'Meijer', 'Haddou', 'Bos', 'Tjon', 'Vos', 'Ramdin',
  'Peters', 'Hendriks', 'Doğan', 'Koster', 'Chaouch', 'Dekker', 'Boateng', 'Willems',
];


export type DemoAccount = { role: Role; email: string };
export type DemoResult = { password: string; accounts: DemoAccount[] };

/** Loads the demo when the database holds no institution yet; returns the sign-in accounts. */
export async function loadDemoIfEmpty(services: Services): Promise<DemoResult | null> {
  return services.db.transaction(async (tx) => {
    // Several app instances may start at once on one PostgreSQL: only one loads the demo.
    await tx.execute(sql`select pg_advisory_xact_lock(727074002)`);
    const [existing] = await tx.select({ n: count() }).from(institutions);
    if ((existing?.n ?? 0) > 0) return null;
    const f = factories(tx);
    const random = mulberry32(2026);
    const used = new Set<string>();
    const pickName = () => {
      for (;;) {
        const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
        const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
        if (!used.has(`${first} ${last}`)) {
          used.add(`${first} ${last}`);
          return { firstName: first, lastName: last };
        }
      }
    };
    const emailFor = (n: { firstName: string; lastName: string }, sub: string) =>
      `${n.firstName}.${n.lastName}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z.]/g, '')
        .toLowerCase() + `@${sub}${DOMAIN}`;
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const institution = await f.institution({ name: 'Hogeschool Zuidas (demo)', isDemo: true });
    const institutionId = institution.id;
    const socialWork = await f.programme(institutionId, { nameNl: 'Social Work', nameEn: 'Social Work', location: 'Amsterdam' });
    const business = await f.programme(institutionId, {
      nameNl: 'Business Innovation',
      nameEn: 'Business Innovation',
      location: 'Diemen',
    });
    const swSept = await f.intake(socialWork.id, { academicYear: '2026-2027', month: 'september' });
    const swFeb = await f.intake(socialWork.id, { academicYear: '2026-2027', month: 'february' });
    const biSept = await f.intake(business.id, { academicYear: '2026-2027', month: 'september' });

    const person = (roles: Role[], programmeId: string | null, email?: string, name = pickName()) =>
      f.person({ institutionId, roles, programmeId, ...name, email: email ?? emailFor(name, 'student.'), passwordHash });

    const accounts: DemoAccount[] = [];
    const named = async (role: Role, programmeId: string | null, local: string, extraRoles: Role[] = []) => {
      const email = `${local}@${DOMAIN}`;
      accounts.push({ role, email });
      return person([role, ...extraRoles], programmeId, email);
    };

    const beheerder = await named('beheerder', null, 'beheerder');
    const onderzoeker = await named('onderzoeker', null, 'onderzoeker');
    const swCoordinator = await named('coordinator', socialWork.id, 'coordinator');
    const biCoordinator = await person(['coordinator'], business.id, `coordinator.bi@${DOMAIN}`);
    void biCoordinator;

    const leercoachSw = await named('leercoach', socialWork.id, 'leercoach');
    const swLeercoach2 = await person(['leercoach'], socialWork.id, undefined);
    const biLeercoach = await person(['leercoach'], business.id, undefined);
    const swClasses = [
      await f.class(swSept.id, { code: 'SW1A', leercoachId: leercoachSw.id }),
      await f.class(swSept.id, { code: 'SW1B', leercoachId: swLeercoach2.id }),
    ];
    const swFebClass = await f.class(swFeb.id, { code: 'SW1F', leercoachId: swLeercoach2.id });
    const biClasses = [
      await f.class(biSept.id, { code: 'BI1A', leercoachId: biLeercoach.id }),
      await f.class(biSept.id, { code: 'BI1B', leercoachId: biLeercoach.id }),
    ];

    // Senior coaches are students too: they hold both roles.
    const seniorSw1 = await named('seniorcoach', socialWork.id, 'seniorcoach', ['studentcoach']);
    const seniorSw2 = await person(['seniorcoach', 'studentcoach'], socialWork.id);
    const seniorBi = await person(['seniorcoach', 'studentcoach'], business.id);

    const coach1 = await named('studentcoach', socialWork.id, 'studentcoach');
    const swCoaches = [coach1];
    for (let i = 0; i < 5; i++) swCoaches.push(await person(['studentcoach'], socialWork.id));
    const biCoaches = [];
    for (let i = 0; i < 3; i++) biCoaches.push(await person(['studentcoach'], business.id));
    for (const [i, coach] of swCoaches.entries()) await f.supervise(i < 3 ? seniorSw1.id : seniorSw2.id, coach.id, socialWork.id);
    for (const coach of biCoaches) await f.supervise(seniorBi.id, coach.id, business.id);

    let studentNumber = 500100;
    const demoCommunities: DemoCommunity[] = [];
    const community = async (
      name: string,
      intakeId: string,
      programmeId: string,
      classRow: { id: string },
      coachId: string,
      size: number,
      firstMember?: string,
    ) => {
      const memberIds: string[] = [];
      for (let i = 0; i < size; i++) {
        const member =
          i === 0 && firstMember
            ? await named('coachee', programmeId, firstMember)
            : await person(['coachee'], programmeId);
        await f.enrol(classRow.id, member.id, String(studentNumber++));
        memberIds.push(member.id);
      }
      const made = await f.community({ intakeId, classId: classRow.id, coachId, name, memberIds });
      demoCommunities.push({ id: made.id, intakeId, programmeId, coachId, memberIds, location: `Lokaal ${101 + demoCommunities.length}` });
    };

    const swSizes = [8, 8, 7, 8, 7];
    for (const [i, size] of swSizes.entries()) {
      await community(`SW ${i + 1}`, swSept.id, socialWork.id, swClasses[i % 2]!, swCoaches[i]!.id, size, i === 0 ? 'coachee' : undefined);
    }
    await community('SW februari', swFeb.id, socialWork.id, swFebClass, swCoaches[5]!.id, 8);
    for (const [i, coach] of biCoaches.entries()) {
      await community(`BI ${i + 1}`, biSept.id, business.id, biClasses[i % 2]!, coach.id, 8);
    }
    // Coach lifecycle states, applications, student numbers and a completed handover (#3).
    await loadCommunitiesDemo(tx, {
      now: services.now(),
      programmeId: socialWork.id,
      coachIds: swCoaches.map((c) => c.id),
      otherCoaches: [...biCoaches.map((c) => ({ personId: c.id, programmeId: business.id })), { personId: seniorSw1.id, programmeId: socialWork.id }, { personId: seniorSw2.id, programmeId: socialWork.id }, { personId: seniorBi.id, programmeId: business.id }],
      pausedCoachId: swCoaches[3]!.id,
      handover: { communityName: 'SW 5', fromCoachId: swCoaches[4]!.id, toCoachId: seniorSw2.id, coordinatorId: swCoordinator.id },
    });
    // Help directory, consents, a referral and a signal (support, #8).
    const [demoCoachee] = await tx.select({ id: people.id }).from(people).where(eq(people.email, `coachee@${DOMAIN}`));
    if (demoCoachee) {
      await loadSupportDemo(tx, services, { institutionId, programmeId: socialWork.id, coachId: coach1.id, coacheeId: demoCoachee.id, domain: DOMAIN });
      // A resilience map for the demo coachee, shared with their coach, with a version from three months ago (#5).
      await loadResilienceDemo(tx, services, { institutionId, coachId: coach1.id, coacheeId: demoCoachee.id });
    }
    // Holidays, a year plan per community, attendance, RSVPs, check-ins and a logbook entry around now (#4).
    await loadSessionsDemo(tx, services, { institutionId, communities: demoCommunities, demoCoacheeId: demoCoachee?.id ?? null, demoCoachId: coach1.id, leercoach: { personId: leercoachSw.id, programmeId: socialWork.id } });
    // The 100-day moment (#21): the September intake's coachees answered; the demo coachee not yet.
    await loadYearDemo(tx, services, { intakeId: swSept.id, communities: demoCommunities.filter((c) => c.intakeId === swSept.id), openPersonId: demoCoachee?.id ?? null });
    // Scheduling next to classes (#7): periods, rooms, timetables and a proposal for the next period.
    await loadSchedulingDemo(tx, services, { intakeId: swSept.id, coordinatorId: swCoordinator.id });
    // Group formation (#6): late enrolments of the February intake, not in a community yet.
    const swLateClass = await f.class(swFeb.id, { code: 'SW1G', leercoachId: swLeercoach2.id });
    const toGroup: string[] = [];
    for (let i = 0; i < 22; i++) {
      const student = await person(['coachee'], socialWork.id);
      await f.enrol(swLateClass.id, student.id, String(studentNumber++));
      toGroup.push(student.id);
    }
    await loadGroupingDemo(tx, { institutionId, studentIds: toGroup, consents: services.content.consents });
    // The February intake's periods and class timetables (#21 item 3): class-wide proposals stand next to real lessons.
    await loadFebruaryTimetablesDemo(tx, services, { intakeId: swFeb.id, coordinatorId: swCoordinator.id });
    // Invitations (#16): the September intake's mix of statuses; the February intake's wait for its start.
    const membersOf = (intakeId: string) => demoCommunities.filter((c) => c.intakeId === intakeId).flatMap((c) => c.memberIds);
    await loadInvitationsDemo(tx, services, {
      started: { intakeId: swSept.id, academicYear: swSept.academicYear, month: swSept.month, studentIds: membersOf(swSept.id), coordinatorId: swCoordinator.id },
      upcoming: { intakeId: swFeb.id, academicYear: swFeb.academicYear, month: swFeb.month, studentIds: [...membersOf(swFeb.id), ...toGroup] },
    });
    // People and roles (#16): a teacher to make leercoach, role history for Mijn rollen; the coaches can be promoted.
    await loadPeopleDemo(tx, { institutionId, programmeId: socialWork.id, domain: DOMAIN, now: services.now(), beheerderId: beheerder.id, coordinatorId: swCoordinator.id, leercoach: { personId: leercoachSw.id, classCodes: ['SW1A'] }, senior: { personId: seniorSw1.id, supervisedIds: swCoaches.slice(0, 3).map((c) => c.id) } });
    // Compensation, the money side (#17): finance, the paying account, coaches' IBANs, claims with receipts.
    await named('finance', null, 'finance');
    await loadFinanceDemo(tx, services, { institutionId, programmeId: socialWork.id, coaches: swCoaches, coordinatorId: swCoordinator.id });
    // Coach compensation (#17): birth dates, extra work, statements of the last two months.
    await loadCompensationDemo(tx, services, { institutionId, programmeId: socialWork.id, coachIds: swCoaches.map((c) => c.id), demoCoachId: coach1.id, coordinatorId: swCoordinator.id, seniorId: seniorSw1.id });
    // Research (#19): research consents of the coachees and one approved study of both programmes.
    await loadResearchDemo(tx, services, { institutionId, programmeIds: [socialWork.id, business.id], researcherId: onderzoeker.id, coordinatorIds: { [socialWork.id]: swCoordinator.id, [business.id]: biCoordinator.id }, openPersonId: demoCoachee?.id ?? null });
    // Evidence (#18): opleidingsmanagement reads the social-work programme's dashboard and impact report (aggregates only).
    await named('opleidingsmanagement', socialWork.id, 'opleidingsmanagement');
    // The Roadmap to studentsucces (#22): this year's and last year's self-assessment, a coach's views, a plan.
    await loadRoadmapDemo(tx, services, { institutionId, programmeId: socialWork.id, coordinatorId: swCoordinator.id, stakeholderId: coach1.id });
    // Coaches' growth (#21 item 6): two past trainings with feedback; the demo coach has not given theirs yet.
    await loadGrowthDemo(tx, services, { institutionId, programmeId: socialWork.id, coachIds: swCoaches.map((c) => c.id), demoCoachId: coach1.id, trainerId: seniorSw1.id });
    // The coach's end-of-year report (#18 item 4): the demo coach's previous year, so the report opens with figures.
    await loadEndyearDemo(tx, services, { institutionId, programmeId: socialWork.id, coachId: coach1.id, domain: DOMAIN });
    // Questionnaires (#18): the September intake's 100-day questionnaire is open, its invitations in the outbox.
    await loadEvaluationDemo(tx, services, { intakeId: swSept.id });
    // Opt-in sign-up (#21): Business Innovation's February intake lets students sign up until two
    // weeks from today; one of them (meedoen@…, the demo password) sees /meedoen and the home task.
    // Last, so the seeded names of everyone above stay as they were.
    const biFeb = await f.intake(business.id, { academicYear: '2026-2027', month: 'february', settings: demoOptInSettings(services.now()) });
    const biFebClass = await f.class(biFeb.id, { code: 'BI1F', leercoachId: biLeercoach.id });
    for (let i = 0; i < 6; i++) {
      const student = await person(['coachee'], business.id, i === 0 ? `meedoen@${DOMAIN}` : undefined);
      await f.enrol(biFebClass.id, student.id, String(studentNumber++));
    }
    return { password: DEMO_PASSWORD, accounts };
  });
}

/** The demo's opt-in intake settings: sign-up open until two weeks from today (none when that falls outside the intake's year). */
function demoOptInSettings(now: Date): IntakeSettings {
  const closesOn = addDays(zonedParts(now).date, 14);
  const settings = { ...defaultIntakeSettings('february'), participation: 'optIn' as const, signUp: { closesOn } };
  return signUpCloseOutside(settings.signUp, evaluationWindow('2026-2027', 'february')).length === 0 ? settings : { ...settings, signUp: { closesOn: null } };
}
