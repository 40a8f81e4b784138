import { afterAll, beforeAll, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';
import { send as sendTo, type Method } from './support/routes';

/**
 * Moderation hides content. A visitor writes on an owned map; the owner deletes the visitor's
 * comment and point, rewords another of the visitor's points, and makes the map read-only. No read
 * path an anonymous visitor has — the history, "Recently deleted", the live stream replayed from the
 * start, the exports — may still show the words moderation took away; the owner still sees them.
 */
const database = throwawayDatabase('moderation');
afterAll(() => database.cleanup());

const SLUG = 'negotiate-now';
const SECRET_POINT = 'SECRET-POINT-deleted-by-the-owner';
const SECRET_DEPENDENT = 'SECRET-DEPENDENT-goes-with-it';
const SECRET_WORDING = 'SECRET-WORDING-the-owner-rewrote';
const SECRET_COMMENT = 'SECRET-COMMENT-the-owner-deleted';
const SECRET_COMMENT_WORDING = 'SECRET-COMMENT-WORDING-the-owner-rewrote';
const SECRETS = [SECRET_POINT, SECRET_DEPENDENT, SECRET_WORDING, SECRET_COMMENT, SECRET_COMMENT_WORDING];
/** The visitor's own point, which they delete themselves: not moderation, so it stays readable. */
const OWN_DELETE = 'Visitor-deleted-this-themselves';

let ownerCookie = '';
let mapId = '';

const visitor = { 'x-argmap-owner': 'visitor-secret-key-0123456789', 'x-argmap-name': 'Visitor', 'x-argmap-client': 'visitor-1' };

/** Sends to a route by its name (`DELETE /api/maps/[slug]/nodes/[id]`) with its params filled in. */
function send(name: string, params: Record<string, string>, headers: Record<string, string>, body?: unknown): Promise<Response> {
  const [method, pattern] = name.split(' ') as [Method, string];
  return sendTo(
    method,
    pattern.replace(/\[([^\]]+)\]/g, (_, key: string) => encodeURIComponent(params[key])),
    { headers, body },
  );
}

async function ok<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const asOwner = () => ({ cookie: `argmap_session=${ownerCookie}` });

