import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { testBrowser, type TestBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';
import { openEventStream, until } from './support/event-stream';
import { streams } from '@/lib/db/presence';

/**
 * Anonymity for a class (issue 13 §4): on a map the owner set anonymous, students see each other as
 * "Student 1, 2, …" (numbered by when they joined) while the owner sees names — in the map, comments,
 * history, the live stream and its presence list, exports and the brief. Turning it on or off
 * changes nothing stored: every name stays as written.
 */
const database = throwawayDatabase('anonymity');
afterAll(() => database.cleanup());

// Names that appear nowhere in the seeded essay or map, so finding one in an answer is a leak.
const ZEPH = 'Zephyrine Quist';
const ORLO = 'Orlando Vask';
const PIP = 'Pipaluk Ezeh';
const ZEPH_CLIENT = 'zeph-browser-0001';

type Copy = { map: { slug: string }; invite: { code: string } };
type MapAnswer = { map: { anonymous: boolean }; viewer: { name: string | null; alias: string | null }; nodes: { id: string; kind: string; author: string }[] };
type HistoryAnswer = { events: { type: string; actor: string; data: unknown }[] };

let teacher: TestBrowser;
let zeph: TestBrowser;
let orlo: TestBrowser;
let slug: string;
let code: string;
let thesis: string;
let zephObjection: string;

const row = async <T>(sql: string, ...params: unknown[]) => (await database.one<T>(sql, ...params))!;
const mapId = async () => (await row<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug)).id;
/** Every name as stored: the points', comments' and events' — what anonymity must never change. */
const storedNames = async () => ({
  nodes: await database.all('SELECT "id", "author" FROM "Node" WHERE "mapId" = ? ORDER BY "id"', await mapId()),
  comments: await database.all('SELECT "id", "author" FROM "Comment" WHERE "mapId" = ? ORDER BY "id"', await mapId()),
  events: await database.all(`SELECT "id", "actor", "data" FROM "MapEvent" WHERE "mapId" = ? AND "type" != 'map.updated' ORDER BY "id"`, await mapId()),
});

const patchMap = (who: TestBrowser, body: unknown) => who.request<{ anonymous: boolean; error?: { message: string } }>('PATCH', `/api/maps/${slug}`, { body });
const text = (answer: { body: unknown }) => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));

