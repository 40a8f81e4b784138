import { afterAll, beforeAll, expect, test } from 'vitest';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_PREMISE_LINKS_MAX } from '@/lib/validation/limits';
import { throwawayDatabase, type Queries } from './support/database';
import { isErrorBody, send } from './support/routes';

/**
 * What a map can hold does not depend on how it was built: the limits an import checks (steps,
 * attacks, premises of one step) hold for points added and connected one by one too. Without them
 * an editor could link every pair of 5,000 points — millions of steps — one request at a time.
 * The map is brought to each limit with rows written straight into a throwaway database.
 */
const database = throwawayDatabase('map-capacity');
afterAll(() => database.cleanup());

const SLUG = 'negotiate-now';
let mapId = '';
let thesis = '';
let claim = '';
let evidence = '';
let objection = '';
let wideStep = '';

/** POST to a route by its name (`POST /api/maps/[slug]/nodes`) with its params filled in. */
function post(name: string, params: Record<string, string>, body: unknown): Promise<Response> {
  const pattern = name.split(' ')[1];
  return send(
    'POST',
    pattern.replace(/\[([^\]]+)\]/g, (_, key: string) => encodeURIComponent(params[key])),
    { body },
  );
}

async function refused(response: Response, says: RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(409);
  const body = JSON.parse(text);
  expect(isErrorBody(body)).toBe(true);
  expect(body.error.message).toMatch(says);
}

