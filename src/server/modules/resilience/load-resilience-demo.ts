/**
 * Demo data: the demo coachee's map, shared with their coach to view, with a version from three
 * months ago — so the comparison shows the coach and a fellow member becoming resources. Three
 * fellow members did the group exercise (with their consent for coaching data), so the community's
 * anonymous tally shows.
 */
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { emptyMap, type ResilienceMap, type SupportResource } from '../../../domain/resilience/model';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { factories } from '../../testing/factories';
import { localDate } from './dates';
import { relationsOf, upsertGroupShow } from './repository';

const r = (id: string, label: string, rest: Omit<SupportResource, 'id' | 'label' | 'easierIf' | 'note' | 'linkedPersonId'> & Partial<SupportResource>): SupportResource => ({
  id,
  label,
  easierIf: '',
  note: '',
  linkedPersonId: null,
  ...rest,
});

export async function loadResilienceDemo(db: Db, services: Services, ids: { institutionId: string; coachId: string; coacheeId: string }) {
  const relations = await relationsOf(db, ids.institutionId, ids.coacheeId);
  const fellowId = relations.fellowIds[0] ?? null;
  const earlier: ResilienceMap = {
    challenges: [
      { id: 'c-1', text: 'Plannen: alles komt tegelijk', when: 'now' },
      { id: 'c-2', text: 'Op de middelbare school vaak blijven zitten', when: 'past' },
    ],
    goals: 'Jongerenwerker worden in mijn eigen wijk.',
    studyFit: 'De opleiding geeft me het diploma en de stages die ik daarvoor nodig heb.',
    wellbeing: 5,
    wellbeingNeeds: 'Meer overzicht in mijn week en iemand om mee te sparren.',
    resources: [
      r('r-mum', 'Mijn moeder', { level: 'relational', place: 'outside', kind: 'person', usage: 'uses' }),
      r('r-persist', 'Doorzetten', { level: 'individual', place: 'outside', kind: 'trait', usage: 'uses' }),
      r('r-football', 'Voetbalclub', { level: 'contextual', place: 'outside', kind: 'activity', usage: 'uses' }),
      r('r-library', 'Stilteplek in de bibliotheek', { level: 'contextual', place: 'inside', kind: 'place', usage: 'could-use' }),
      r('r-dean', 'Studentendecaan', { level: 'contextual', place: 'inside', kind: 'service', usage: 'hard-to-reach', easierIf: 'Weten hoe ik een afspraak maak.' }),
    ],
    potential: 'Mensen uit mijn community, misschien mijn coach.',
    firstStep: 'Een weekplanning maken op zondag.',
  };
  const now: ResilienceMap = {
    ...earlier,
    wellbeing: 7,
    wellbeingNeeds: '',
    resources: [
      ...earlier.resources.map((x) => (x.id === 'r-library' ? { ...x, usage: 'uses' as const } : x)),
      r('r-coach', 'Mijn studentcoach', { level: 'relational', place: 'inside', kind: 'person', usage: 'uses', linkedPersonId: ids.coachId }),
      ...(fellowId ? [r('r-fellow', 'Studiemaatje uit de community', { level: 'relational', place: 'inside', kind: 'person', usage: 'uses', linkedPersonId: fellowId })] : []),
    ],
    firstStep: 'Bij de decaan langsgaan over mijn planning.',
  };
  const threeMonthsAgo = localDate(new Date(services.now().getTime() - 91 * 86_400_000));
  await factories(db).resilienceMap(ids.coacheeId, {
    content: now,
    shares: [{ personId: ids.coachId, mode: 'view' }],
    snapshots: [{ takenOn: threeMonthsAgo, content: earlier }],
  });
  const community = relations.communities[0];
  if (!community) return;
  const fellows: { resources: SupportResource[]; show: string[] }[] = [
    { resources: [r('g-1', 'Mijn oma', { level: 'relational', place: 'outside', kind: 'person', usage: 'uses' }), r('g-2', 'Humor', { level: 'individual', place: 'outside', kind: 'trait', usage: 'uses' })], show: ['g-2'] },
    { resources: [r('g-3', 'Moskee', { level: 'contextual', place: 'outside', kind: 'activity', usage: 'uses' }), r('g-4', 'Studiecoach', { level: 'contextual', place: 'inside', kind: 'service', usage: 'could-use' })], show: [] },
    { resources: [r('g-5', 'Bijbaan in de supermarkt', { level: 'contextual', place: 'outside', kind: 'activity', usage: 'uses' }), r('g-6', 'Plannen', { level: 'individual', place: 'inside', kind: 'trait', usage: 'could-use' })], show: ['g-5'] },
  ];
  for (const [i, fellow] of fellows.entries()) {
    const ownerId = relations.fellowIds[i + 1];
    if (!ownerId) break;
    await factories(db).consent({ institutionId: ids.institutionId, personId: ownerId, consentId: CONSENT_FOR.coachingData, consents: services.content.consents });
    await factories(db).resilienceMap(ownerId, { content: { ...emptyMap(), resources: fellow.resources } });
    await upsertGroupShow(db, { communityId: community.id, ownerId, resourceIds: fellow.show, inTally: true, now: services.now() });
  }
}
