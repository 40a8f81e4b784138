import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testBrowser, type TestBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';
import { readStream } from './support/event-stream';
import { call, loadHandler, routeFor, sameOriginRequest } from './support/routes';

/**
 * Who made each change (issue 13): every event keeps the identity mark of the person behind it —
 * `user:<id>` for a signed-in account, `member:<id>` for a student who joined by invite, nothing
 * for an anonymous contributor on an open map — so progress on tasks can be counted per student.
 * The mark stays on the server: no answer of the API carries it.
 */
const database = throwawayDatabase('event-attribution');
afterAll(() => database.cleanup());

type EventRow = { id: number; type: string; actor: string; actorMark: string | null; data: string };
type Copy = { map: { slug: string }; invite: { code: string } };

const row = async <T>(sql: string, ...values: unknown[]) => (await database.one<T>(sql, ...values))!;
const mapIdOf = async (slug: string) => (await row<{ id: string }>('SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?', slug)).id;
/** The map's events after `afterId`, oldest first, as stored (with the mark). */
const eventsAfter = async (slug: string, afterId: number) =>
  database.all<EventRow>(
    'SELECT "id", "type", "actor", "actorMark", "data" FROM "MapEvent" WHERE "mapId" = ? AND "id" > ? ORDER BY "id"',
    await mapIdOf(slug),
    afterId,
  );
const newestEventId = async () => (await database.snapshot()).maxEventId;

let teacher: TestBrowser;
let student: TestBrowser;
let slug: string;
let ownerMark: string;
let memberMark: string;

beforeAll(async () => {
  teacher = testBrowser();
  expect((await teacher.post('/api/auth/signup', { username: 'teacher-marks', password: 'correct horse battery' })).status).toBe(201);
  const copy = await teacher.post<Copy>('/api/maps/negotiate-now/copies', { title: 'Marks class' });
  expect(copy.status).toBe(201);
  slug = copy.body.map.slug;
  student = testBrowser();
  expect((await student.post(`/api/invites/${copy.body.invite.code}`, { name: 'Ada' })).status).toBe(201);
  ownerMark = `user:${(await row<{ id: string }>('SELECT "id" FROM "User" WHERE "username" = ?', 'teacher-marks')).id}`;
  memberMark = `member:${(await row<{ id: string }>('SELECT "id" FROM "Membership" WHERE "mapId" = ? AND "name" = ?', await mapIdOf(slug), 'Ada')).id}`;
});

