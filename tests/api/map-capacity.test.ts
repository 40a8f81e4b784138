import { afterAll, beforeAll, expect, test } from 'vitest';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_PREMISE_LINKS_MAX } from '@/lib/validation/limits';
import { throwawayDatabase } from './support/database';
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

beforeAll(() => {
  const sql = database.reader;
  mapId = (sql.prepare(`SELECT id FROM ArgumentMap WHERE slug = ?`).get(SLUG) as { id: string }).id;
  const pick = (kind: string) =>
    (sql.prepare(`SELECT id FROM Node WHERE mapId = ? AND kind = ? AND deletedAt IS NULL ORDER BY id LIMIT 1`).get(mapId, kind) as { id: string }).id;
  thesis = pick('thesis');
  claim = pick('claim');
  evidence = pick('evidence');
  objection = pick('objection');
  // One step with INFERENCE_PREMISES_MAX premises (points written for it).
  const now = new Date().toISOString();
  sql.transaction(() => {
    wideStep = 'capacity-wide-step';
    sql.prepare(`INSERT INTO Inference (id, mapId, conclusionId, createdAt) VALUES (?, ?, ?, ?)`).run(wideStep, mapId, claim, now);
    for (let i = 0; i < INFERENCE_PREMISES_MAX; i++) {
      const id = `capacity-premise-${i}`;
      sql
        .prepare(`INSERT INTO Node (id, mapId, kind, text, implicit, author, version, createdAt, updatedAt) VALUES (?, ?, 'premise', ?, 0, 'Test', 1, ?, ?)`)
        .run(id, mapId, `Premise ${i} of a wide step.`, now, now);
      sql.prepare(`INSERT INTO InferencePremise (inferenceId, nodeId, position) VALUES (?, ?, ?)`).run(wideStep, id, i);
    }
  })();
});

test('a step with the most premises takes no more, added or connected', async () => {
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'premise', text: 'One premise too many.', target: wideStep, relation: 'supports' }),
    /premises/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: wideStep, relation: 'supports' }), /premises/);
  const { n } = database.reader.prepare(`SELECT COUNT(*) AS n FROM InferencePremise WHERE inferenceId = ?`).get(wideStep) as { n: number };
  expect(n).toBe(INFERENCE_PREMISES_MAX);
});

test('a map with the most premise links takes no new support', async () => {
  const sql = database.reader;
  const links = () =>
    (sql.prepare(`SELECT COUNT(*) AS n FROM InferencePremise p JOIN Inference i ON i.id = p.inferenceId WHERE i.mapId = ?`).get(mapId) as { n: number }).n;
  const now = new Date().toISOString();
  // More steps over the wide step's premises, until the map holds the most links it may.
  sql.transaction(() => {
    for (let count = links(), step = 0; count < MAP_PREMISE_LINKS_MAX; step++) {
      const id = `capacity-links-${step}`;
      sql.prepare(`INSERT INTO Inference (id, mapId, conclusionId, createdAt) VALUES (?, ?, ?, ?)`).run(id, mapId, claim, now);
      for (let i = 0; i < INFERENCE_PREMISES_MAX && count < MAP_PREMISE_LINKS_MAX; i++, count++)
        sql.prepare(`INSERT INTO InferencePremise (inferenceId, nodeId, position) VALUES (?, ?, ?)`).run(id, `capacity-premise-${i}`, i);
    }
  })();
  expect(links()).toBe(MAP_PREMISE_LINKS_MAX);
  const before = database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason too many.', target: thesis, relation: 'supports' }),
    /premise links/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: thesis, relation: 'supports' }), /premise links/);
  expect(database.snapshot()).toEqual(before);
  sql.transaction(() => {
    sql.prepare(`DELETE FROM InferencePremise WHERE inferenceId LIKE 'capacity-links-%'`).run();
    sql.prepare(`DELETE FROM Inference WHERE id LIKE 'capacity-links-%'`).run();
  })();
}, 60_000);

