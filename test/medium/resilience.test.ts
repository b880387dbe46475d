/**
 * The resilience map through HTTP: private by default, shared with the coach (view or edit
 * together) and revoked at once, every read by someone else audited and visible to the owner,
 * snapshots and comparison, the guided conversation private to the coach, the group exercise.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MyResilienceMapResponse, ResilienceMapContent, ResilienceMapResponse } from '../../src/contracts/resilience';
import { compareMaps } from '../../src/domain/resilience/compare';
import { emptyMap } from '../../src/domain/resilience/model';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { localDate } from '../../src/server/modules/resilience/dates';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'een lang wachtwoord';

describe(`resilience map on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let hash: string;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  type World = Awaited<ReturnType<typeof world>>;
  let w: World;
  async function world() {
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const person = (roles: ('coachee' | 'studentcoach' | 'seniorcoach' | 'coordinator')[], firstName: string) =>
      f.person({ institutionId: inst.id, programmeId: prog.id, roles, passwordHash: hash, firstName });
    const coach = await person(['studentcoach'], 'Coach');
    const otherCoach = await person(['studentcoach'], 'Andere');
    const senior = await person(['seniorcoach', 'studentcoach'], 'Senior');
    const coordinator = await person(['coordinator'], 'Coördinator');
    const members = [await person(['coachee'], 'Zoë'), await person(['coachee'], 'Daan'), await person(['coachee'], 'Esra'), await person(['coachee'], 'Pim')];
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: members.map((m) => m.id) });
    // The members said yes to their coaching data (content/consents.json); one test withdraws it.
    for (const m of members) await f.consent({ institutionId: inst.id, personId: m.id, consentId: 'coaching-data', consents: t.services.content.consents });
    await f.community({ intakeId: intake.id, coachId: otherCoach.id, memberIds: [] });
    await f.supervise(senior.id, coach.id, prog.id);
    const as = async (p: { email: string }) => signedIn(app, p.email, PASSWORD);
    return { coach, otherCoach, senior, coordinator, members, community, owner: members[0]!, as };
  }

  beforeEach(async () => {
    await t.reset();
    w = await world();
  });

  const resource = (id: string, over: Partial<ResilienceMapContent['resources'][number]> = {}) => ({
    id,
    label: `Bron ${id}`,
    level: 'relational' as const,
    place: 'outside' as const,
    kind: 'person' as const,
    usage: 'uses' as const,
    easierIf: '',
    note: '',
    linkedPersonId: null,
    ...over,
  });

  /** The coachee's map, saved once (empty) when they had none yet: opening it alone writes nothing (read-log.test.ts). */
  async function myMap(client: Client): Promise<ResilienceMapResponse> {
    const response = await client.request('GET', '/api/resilience/my-map');
    expect(response.statusCode).toBe(200);
    const map = response.json<MyResilienceMapResponse>();
    if (map.id !== null && map.updatedAt !== null) return { ...map, id: map.id, updatedAt: map.updatedAt };
    expect((await client.request('PUT', '/api/resilience/my-map', { content: emptyMap(), version: map.version })).statusCode).toBe(200);
    return myMap(client);
  }

  it('creates a private map on the first save and saves it, refusing a stale version', async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    expect(map.access).toBe('owner');
    expect(map.content).toEqual(emptyMap());
    expect(map.shares).toEqual([]);
    expect(map.linkable.map((p) => p.role).sort()).toEqual(['coach', 'fellow', 'fellow', 'fellow']);
    const content = { ...emptyMap(), wellbeing: 5, wellbeingNeeds: 'Meer rust', resources: [resource('mama')] };
    const saved = await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content, version: map.version });
    expect(saved.statusCode).toBe(200);
    expect((await myMap(owner)).content.resources).toHaveLength(1);
    const stale = await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content, version: map.version });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps every field of the map: challenges now and past, goals and the study, wellbeing, resources in full, potential, first step', async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    const content: ResilienceMapContent = {
      challenges: [
        { id: 'c-now', text: 'Alles komt tegelijk', when: 'now' },
        { id: 'c-past', text: 'Blijven zitten op de middelbare school', when: 'past' },
      ],
      goals: 'Jongerenwerker worden',
      studyFit: 'De opleiding geeft me de stages die ik nodig heb',
      wellbeing: 4,
      wellbeingNeeds: 'Meer overzicht en iemand om mee te sparren',
      resources: [
        resource('trait', { label: 'Doorzetten', level: 'individual', kind: 'trait', place: 'outside' }),
        resource('coach', { label: 'Mijn coach', level: 'relational', place: 'inside', kind: 'person', linkedPersonId: w.coach.id, note: 'Elke week even bellen' }),
        resource('dean', { label: 'Decaan', level: 'contextual', place: 'inside', kind: 'service', usage: 'hard-to-reach', easierIf: 'Weten hoe ik een afspraak maak' }),
        resource('club', { label: 'Voetbalclub', level: 'contextual', place: 'outside', kind: 'activity', usage: 'could-use' }),
        resource('library', { label: 'Stilteplek', level: 'contextual', place: 'inside', kind: 'place' }),
      ],
      potential: 'Mensen uit mijn community',
      firstStep: 'Zondag een weekplanning maken',
    };
    expect((await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content, version: map.version })).statusCode).toBe(200);
    expect((await myMap(owner)).content).toEqual(content);
    // …and the PDF carries them (it renders without error for a full map).
    const pdf = await owner.request('GET', `/api/resilience/maps/${map.id}/map.pdf?lang=nl`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses invalid maps with field errors: a link to someone outside the community, a score of 11, unknown fields', async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    const put = (content: unknown) => owner.request('PUT', `/api/resilience/maps/${map.id}`, { content, version: map.version });
    const stranger = await put({ ...emptyMap(), resources: [resource('x', { linkedPersonId: w.otherCoach.id })] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields[0].path).toBe('content.resources.0.linkedPersonId');
    expect((await put({ ...emptyMap(), wellbeing: 11 })).statusCode).toBe(400);
    expect((await put({ ...emptyMap(), secret: 1 })).statusCode).toBe(400);
    expect((await myMap(owner)).version).toBe(map.version);
  });

  it('keeps the map private: coach, senior coach, coordinator and fellow members get 404', async () => {
    const map = await myMap(await w.as(w.owner));
    for (const who of [w.coach, w.senior, w.coordinator, w.members[1]!, w.otherCoach]) {
      const client = await w.as(who);
      expect((await client.request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/resilience/maps/${map.id}/map.pdf`)).statusCode).toBe(404);
    }
    expect((await (await w.as(w.owner)).request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(200);
  });

  it('shares with the coach to view, audits each read, lets the owner see who looked, and revokes at once', async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    expect((await owner.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.otherCoach.id}`, { mode: 'view' })).statusCode).toBe(404);
    expect((await owner.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`, { mode: 'view' })).statusCode).toBe(204);
    const coach = await w.as(w.coach);
    const seen = await coach.request('GET', `/api/resilience/maps/${map.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ResilienceMapResponse>().access).toBe('view');
    expect(seen.json<ResilienceMapResponse>().shares).toBeUndefined();
    expect(seen.json<ResilienceMapResponse>().reads).toBeUndefined();
    // Viewing is not editing, and the senior coach still sees nothing.
    expect((await coach.request('PUT', `/api/resilience/maps/${map.id}`, { content: emptyMap(), version: map.version })).statusCode).toBe(404);
    expect((await (await w.as(w.senior)).request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(404);
    const pdf = await coach.request('GET', `/api/resilience/maps/${map.id}/map.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const mine = await myMap(owner);
    expect(mine.shares?.map((s) => [s.firstName, s.mode])).toEqual([['Coach', 'view']]);
    expect(mine.reads?.map((r) => [r.firstName, r.what])).toEqual([
      ['Coach', 'pdf'],
      ['Coach', 'map'],
    ]);
    expect((await coach.request('GET', '/api/resilience/my-coachees')).json().coachees.find((c: { id: string }) => c.id === w.owner.id).sharedMap).toEqual({ mapId: map.id, mode: 'view' });

    expect((await owner.request('DELETE', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`)).statusCode).toBe(204);
    expect((await coach.request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(404);
    expect((await myMap(owner)).reads).toHaveLength(2);
    // Only the owner shares.
    expect((await coach.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`, { mode: 'edit' })).statusCode).toBe(404);
  });

  it("stops the coach's very next read, edit and conversation once the coachee withdraws consent for coaching data", async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    expect((await owner.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`, { mode: 'edit' })).statusCode).toBe(204);
    const snapshot = (await owner.request('POST', `/api/resilience/maps/${map.id}/snapshots`, {})).json<{ id: string }>();
    const coach = await w.as(w.coach);
    expect((await coach.request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(200);
    const conversation = (await coach.request('POST', `/api/resilience/coachees/${w.owner.id}/conversations`)).json<{ id: string }>();
    expect((await coach.request('GET', `/api/resilience/conversations/${conversation.id}`)).json().mapId).toBe(map.id);
    const groupUrl = `/api/resilience/communities/${w.community.id}/group`;
    await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content: { ...emptyMap(), resources: [resource('a')] }, version: map.version });
    await owner.request('PUT', `${groupUrl}/mine`, { resourceIds: ['a'], inTally: true });
    expect((await coach.request('GET', groupUrl)).json().shown).toHaveLength(1);

    const withdrawn = await owner.request('PUT', '/api/me/consents/coaching-data', { decision: 'withdraw', textVersion: 1, shownLocale: 'nl' });
    expect(withdrawn.json().status).toBe('withdrawn');

    const current = await myMap(owner);
    const refused = [
      await coach.request('GET', `/api/resilience/maps/${map.id}`),
      await coach.request('PUT', `/api/resilience/maps/${map.id}`, { content: emptyMap(), version: current.version }),
      await coach.request('GET', `/api/resilience/maps/${map.id}/map.pdf`),
      await coach.request('POST', `/api/resilience/maps/${map.id}/snapshots`, {}),
      await coach.request('GET', `/api/resilience/maps/${map.id}/snapshots/${snapshot.id}`),
      await coach.request('GET', `/api/resilience/conversations/${conversation.id}`),
      await coach.request('PUT', `/api/resilience/conversations/${conversation.id}`, { progress: {} }),
      await coach.request('POST', `/api/resilience/coachees/${w.owner.id}/conversations`),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual(Array(refused.length).fill(403));
    expect(refused.every((r) => r.json().error.code === 'consent_required')).toBe(true);
    // Nothing changed, and nothing more was recorded as read.
    expect((await myMap(owner)).version).toBe(current.version);
    expect((await myMap(owner)).reads?.map((r) => r.what)).toEqual(['group', 'map']);
    const listed = (await coach.request('GET', '/api/resilience/my-coachees')).json().coachees.find((c: { id: string }) => c.id === w.owner.id);
    expect(listed).toMatchObject({ consented: false, sharedMap: null, conversations: [] });
    expect((await coach.request('GET', groupUrl)).json().shown).toEqual([]);
    // The coachee keeps their own map, sees the share still standing, and cannot share anew.
    expect((await myMap(owner)).shares).toHaveLength(1);
    const share = await owner.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`, { mode: 'view' });
    expect(share.statusCode).toBe(403);
    expect(share.json().error.code).toBe('consent_required');
    expect((await (await w.as(w.members[1]!)).request('GET', groupUrl)).json().shown).toEqual([]);

    // Saying yes again restores what the coachee chose before.
    await owner.request('PUT', '/api/me/consents/coaching-data', { decision: 'grant', textVersion: 1, shownLocale: 'nl' });
    expect((await coach.request('GET', `/api/resilience/maps/${map.id}`)).statusCode).toBe(200);
    expect((await coach.request('GET', `/api/resilience/conversations/${conversation.id}`)).statusCode).toBe(200);
  });

  it('lets the coach edit together only when shared for editing', async () => {
    const owner = await w.as(w.owner);
    const map = await myMap(owner);
    await owner.request('PUT', `/api/resilience/maps/${map.id}/shares/${w.coach.id}`, { mode: 'edit' });
    const coach = await w.as(w.coach);
    const opened = (await coach.request('GET', `/api/resilience/maps/${map.id}`)).json<ResilienceMapResponse>();
    expect(opened.access).toBe('edit');
    const content = { ...emptyMap(), resources: [resource('coach', { label: 'Mijn coach', level: 'relational', place: 'inside', linkedPersonId: w.coach.id })] };
    expect((await coach.request('PUT', `/api/resilience/maps/${map.id}`, { content, version: opened.version })).statusCode).toBe(200);
    expect((await myMap(owner)).content.resources[0]?.linkedPersonId).toBe(w.coach.id);
  });

  it('keeps dated snapshots and shows the coach becoming a resource three months later', async () => {
    // Session cookies follow the real clock, so the story starts today and moves three months on.
    const start = new Date();
    const threeMonthsOn = new Date(start.getTime() + 95 * 86_400_000);
    const [day1, day2] = [localDate(start), localDate(threeMonthsOn)];
    t.setNow(start);
    let owner = await w.as(w.owner);
    const map = await myMap(owner);
    await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content: { ...emptyMap(), resources: [resource('mama')] }, version: 1 });
    const first = await owner.request('POST', `/api/resilience/maps/${map.id}/snapshots`, {});
    expect(first.statusCode).toBe(201);
    expect(first.json().takenOn).toBe(day1);
    const later = { ...emptyMap(), resources: [resource('mama'), resource('c', { label: 'Coach', place: 'inside', linkedPersonId: w.coach.id })] };
    await owner.request('PUT', `/api/resilience/maps/${map.id}`, { content: later, version: 2 });
    t.setNow(threeMonthsOn);
    owner = await w.as(w.owner); // three months on: a new session
    const second = await owner.request('POST', `/api/resilience/maps/${map.id}/snapshots`, {});
    expect(second.json().takenOn).toBe(day2);
    expect((await owner.request('POST', `/api/resilience/maps/${map.id}/snapshots`, { takenOn: localDate(new Date(threeMonthsOn.getTime() + 2 * 86_400_000)) })).statusCode).toBe(400);
    const snapshots = (await myMap(owner)).snapshots;
    expect(snapshots.map((s) => s.takenOn)).toEqual([day1, day2]);
    const a = (await owner.request('GET', `/api/resilience/maps/${map.id}/snapshots/${snapshots[0]!.id}`)).json<{ content: ResilienceMapContent }>();
    const b = (await owner.request('GET', `/api/resilience/maps/${map.id}/snapshots/${snapshots[1]!.id}`)).json<{ content: ResilienceMapContent }>();
    const comparison = compareMaps(a.content, b.content, { coachIds: new Set([w.coach.id]), fellowIds: new Set() });
    expect(comparison.becameResources.map((c) => c.role)).toEqual(['coach']);
    // Someone else's snapshot: 404, like a missing one.
    expect((await (await w.as(w.coach)).request('GET', `/api/resilience/maps/${map.id}/snapshots/${snapshots[0]!.id}`)).statusCode).toBe(404);
  });

  it('keeps the guided conversation private to the coach who holds it', async () => {
    const coach = await w.as(w.coach);
    expect((await (await w.as(w.otherCoach)).request('POST', `/api/resilience/coachees/${w.owner.id}/conversations`)).statusCode).toBe(404);
    const started = await coach.request('POST', `/api/resilience/coachees/${w.owner.id}/conversations`);
    expect(started.statusCode).toBe(201);
    const id = started.json<{ id: string }>().id;
    const theme = t.services.content.questions.conversationGuide.themes[0]!;
    const progress = { [theme.id]: { mainAnswered: true, followUpsCovered: theme.followUps.map((_, i) => i), note: 'Veel zorgen over geld' } };
    expect((await coach.request('PUT', `/api/resilience/conversations/${id}`, { progress })).statusCode).toBe(204);
    expect((await coach.request('PUT', `/api/resilience/conversations/${id}`, { progress: { 'no-such-theme': progress[theme.id] } })).statusCode).toBe(400);
    const read = (await coach.request('GET', `/api/resilience/conversations/${id}`)).json();
    expect(read.progress[theme.id].note).toBe('Veel zorgen over geld');
    expect(read.mapId).toBeNull();
    const list = (await coach.request('GET', '/api/resilience/my-coachees')).json();
    expect(list.coachees.find((c: { id: string }) => c.id === w.owner.id).conversations[0]).toMatchObject({ id, done: 1, total: 5 });
    for (const who of [w.owner, w.senior, w.coordinator, w.otherCoach]) {
      expect((await (await w.as(who)).request('GET', `/api/resilience/conversations/${id}`)).statusCode, who.firstName).toBe(404);
    }
  });

  it('shows the group only what each member chooses, and a tally from three contributors on', async () => {
    const url = `/api/resilience/communities/${w.community.id}/group`;
    const clients = await Promise.all(w.members.map((m) => w.as(m)));
    for (const [i, client] of clients.entries()) {
      const map = await myMap(client);
      await client.request('PUT', `/api/resilience/maps/${map.id}`, { content: { ...emptyMap(), resources: [resource(`a${i}`), resource(`b${i}`, { kind: 'trait', level: 'individual' })] }, version: map.version });
    }
    await clients[0]!.request('PUT', `${url}/mine`, { resourceIds: ['a0'], inTally: true });
    await clients[1]!.request('PUT', `${url}/mine`, { resourceIds: [], inTally: true });
    const asCoach = await w.as(w.coach);
    let group = (await asCoach.request('GET', url)).json();
    expect(group.shown).toEqual([{ firstName: 'Zoë', resources: [{ label: 'Bron a0', level: 'relational', place: 'outside', kind: 'person' }] }]);
    expect(group.tally).toBeNull();
    expect(group.contributors).toBe(2);
    await clients[2]!.request('PUT', `${url}/mine`, { resourceIds: [], inTally: true });
    group = (await clients[3]!.request('GET', url)).json();
    expect(group.tally.counts.relational.person).toBe(3);
    expect(group.tally.counts.individual.trait).toBe(3);
    expect(group.mine.resources).toHaveLength(2);
    // The owner sees that the group looked at what they showed.
    expect((await myMap(clients[0]!)).reads?.map((r) => r.what)).toEqual(['group', 'group']);
    for (const who of [w.senior, w.coordinator, w.otherCoach]) {
      expect((await (await w.as(who)).request('GET', url)).statusCode).toBe(404);
    }
    expect((await asCoach.request('PUT', `${url}/mine`, { resourceIds: [], inTally: true })).statusCode).toBe(404);
  });
});