beforeAll(async () => {
  const { db } = await import('@/lib/db/client');
  const { createSession } = await import('@/lib/auth/sessions');
  const client = await db();
  const owner = await client.user.create({ data: { username: 'teacher', passwordHash: 'not-a-real-hash' }, select: { id: true } });
  ownerCookie = (await createSession(owner.id)).token;
  // An owned map that is still open, so an anonymous visitor can write on it.
  mapId = (await client.argumentMap.update({ where: { slug: SLUG }, data: { ownerId: owner.id, policy: 'open' }, select: { id: true } })).id;
  const thesis = (await database.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = 'thesis'`, mapId))!;

  // The visitor writes.
  const add = async (text: string, target: string) =>
    (
      await ok<{ node: { id: string; version: number } }>(
        await send('POST /api/maps/[slug]/nodes', { slug: SLUG }, visitor, { kind: 'claim', text, target, relation: 'supports' }),
        201,
      )
    ).node;
  const point = await add(SECRET_POINT, thesis.id);
  await add(SECRET_DEPENDENT, point.id);
  const reworded = await add(SECRET_WORDING, thesis.id);
  const own = await add(OWN_DELETE, thesis.id);
  const comment = (
    await ok<{ comment: { id: string } }>(
      await send('POST /api/maps/[slug]/nodes/[id]/comments', { slug: SLUG, id: thesis.id }, visitor, { text: SECRET_COMMENT }),
      201,
    )
  ).comment;
  const other = (
    await ok<{ comment: { id: string } }>(
      await send('POST /api/maps/[slug]/nodes/[id]/comments', { slug: SLUG, id: thesis.id }, visitor, { text: SECRET_COMMENT_WORDING }),
      201,
    )
  ).comment;
  await ok(await send('DELETE /api/maps/[slug]/nodes/[id]', { slug: SLUG, id: own.id }, visitor));

  // The owner moderates, then closes the map to writers.
  await ok(await send('DELETE /api/maps/[slug]/comments/[commentId]', { slug: SLUG, commentId: comment.id }, asOwner()));
  await ok(
    await send('PATCH /api/maps/[slug]/comments/[commentId]', { slug: SLUG, commentId: other.id }, asOwner(), { text: 'A comment the owner reworded.' }),
  );
  await ok(await send('DELETE /api/maps/[slug]/nodes/[id]', { slug: SLUG, id: point.id }, asOwner()));
  await ok(
    await send('PATCH /api/maps/[slug]/nodes/[id]', { slug: SLUG, id: reworded.id }, asOwner(), {
      text: 'A point the owner reworded.',
      version: reworded.version,
    }),
  );
  await client.argumentMap.update({ where: { id: mapId }, data: { policy: 'read-only' } });
}, 60_000);

function leaked(body: unknown): string[] {
  const json = JSON.stringify(body);
  return SECRETS.filter((secret) => json.includes(secret));
}

test('an anonymous visitor reads none of the moderated words in the history', async () => {
  const { events } = await ok<{ events: { type: string }[] }>(await send('GET /api/maps/[slug]/history', { slug: SLUG }, {}));
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['comment.deleted', 'node.deleted', 'node.updated']));
  expect(leaked(events)).toEqual([]);
  // Redacted, not dropped: the history still says what happened, and the visitor's own delete reads as it was.
  expect(JSON.stringify(events)).toContain('[removed]');
  expect(JSON.stringify(events)).toContain(OWN_DELETE);
  expect(JSON.stringify(events)).toContain('A point the owner reworded.');
});

test('"Recently deleted" lists a moderated delete without its words, and the visitor\'s own delete with them', async () => {
  const { deletions } = await ok<{ deletions: { nodes: { text: string }[] }[] }>(await send('GET /api/maps/[slug]/deletions', { slug: SLUG }, {}));
  expect(deletions.flatMap((d) => d.nodes)).toHaveLength(3);
  expect(leaked(deletions)).toEqual([]);
  expect(deletions.flatMap((d) => d.nodes.map((n) => n.text))).toEqual(expect.arrayContaining([OWN_DELETE, '[removed]']));
});

test('the live stream replayed from the start (eventsAfter, as the stream reads it) shows none of them', async () => {
  const { eventsAfter } = await import('@/lib/db/log-reads');
  const replay = [];
  for (let after = 0; ;) {
    const page = await eventsAfter(mapId, after, 100);
    if (page.length === 0) break;
    replay.push(...page);
    after = page[page.length - 1].id;
  }
  expect(replay.length).toBeGreaterThan(10);
  expect(leaked(replay)).toEqual([]);
});

test('the exports, the brief and the map itself read only live content', async () => {
  for (const format of ['argdown', 'aif', 'json']) {
    const response = await sendTo('GET', `/api/maps/${SLUG}/export?format=${format}`);
    expect(response.status).toBe(200);
    expect(leaked(await response.text())).toEqual([]);
  }
  const markdown = await sendTo('GET', `/api/maps/${SLUG}/brief?side=affirmative&format=markdown`);
  expect(leaked(await markdown.text())).toEqual([]);
  expect(leaked(await ok(await send('GET /api/maps/[slug]', { slug: SLUG }, {})))).toEqual([]);
});

test("on an open map a visitor may undo any delete but the owner's moderation", async () => {
  const { db } = await import('@/lib/db/client');
  const client = await db();
  await client.argumentMap.update({ where: { id: mapId }, data: { policy: 'open' } });
  try {
    const moderated = (await database.one<{ deletionId: string }>(`SELECT "deletionId" FROM "Node" WHERE "mapId" = ? AND "text" = ?`, mapId, SECRET_POINT))!;
    const refused = await send('POST /api/maps/[slug]/deletions/[deletionId]/restore', { slug: SLUG, deletionId: moderated.deletionId }, visitor);
    expect(refused.status, await refused.text()).toBe(403);
    const still = (await database.one<{ deletedAt: unknown }>(`SELECT "deletedAt" FROM "Node" WHERE "mapId" = ? AND "text" = ?`, mapId, SECRET_POINT))!;
    expect(still.deletedAt).not.toBeNull();
  } finally {
    await client.argumentMap.update({ where: { id: mapId }, data: { policy: 'read-only' } });
  }
});

test('the owner still reads everything, and can undo the delete', async () => {
  const { events } = await ok<{ events: unknown[] }>(await send('GET /api/maps/[slug]/history', { slug: SLUG }, asOwner()));
  expect(leaked(events)).toEqual(SECRETS);
  const { deletions } = await ok<{ deletions: { deletionId: string; nodes: { text: string }[] }[] }>(
    await send('GET /api/maps/[slug]/deletions', { slug: SLUG }, asOwner()),
  );
  const moderated = deletions.find((d) => d.nodes.some((n) => n.text === SECRET_POINT))!;
  expect(moderated.nodes.map((n) => n.text).sort()).toEqual([SECRET_DEPENDENT, SECRET_POINT].sort());
  await ok(await send('POST /api/maps/[slug]/deletions/[deletionId]/restore', { slug: SLUG, deletionId: moderated.deletionId }, asOwner()));
  // Undone, the points are live again and read as they are.
  const after = await ok<{ events: unknown[] }>(await send('GET /api/maps/[slug]/history', { slug: SLUG }, {}));
  expect(leaked(after.events)).toEqual([SECRET_POINT, SECRET_DEPENDENT]);
});
