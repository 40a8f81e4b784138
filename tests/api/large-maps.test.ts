import { afterAll, beforeAll, expect, test } from 'vitest';
import { syntheticGraph } from '@/bench/synthetic-map';
import { dependentsOf } from '@/lib/argument/graph';
import { MAP_NODES_MAX, POSITIONS_BATCH_MAX } from '@/lib/validation/limits';
import { throwawayDatabase } from './support/database';
import { send } from './support/routes';

/**
 * The largest map a class can make (MAP_NODES_MAX points), written straight into a throwaway
 * database: "Tidy layout" saves every position at once, and deleting a point near the thesis takes
 * a large part of the map with it. Neither may run into SQLite's limit on bound values per
 * statement (999 in the bundled build), and Undo must bring the whole delete back.
 */
const database = throwawayDatabase('large-maps');
afterAll(() => database.cleanup());

const SLUG = 'largest-map';
const graph = syntheticGraph(MAP_NODES_MAX, 20261204);
/** Who is asking: one browser, as the page would send it. */
const CLIENT = { 'x-argmap-client': 'large-map-test' };
const idOf = (entity: 'node' | 'inference' | 'conflict', id: string) => `${entity}-${id}`;

beforeAll(async () => {
  const { db } = await import('@/lib/db/client');
  const { writeGraph } = await import('@/lib/db/write-graph');
  const client = await db();
  const { documentId } = (await database.one<{ documentId: string }>(`SELECT "documentId" FROM "ArgumentMap" WHERE "slug" = 'negotiate-now'`))!;
  // Writing 5,000 points can outlast Prisma's 5 s default for a transaction (on PostgreSQL, on 2 busy cores): the hook's time is the limit.
  await client.$transaction(
    async (tx) => {
      const map = await tx.argumentMap.create({ data: { slug: SLUG, title: 'The largest map', documentId, policy: 'open' }, select: { id: true } });
      await writeGraph(tx, map.id, graph, idOf);
    },
    { timeout: 110_000 },
  );
}, 120_000);

async function liveNodes(): Promise<number> {
  return (await database.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Node" n JOIN "ArgumentMap" m ON m."id" = n."mapId" WHERE m."slug" = ? AND n."deletedAt" IS NULL`,
    SLUG,
  ))!.n;
}

test(`"Tidy layout" saves ${POSITIONS_BATCH_MAX.toLocaleString('en')} positions at once on a ${MAP_NODES_MAX.toLocaleString('en')}-point map`, async () => {
  expect(graph.nodes.length).toBe(POSITIONS_BATCH_MAX);
  const positions = Object.fromEntries(graph.nodes.map((n, i) => [idOf('node', n.id), { x: i, y: -i }]));
  const response = await send('PUT', `/api/maps/${SLUG}/positions`, { body: { positions }, headers: CLIENT });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.json()).toEqual({ updated: POSITIONS_BATCH_MAX });
  const saved = (await database.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Node" n JOIN "ArgumentMap" m ON m."id" = n."mapId" WHERE m."slug" = ? AND n."x" IS NOT NULL AND n."y" = -n."x"`,
    SLUG,
  ))!;
  expect(saved.n).toBe(POSITIONS_BATCH_MAX);
});

test('a batch naming a point of another map is refused whole, and writes nothing', async () => {
  const before = await database.snapshot();
  const other = (await database.one<{ id: string }>(
    `SELECT n."id" FROM "Node" n JOIN "ArgumentMap" m ON m."id" = n."mapId" WHERE m."slug" = 'negotiate-now' LIMIT 1`,
  ))!.id;
  const positions = Object.fromEntries([...graph.nodes.slice(0, 1500).map((n) => [idOf('node', n.id), { x: 1, y: 1 }]), [other, { x: 2, y: 2 }]]);
  const response = await send('PUT', `/api/maps/${SLUG}/positions`, { body: { positions }, headers: CLIENT });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { issues: { path: string[] }[] } };
  expect(body.error.issues).toEqual([expect.objectContaining({ path: ['positions', other] })]);
  expect(await database.snapshot()).toEqual(before);
});

test('deleting a point that takes ~1,500 others with it works, and Undo brings all of them back', async () => {
  const candidates = graph.nodes
    // The thesis's reasons come first (breadth-first), each the root of a large part of the map.
    .filter((n) => n.kind !== 'thesis')
    .slice(0, 6)
    .map((n) => ({ id: n.id, dependents: dependentsOf(graph, n.id).length }));
  const target = candidates.find((c) => c.dependents >= 1000 && c.dependents < 4000);
  expect(target, JSON.stringify(candidates.slice(0, 8))).toBeDefined();
  const id = idOf('node', target!.id);

  const deleted = await send('DELETE', `/api/maps/${SLUG}/nodes/${id}`, { headers: CLIENT });
  expect(deleted.status, await deleted.clone().text()).toBe(200);
  const { deletionId, removed } = (await deleted.json()) as { deletionId: string; removed: string[] };
  expect(removed).toHaveLength(target!.dependents + 1);
  expect(await liveNodes()).toBe(MAP_NODES_MAX - removed.length);

  const listed = await send('GET', `/api/maps/${SLUG}/deletions`, { headers: CLIENT });
  const { deletions } = (await listed.json()) as { deletions: { deletionId: string; nodes: unknown[] }[] };
  expect(deletions.find((d) => d.deletionId === deletionId)?.nodes).toHaveLength(removed.length);

  const restored = await send('POST', `/api/maps/${SLUG}/deletions/${deletionId}/restore`, { headers: CLIENT });

  expect(restored.status, await restored.clone().text()).toBe(200);
  expect(((await restored.json()) as { restored: string[] }).restored).toHaveLength(removed.length);
  expect(await liveNodes()).toBe(MAP_NODES_MAX);
});

test('a full map takes no new point; a delete makes room for exactly as many, though the deleted rows stay for Undo', async () => {
  expect(await liveNodes()).toBe(MAP_NODES_MAX);
  const thesis = idOf('node', graph.nodes.find((n) => n.kind === 'thesis')!.id);
  const add = (text: string) =>
    send('POST', `/api/maps/${SLUG}/nodes`, { headers: CLIENT, body: { kind: 'objection', text, target: thesis, relation: 'attacks' } });
  const full = await add('One point too many for this map.');
  expect(full.status, await full.clone().text()).toBe(409);
  expect(((await full.json()) as { error: { message: string } }).error.message).toMatch(/This map is full/);

  // A point nothing rests on: deleting it frees exactly one place. The map still has MAP_NODES_MAX
  // rows (the deleted one kept for Undo), so the live count, not the rows, must decide.
  const leaf = graph.nodes.find((n) => n.kind !== 'thesis' && dependentsOf(graph, n.id).length === 0)!;
  const deleted = await send('DELETE', `/api/maps/${SLUG}/nodes/${idOf('node', leaf.id)}`, { headers: CLIENT });
  expect(deleted.status, await deleted.clone().text()).toBe(200);
  expect(await liveNodes()).toBe(MAP_NODES_MAX - 1);
  const room = await add('A point in the place a delete freed.');
  expect(room.status, await room.clone().text()).toBe(201);
  expect(await liveNodes()).toBe(MAP_NODES_MAX);
  expect((await add('And one more is again too many.')).status).toBe(409);
});