beforeAll(async () => {
  mapId = (await database.one<{ id: string }>(`SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?`, SLUG))!.id;
  const pick = async (kind: string) =>
    (await database.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "mapId" = ? AND "kind" = ? AND "deletedAt" IS NULL ORDER BY "id" LIMIT 1`, mapId, kind))!
      .id;
  thesis = await pick('thesis');
  claim = await pick('claim');
  evidence = await pick('evidence');
  objection = await pick('objection');
  // One step with INFERENCE_PREMISES_MAX premises (points written for it).
  const now = new Date().toISOString();
  await database.transaction(async (sql) => {
    wideStep = 'capacity-wide-step';
    await sql.run(`INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)`, wideStep, mapId, claim, now);
    for (let i = 0; i < INFERENCE_PREMISES_MAX; i++) {
      const id = `capacity-premise-${i}`;
      await sql.run(
        `INSERT INTO "Node" ("id", "mapId", "kind", "text", "implicit", "author", "version", "createdAt", "updatedAt") VALUES (?, ?, 'premise', ?, FALSE, 'Test', 1, ?, ?)`,
        id,
        mapId,
        `Premise ${i} of a wide step.`,
        now,
        now,
      );
      await sql.run(`INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, ?)`, wideStep, id, i);
    }
  });
});

test('a step with the most premises takes no more, added or connected', async () => {
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'premise', text: 'One premise too many.', target: wideStep, relation: 'supports' }),
    /premises/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: wideStep, relation: 'supports' }), /premises/);
  const { n } = (await database.one<{ n: number }>(`SELECT COUNT(*) AS n FROM "InferencePremise" WHERE "inferenceId" = ?`, wideStep))!;
  expect(n).toBe(INFERENCE_PREMISES_MAX);
});

test('a map with the most premise links takes no new support', async () => {
  const links = async (sql: Queries = database) =>
    (await sql.one<{ n: number }>(`SELECT COUNT(*) AS n FROM "InferencePremise" p JOIN "Inference" i ON i."id" = p."inferenceId" WHERE i."mapId" = ?`, mapId))!
      .n;
  const now = new Date().toISOString();
  // More steps over the wide step's premises, until the map holds the most links it may.
  await database.transaction(async (sql) => {
    for (let count = await links(sql), step = 0; count < MAP_PREMISE_LINKS_MAX; step++) {
      const id = `capacity-links-${step}`;
      await sql.run(`INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)`, id, mapId, claim, now);
      for (let i = 0; i < INFERENCE_PREMISES_MAX && count < MAP_PREMISE_LINKS_MAX; i++, count++)
        await sql.run(`INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, ?, ?)`, id, `capacity-premise-${i}`, i);
    }
  });
  expect(await links()).toBe(MAP_PREMISE_LINKS_MAX);
  const before = await database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason too many.', target: thesis, relation: 'supports' }),
    /premise links/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: thesis, relation: 'supports' }), /premise links/);
  expect(await database.snapshot()).toEqual(before);
  await database.transaction(async (sql) => {
    await sql.run(`DELETE FROM "InferencePremise" WHERE "inferenceId" LIKE 'capacity-links-%'`);
    await sql.run(`DELETE FROM "Inference" WHERE "id" LIKE 'capacity-links-%'`);
  });
}, 60_000);

/** Live rows as reads show them (`pruneGraph`): what the limits count. */
async function live(what: 'steps' | 'attacks', db: Queries = database): Promise<number> {
  const sql =
    what === 'steps'
      ? `SELECT COUNT(*) AS n FROM "Inference" i JOIN "Node" c ON c."id" = i."conclusionId" AND c."deletedAt" IS NULL WHERE i."mapId" = ?
           AND EXISTS (SELECT 1 FROM "InferencePremise" p JOIN "Node" n ON n."id" = p."nodeId" WHERE p."inferenceId" = i."id" AND n."deletedAt" IS NULL)`
      : `SELECT COUNT(*) AS n FROM "Conflict" x JOIN "Node" a ON a."id" = x."attackerId" AND a."deletedAt" IS NULL JOIN "Node" t ON t."id" = x."targetNodeId" AND t."deletedAt" IS NULL WHERE x."mapId" = ?`;
  return (await db.one<{ n: number }>(sql, mapId))!.n;
}

test('a map with the most steps takes no new one; deleting frees room, and Undo cannot take it past the limit', async () => {
  const now = new Date().toISOString();
  // One point that supports the thesis through enough steps to fill the map.
  await database.transaction(async (sql) => {
    await sql.run(
      `INSERT INTO "Node" ("id", "mapId", "kind", "text", "implicit", "author", "version", "createdAt", "updatedAt") VALUES ('capacity-p', ?, 'claim', 'A reason given many times.', FALSE, 'Test', 1, ?, ?)`,
      mapId,
      now,
      now,
    );
    for (let i = await live('steps', sql); i < MAP_INFERENCES_MAX; i++) {
      await sql.run(`INSERT INTO "Inference" ("id", "mapId", "conclusionId", "createdAt") VALUES (?, ?, ?, ?)`, `capacity-step-${i}`, mapId, thesis, now);
      await sql.run(`INSERT INTO "InferencePremise" ("inferenceId", "nodeId", "position") VALUES (?, 'capacity-p', 0)`, `capacity-step-${i}`);
    }
  });
  expect(await live('steps')).toBe(MAP_INFERENCES_MAX);
  const before = await database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason too many.', target: thesis, relation: 'supports' }),
    /steps of reasoning/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: thesis, relation: 'supports' }), /steps of reasoning/);
  expect(await database.snapshot()).toEqual(before);

  // Deleting the point takes its steps out of the count: adding and deleting by turns cannot fill a map for good.
  const deleted = await send('DELETE', `/api/maps/${SLUG}/nodes/capacity-p`);
  expect(deleted.status, await deleted.clone().text()).toBe(200);
  const { deletionId } = (await deleted.json()) as { deletionId: string };
  expect(
    (await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason once there is room.', target: thesis, relation: 'supports' }))
      .status,
  ).toBe(201);
  // Undo would bring back more steps than a map holds: refused, nothing restored.
  const full = await database.snapshot();
  await refused(await send('POST', `/api/maps/${SLUG}/deletions/${deletionId}/restore`), /Undoing this would bring the map to/);
  expect(await database.snapshot()).toEqual(full);
}, 60_000);

test('a map with the most attacks takes no new one', async () => {
  expect(
    (
      await post(
        'POST /api/maps/[slug]/nodes',
        { slug: SLUG },
        { kind: 'objection', text: 'An objection while there is room.', target: claim, relation: 'attacks' },
      )
    ).status,
  ).toBe(201);
  const now = new Date().toISOString();
  await database.transaction(async (sql) => {
    for (let i = await live('attacks', sql); i < MAP_CONFLICTS_MAX; i++)
      await sql.run(
        `INSERT INTO "Conflict" ("id", "mapId", "attackerId", "targetNodeId", "createdAt") VALUES (?, ?, ?, ?, ?)`,
        `capacity-attack-${i}`,
        mapId,
        evidence,
        claim,
        now,
      );
  });
  const full = await database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'objection', text: 'An objection too many.', target: claim, relation: 'attacks' }),
    /attacks/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: objection, to: evidence, relation: 'attacks' }), /attacks/);
  expect(await database.snapshot()).toEqual(full);
}, 60_000);