/** The id of the live thesis of a map, and of one of its steps that follows the "example" scheme. */
async function anchors(mapSlug: string) {
  const mapId = await mapIdOf(mapSlug);
  const thesis = (await row<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis' AND "deletedAt" IS NULL`, mapId)).id;
  const exampleStep = (
    await row<{ id: string }>(`SELECT "id" FROM "Inference" WHERE "mapId" = ? AND "scheme" = 'example' AND "deletedAt" IS NULL ORDER BY "id" LIMIT 1`, mapId)
  ).id;
  return { thesis, exampleStep };
}

describe('every change is written with its maker’s mark', () => {
  test('a signed-in owner: user:<id>, on points, steps, comments, votes, the map and the tasks', async () => {
    const from = await newestEventId();
    const { thesis } = await anchors(slug);
    const added = await teacher.post<{ node: { id: string } }>(`/api/maps/${slug}/nodes`, {
      kind: 'claim',
      text: 'Talks have lowered tensions before.',
      target: thesis,
      relation: 'supports',
    });
    expect(added.status).toBe(201);
    const point = added.body.node.id;
    expect(
      (await teacher.request('PATCH', `/api/maps/${slug}/nodes/${point}`, { body: { text: 'Talks have lowered tensions before, twice.', version: 1 } })).status,
    ).toBe(200);
    expect((await teacher.post(`/api/maps/${slug}/nodes/${point}/comments`, { text: 'Which talks?' })).status).toBe(201);
    expect((await teacher.put(`/api/maps/${slug}/nodes/${point}/vote`, { value: 3 })).status).toBe(200);
    expect((await teacher.request('PATCH', `/api/maps/${slug}`, { body: { title: 'Marks class, period 3' } })).status).toBe(200);
    expect((await teacher.put(`/api/maps/${slug}/tasks`, { targets: { objections: 2 } })).status).toBe(200);
    expect((await teacher.delete(`/api/maps/${slug}/nodes/${point}`)).status).toBe(200);

    const events = await eventsAfter(slug, from);
    expect(events.map((e) => e.type)).toEqual(['node.created', 'node.updated', 'comment.created', 'vote.cast', 'map.updated', 'tasks.updated', 'node.deleted']);
    expect(events.map((e) => e.actorMark)).toEqual(events.map(() => ownerMark));
    expect(events.every((e) => e.actor === 'teacher-marks')).toBe(true);
  });

  test('a student who joined by invite: member:<id>; the critical question they raise is in the event', async () => {
    const from = await newestEventId();
    const { exampleStep } = await anchors(slug);
    const objection = await student.post<{ node: { id: string } }>(`/api/maps/${slug}/nodes`, {
      kind: 'objection',
      text: 'One summit is not a pattern.',
      target: exampleStep,
      relation: 'attacks',
      question: 'example.cq2',
    });
    expect(objection.status).toBe(201);
    const id = objection.body.node.id;
    expect((await student.post(`/api/maps/${slug}/nodes/${id}/comments`, { text: 'See the 2007 summit too.' })).status).toBe(201);
    expect((await student.put(`/api/maps/${slug}/nodes/${id}/vote`, { value: 2 })).status).toBe(200);
    expect((await student.delete(`/api/maps/${slug}/nodes/${id}`)).status).toBe(200);

    const events = await eventsAfter(slug, from);
    expect(events.map((e) => e.type)).toEqual(['node.created', 'comment.created', 'vote.cast', 'node.deleted']);
    expect(events.map((e) => e.actorMark)).toEqual(events.map(() => memberMark));
    expect(JSON.parse(events[0].data)).toMatchObject({ node: { id, kind: 'objection' }, question: 'example.cq2' });
  });

  test('an anonymous contributor on an open map: no mark, whatever name they sign with', async () => {
    const from = await newestEventId();
    const { thesis, exampleStep } = await anchors('negotiate-now');
    const visitor = testBrowser({ 'x-argmap-name': 'Grace', 'x-argmap-owner': 'visitor-owner-key-0001' });
    const objection = await visitor.post<{ node: { id: string } }>('/api/maps/negotiate-now/nodes', {
      kind: 'objection',
      text: 'Examples picked to fit.',
      target: exampleStep,
      relation: 'attacks',
      question: 'example.cq2',
      author: 'Grace',
    });
    expect(objection.status).toBe(201);
    expect(
      (
        await visitor.post('/api/maps/negotiate-now/nodes', {
          kind: 'claim',
          text: 'Engagement costs little.',
          target: thesis,
          relation: 'supports',
          author: 'Grace',
        })
      ).status,
    ).toBe(201);
    expect((await visitor.post(`/api/maps/negotiate-now/nodes/${objection.body.node.id}/comments`, { text: 'Which ones?' })).status).toBe(201);

    const events = await eventsAfter('negotiate-now', from);
    expect(events.map((e) => [e.type, e.actor, e.actorMark])).toEqual([
      ['node.created', 'Grace', null],
      ['node.created', 'Grace', null],
      ['comment.created', 'Grace', null],
    ]);
    expect(JSON.parse(events[0].data)).toMatchObject({ question: 'example.cq2' });
    // A point that raised no question says nothing of one.
    expect(JSON.parse(events[1].data)).not.toHaveProperty('question');
  });
});

/** Reads the events stream from the start as `browser` until it has sent `count` changes, then closes it. */
async function streamedChanges(browser: TestBrowser, mapSlug: string, count: number): Promise<string> {
  const path = `/api/maps/${mapSlug}/events?after=0&client=mark-reader`;
  const { route, params } = routeFor('GET', path);
  const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const abort = new AbortController();
  const request = new Request(sameOriginRequest('GET', path, { headers: cookie ? { cookie } : {} }), { signal: abort.signal });
  const response = await call(await loadHandler(route), request, params);
  expect(response.status).toBe(200);
  const stream = readStream(response, abort, until);
  await until(() => stream.of('change').length >= count);
  await stream.close();
  return stream.text();
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('the mark never leaves the server: not in the history, the events stream, the map, its export or its tasks', async () => {
  const marked = await eventsAfter(slug, 0);
  expect(new Set(marked.map((e) => e.actorMark))).toEqual(new Set([ownerMark, memberMark]));

  const answers: [string, string][] = [];
  for (const [who, browser] of [
    ['teacher', teacher],
    ['student', student],
  ] as const) {
    for (const path of [`/api/maps/${slug}/history`, `/api/maps/${slug}`, `/api/maps/${slug}/export?format=json`, `/api/maps/${slug}/tasks`]) {
      const answer = await browser.get(path);
      expect(answer.status, `${who} ${path}`).toBe(200);
      answers.push([`${who} GET ${path}`, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)]);
    }
    answers.push([`${who} events stream`, await streamedChanges(browser, slug, marked.length)]);
  }
  // Every event of the class copy went out (the history lists them all), yet no mark with them.
  const history = JSON.parse(answers[0][1]) as { events: { id: number }[] };
  expect(history.events.map((e) => e.id).sort((a, b) => a - b)).toEqual(marked.map((e) => e.id));
  for (const [what, text] of answers) {
    expect(text, what).not.toContain('actorMark');
    expect(text, what).not.toContain(ownerMark);
    expect(text, what).not.toContain(memberMark);
  }
});