/** Live rows as reads show them (`pruneGraph`): what the limits count. */
function live(what: 'steps' | 'attacks'): number {
  const sql =
    what === 'steps'
      ? `SELECT COUNT(*) AS n FROM Inference i JOIN Node c ON c.id = i.conclusionId AND c.deletedAt IS NULL WHERE i.mapId = ?
           AND EXISTS (SELECT 1 FROM InferencePremise p JOIN Node n ON n.id = p.nodeId WHERE p.inferenceId = i.id AND n.deletedAt IS NULL)`
      : `SELECT COUNT(*) AS n FROM Conflict x JOIN Node a ON a.id = x.attackerId AND a.deletedAt IS NULL JOIN Node t ON t.id = x.targetNodeId AND t.deletedAt IS NULL WHERE x.mapId = ?`;
  return (database.reader.prepare(sql).get(mapId) as { n: number }).n;
}

test('a map with the most steps takes no new one; deleting frees room, and Undo cannot take it past the limit', async () => {
  const sql = database.reader;
  const now = new Date().toISOString();
  // One point that supports the thesis through enough steps to fill the map.
  sql.transaction(() => {
    sql
      .prepare(
        `INSERT INTO Node (id, mapId, kind, text, implicit, author, version, createdAt, updatedAt) VALUES ('capacity-p', ?, 'claim', 'A reason given many times.', 0, 'Test', 1, ?, ?)`,
      )
      .run(mapId, now, now);
    for (let i = live('steps'); i < MAP_INFERENCES_MAX; i++) {
      sql.prepare(`INSERT INTO Inference (id, mapId, conclusionId, createdAt) VALUES (?, ?, ?, ?)`).run(`capacity-step-${i}`, mapId, thesis, now);
      sql.prepare(`INSERT INTO InferencePremise (inferenceId, nodeId, position) VALUES (?, 'capacity-p', 0)`).run(`capacity-step-${i}`);
    }
  })();
  expect(live('steps')).toBe(MAP_INFERENCES_MAX);
  const before = database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason too many.', target: thesis, relation: 'supports' }),
    /steps of reasoning/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: evidence, to: thesis, relation: 'supports' }), /steps of reasoning/);
  expect(database.snapshot()).toEqual(before);

  // Deleting the point takes its steps out of the count: adding and deleting by turns cannot fill a map for good.
  const deleted = await send('DELETE', `/api/maps/${SLUG}/nodes/capacity-p`);
  expect(deleted.status, await deleted.clone().text()).toBe(200);
  const { deletionId } = (await deleted.json()) as { deletionId: string };
  expect(
    (await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'claim', text: 'A reason once there is room.', target: thesis, relation: 'supports' }))
      .status,
  ).toBe(201);
  // Undo would bring back more steps than a map holds: refused, nothing restored.
  const full = database.snapshot();
  await refused(await send('POST', `/api/maps/${SLUG}/deletions/${deletionId}/restore`), /Undoing this would bring the map to/);
  expect(database.snapshot()).toEqual(full);
}, 60_000);

test('a map with the most attacks takes no new one', async () => {
  const sql = database.reader;
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
  sql.transaction(() => {
    for (let i = live('attacks'); i < MAP_CONFLICTS_MAX; i++)
      sql
        .prepare(`INSERT INTO Conflict (id, mapId, attackerId, targetNodeId, createdAt) VALUES (?, ?, ?, ?, ?)`)
        .run(`capacity-attack-${i}`, mapId, evidence, claim, now);
  })();
  const full = database.snapshot();
  await refused(
    await post('POST /api/maps/[slug]/nodes', { slug: SLUG }, { kind: 'objection', text: 'An objection too many.', target: claim, relation: 'attacks' }),
    /attacks/,
  );
  await refused(await post('POST /api/maps/[slug]/connections', { slug: SLUG }, { from: objection, to: evidence, relation: 'attacks' }), /attacks/);
  expect(database.snapshot()).toEqual(full);
}, 60_000);