beforeAll(async () => {
  teacher = testBrowser();
  expect((await teacher.post('/api/auth/signup', { username: 'teacher-anon', password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title: 'Anonymous class' });
  expect(copy.status).toBe(201);
  slug = copy.body.map.slug;
  code = copy.body.invite.code;
  zeph = testBrowser();
  expect((await zeph.post(`/api/invites/${code}`, { name: ZEPH })).status).toBe(201);
  orlo = testBrowser();
  expect((await orlo.post(`/api/invites/${code}`, { name: ORLO })).status).toBe(201);
  thesis = (await row<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis'`, await mapId())).id;
  const added = await zeph.post<{ node: { id: string } }>(`/api/maps/${slug}/nodes`, {
    kind: 'objection',
    text: 'Talks reward bad behaviour.',
    target: thesis,
    relation: 'attacks',
  });
  expect(added.status).toBe(201);
  zephObjection = added.body.node.id;
  expect((await zeph.post(`/api/maps/${slug}/nodes/${thesis}/comments`, { text: 'Which talks, exactly?' })).status).toBe(201);
  expect(
    (await orlo.post(`/api/maps/${slug}/nodes`, { kind: 'rebuttal', text: 'Only if nothing is asked in return.', target: zephObjection, relation: 'attacks' }))
      .status,
  ).toBe(201);
});

describe('turning anonymity on', () => {
  test('only the owner may; a bad value is refused; either way nothing is written', async () => {
    const before = await database.snapshot();
    const bad = await patchMap(teacher, { anonymous: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { issues: [{ path: ['anonymous'], message: 'anonymous is true or false.' }] } });
    expect((await patchMap(zeph, { anonymous: true })).status).toBe(403);
    expect((await testBrowser().request('PATCH', '/api/maps/negotiate-now', { body: { anonymous: true } })).status).toBe(403);
    const after = await database.snapshot();
    expect(after.counts).toEqual(before.counts);
    expect(after.maxEventId).toBe(before.maxEventId);
  });

  test('the owner turns it on: one map.updated event, and no stored name changes', async () => {
    const names = await storedNames();
    const on = await patchMap(teacher, { anonymous: true });
    expect(on.status).toBe(200);
    expect(on.body.anonymous).toBe(true);
    expect(await storedNames()).toEqual(names);
    const history = (await teacher.get<HistoryAnswer>(`/api/maps/${slug}/history?limit=1`)).body.events;
    expect(history[0]).toMatchObject({ type: 'map.updated', actor: 'teacher-anon', data: { map: { anonymous: true }, before: { anonymous: false } } });
  });
});

describe('on an anonymous map', () => {
  test('a student sees classmates as "Student N" (by when they joined) and themself by name, in the map view', async () => {
    const view = (await orlo.get<MapAnswer>(`/api/maps/${slug}`)).body;
    expect(view.map.anonymous).toBe(true);
    expect(view.viewer).toMatchObject({ name: ORLO, alias: 'Student 2' });
    const authors = new Set(view.nodes.map((n) => n.author));
    expect(authors).toContain('Student 1');
    expect(authors).toContain(ORLO);
    expect(text({ body: view })).not.toContain(ZEPH);
    // The essay's own analysis keeps its authors: they are not classmates.
    expect(view.nodes.find((n) => n.id === thesis)!.author).not.toMatch(/^Student/);
  });

  test('the owner sees every name', async () => {
    const view = (await teacher.get<MapAnswer>(`/api/maps/${slug}`)).body;
    expect(view.viewer.alias).toBeNull();
    expect(view.nodes.find((n) => n.id === zephObjection)!.author).toBe(ZEPH);
  });

  test('comments, history, exports and the brief hide classmates too — and show them to the owner', async () => {
    const paths = [
      `/api/maps/${slug}/nodes/${thesis}/comments`,
      `/api/maps/${slug}/history`,
      `/api/maps/${slug}/export?format=json`,
      `/api/maps/${slug}/export?format=argdown`,
      `/api/maps/${slug}/export?format=aif`,
      `/api/maps/${slug}/brief?side=negative&format=json`,
      `/api/maps/${slug}/brief?side=negative`,
    ];
    for (const path of paths) {
      const asOrlo = await orlo.get(path);
      expect(asOrlo.status, path).toBe(200);
      expect(text(asOrlo), path).not.toContain(ZEPH);
    }
    const comments = (await orlo.get<{ comments: { author: string }[] }>(paths[0])).body.comments;
    expect(comments.map((c) => c.author)).toEqual(['Student 1']);
    const history = (await orlo.get<HistoryAnswer>(paths[1])).body.events;
    const created = history.find((e) => e.type === 'node.created' && (e.data as { node: { id: string } }).node.id === zephObjection)!;
    expect(created).toMatchObject({ actor: 'Student 1', data: { node: { author: 'Student 1' } } });
    // The owner's copies of the same answers carry the name.
    expect(text(await teacher.get(paths[0]))).toContain(ZEPH);
    expect(text(await teacher.get(paths[1]))).toContain(ZEPH);
    expect(text(await teacher.get(paths[2]))).toContain(ZEPH);
    expect(text(await teacher.get(paths[5]))).toContain(ZEPH);
  });

  test('someone joining later is the next number; a removed student keeps theirs', async () => {
    const pip = testBrowser();
    expect((await pip.post(`/api/invites/${code}`, { name: PIP })).status).toBe(201);
    expect((await pip.get<MapAnswer>(`/api/maps/${slug}`)).body.viewer.alias).toBe('Student 3');
    const { members } = (await teacher.get<{ members: { id: string; name: string; alias: string | null }[] }>(`/api/maps/${slug}/members`)).body;
    expect(members.map((m) => [m.name, m.alias])).toEqual([
      ['teacher-anon', null],
      [ZEPH, 'Student 1'],
      [ORLO, 'Student 2'],
      [PIP, 'Student 3'],
    ]);
    const orloId = members.find((m) => m.name === ORLO)!.id;
    expect((await teacher.delete(`/api/maps/${slug}/members/${orloId}`)).status).toBe(200);
    const view = (await pip.get<MapAnswer>(`/api/maps/${slug}`)).body;
    expect(view.viewer.alias).toBe('Student 3');
    expect(view.nodes.map((n) => n.author)).toEqual(expect.arrayContaining(['Student 1', 'Student 2']));
  });

  test("the teacher's progress names each student's label, and the CSV has a column for it", async () => {
    const progress = (await teacher.get<{ anonymous: boolean; students: { member: { name: string; alias: string | null } }[] }>(`/api/maps/${slug}/progress`))
      .body;
    expect(progress.anonymous).toBe(true);
    expect(progress.students.find((s) => s.member.name === ZEPH)!.member.alias).toBe('Student 1');
    const csv = text(await teacher.get(`/api/maps/${slug}/progress.csv`));
    expect(csv).toContain('Shown to classmates as');
    expect(csv).toMatch(new RegExp(`${ZEPH},Student 1,`));
  });

  test('someone who neither joined nor signed in is signed "Guest", whatever name they type', async () => {
    expect((await patchMap(teacher, { policy: 'open' })).status).toBe(200);
    const guest = testBrowser();
    const added = await guest.post<{ node: { id: string; author: string } }>(`/api/maps/${slug}/nodes`, {
      kind: 'objection',
      text: 'A guest speaks here.',
      target: thesis,
      relation: 'attacks',
      author: 'Carla Real-Name',
    });
    expect(added.status).toBe(201);
    expect(added.body.node.author).toBe('Guest');
    const comment = await guest.post<{ comment: { author: string } }>(`/api/maps/${slug}/nodes/${thesis}/comments`, {
      text: 'Me again.',
      author: 'Carla Real-Name',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.comment.author).toBe('Guest');
    expect(JSON.stringify(await storedNames())).not.toContain('Carla');
    expect((await patchMap(teacher, { policy: 'invite' })).status).toBe(200);
  });
});

describe('what the review of the first version found stays fixed', () => {
  test('someone signed in who never joined is signed "Guest" on an open anonymous map, not by their username', async () => {
    expect((await patchMap(teacher, { policy: 'open' })).status).toBe(200);
    try {
      const outsider = testBrowser();
      expect((await outsider.post('/api/auth/signup', { username: 'samuel-realname', password: 'correct horse battery' })).status).toBe(201);
      const added = await outsider.post<{ node: { author: string } }>(`/api/maps/${slug}/nodes`, {
        kind: 'objection',
        text: 'An outsider objects here.',
        target: thesis,
        relation: 'attacks',
      });
      expect(added.status).toBe(201);
      expect(added.body.node.author).toBe('Guest');
      expect(JSON.stringify(await storedNames())).not.toContain('samuel-realname');
    } finally {
      expect((await patchMap(teacher, { policy: 'invite' })).status).toBe(200);
    }
  });

  test("a 409 on rewording a classmate's point (an open map) hands the point back with its maker as a label", async () => {
    expect((await patchMap(teacher, { policy: 'open' })).status).toBe(200);
    try {
      const pip = testBrowser();
      expect((await pip.post(`/api/invites/${code}`, { name: 'Quincey Ablewhite' })).status).toBe(201);
      const mine = (await pip.get<MapAnswer>(`/api/maps/${slug}`)).body.nodes.find((n) => n.author === 'Student 1')!;
      const stale = await pip.request<{ current: { author: string } }>('PATCH', `/api/maps/${slug}/nodes/${mine.id}`, {
        body: { text: 'Reworded from an old copy.', version: 999 },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.current.author).toBe('Student 1');
      expect(JSON.stringify(stale.body)).not.toContain(ZEPH);
    } finally {
      expect((await patchMap(teacher, { policy: 'invite' })).status).toBe(200);
    }
  });

  test.each([ZEPH, ZEPH.toUpperCase(), 'teacher-anon', 'Guest', 'student 2', 'Student12'])(
    'joining under a name the class already uses (%s) is refused, and writes nothing',
    async (name) => {
      const before = await database.snapshot();
      const refused = await testBrowser().post<{ error: { issues: { path: string[]; message: string }[] } }>(`/api/invites/${code}`, { name });
      expect(refused.status).toBe(409);
      expect(refused.body.error.issues[0].path).toEqual(['name']);
      expect((await database.snapshot()).counts).toEqual(before.counts);
    },
  );
});

describe('the live stream', () => {
  const open: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await until(() => streams().count() === 0);
  });

  async function openStream(who: TestBrowser, client?: string) {
    const read = await openEventStream(who.jar, slug, client);
    open.push(read);
    return read;
  }

  test("a classmate's change and presence reach a student as 'Student N', the owner by name; turning anonymity off names them again", async () => {
    const pipBrowser = testBrowser();
    // A fresh class member to watch with (Orlo was removed above).
    expect((await pipBrowser.post(`/api/invites/${code}`, { name: 'Watcher Wren' })).status).toBe(201);
    const student = await openStream(pipBrowser);
    const owner = await openStream(teacher);
    await openStream(zeph, ZEPH_CLIENT);
    await until(() => student.of<{ name: string }>('presence-joined').length > 0 || student.of<{ name: string }[]>('presence')[0]?.length > 1);
    expect(
      (
        await zeph.post(
          `/api/maps/${slug}/nodes`,
          { kind: 'objection', text: 'Sanctions were never tried in full.', target: thesis, relation: 'attacks' },
          { 'X-Argmap-Client': ZEPH_CLIENT },
        )
      ).status,
    ).toBe(201);
    await until(() => student.of('change').length > 0 && owner.of('change').length > 0);
    expect(student.of<{ actor: string; data: { node: { author: string } } }>('change')[0]).toMatchObject({
      actor: 'Student 1',
      data: { node: { author: 'Student 1' } },
    });
    expect(owner.of<{ actor: string; clientId: string }>('change')[0]).toMatchObject({ actor: ZEPH, clientId: ZEPH_CLIENT });
    // Her browser's id is the same on every map: a student is shown a stand-in, so it cannot tie "Student 1" to her name elsewhere.
    const masked = student.of<{ clientId: string }>('change')[0].clientId;
    expect(masked).not.toBe(ZEPH_CLIENT);
    expect(masked).not.toBe('');
    expect(student.text()).not.toContain(ZEPH_CLIENT);
    const seen = [...student.of<{ name: string }[]>('presence').flat(), ...student.of<{ name: string }>('presence-joined')].map((p) => p.name);
    expect(seen).toContain('Student 1');
    expect(student.text()).not.toContain(ZEPH);

    // Someone joins after the streams opened: their arrival and first point reach the others as a label too.
    const late = testBrowser();
    expect((await late.post(`/api/invites/${code}`, { name: 'Latecomer Lux' })).status).toBe(201);
    await openStream(late);
    expect(
      (await late.post(`/api/maps/${slug}/nodes`, { kind: 'objection', text: 'Late, but still an objection.', target: thesis, relation: 'attacks' })).status,
    ).toBe(201);
    await until(() => student.of<{ name: string }>('presence-joined').some((p) => p.name === 'Student 6') && student.of('change').length > 1);
    expect(student.of<{ actor: string }>('change')[1].actor).toBe('Student 6');
    expect(student.text()).not.toContain('Latecomer');
    expect(owner.text()).toContain('Latecomer Lux');

    // Off again: the stream is told, sends the presence list with names, and stored names never changed.
    const names = await storedNames();
    expect((await patchMap(teacher, { anonymous: false })).status).toBe(200);
    await until(() => student.of<{ anonymous: boolean }>('access').some((a) => a.anonymous === false) && student.of<{ name: string }[]>('presence').length > 1);
    expect(
      student
        .of<{ name: string }[]>('presence')
        .at(-1)!
        .map((p) => p.name),
    ).toContain(ZEPH);
    expect(await storedNames()).toEqual(names);
    expect((await pipBrowser.get<MapAnswer>(`/api/maps/${slug}`)).body.nodes.find((n) => n.id === zephObjection)!.author).toBe(ZEPH);
  });
});
