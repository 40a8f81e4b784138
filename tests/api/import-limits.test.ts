import { afterAll, beforeAll, expect, test } from 'vitest';
import { INFERENCE_PREMISES_MAX, MAP_CONFLICTS_MAX, MAP_INFERENCES_MAX, MAP_NODES_MAX } from '@/lib/validation/limits';
import { throwawayDatabase } from './support/database';
import { call, discoverRoutes, isErrorBody, loadHandler } from './support/routes';

/**
 * `POST /api/maps/import` against a throwaway database: exact duplicates are stored once and
 * counted in the answer; a file over a map's limits, or with a point supporting or attacking
 * itself, is refused with 400 naming the problem, and writes nothing.
 */
const database = throwawayDatabase('import-limits');
afterAll(() => database.cleanup());

let handler: Awaited<ReturnType<typeof loadHandler>>;
beforeAll(async () => {
  handler = await loadHandler(discoverRoutes().find((r) => r.name === 'POST /api/maps/import')!);
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const I = (id: string) => ({ nodeID: id, text: `Statement ${id}.`, type: 'I' });
const S = (id: string, type = 'RA') => ({ nodeID: id, text: type === 'RA' ? 'Default Inference' : 'Default Conflict', type });
const E = (fromID: string, toID: string) => ({ fromID, toID });

async function importFile(format: 'aif' | 'argdown', content: unknown, title = 'Import limits') {
  const response = await call(
    handler,
    new Request('http://localhost:3000/api/maps/import', {
      method: 'POST',
      headers: { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ format, title, content: typeof content === 'string' ? content : JSON.stringify(content) }),
    }),
    {},
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { message: string; issues: { path: unknown[]; message: string }[] } },
  };
}

/** Rows a map of `slug` holds. */
async function rowsOf(slug: string) {
  const count = async (sql: string) => (await database.one<{ n: number }>(sql, slug))!.n;
  return {
    nodes: await count(`SELECT COUNT(*) AS n FROM "Node" WHERE "mapId" = (SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?)`),
    inferences: await count(`SELECT COUNT(*) AS n FROM "Inference" WHERE "mapId" = (SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?)`),
    conflicts: await count(`SELECT COUNT(*) AS n FROM "Conflict" WHERE "mapId" = (SELECT "id" FROM "ArgumentMap" WHERE "slug" = ?)`),
  };
}

/** Refused with 400 and the API's error body, and nothing written. */
async function expectRefused(format: 'aif' | 'argdown', content: unknown, message: RegExp) {
  const before = await database.snapshot();
  const { status, body } = await importFile(format, content);
  expect(status).toBe(400);
  expect(isErrorBody(body)).toBe(true);
  expect(`${body.error!.message} ${body.error!.issues.map((i) => i.message).join(' ')}`).toMatch(message);
  const after = await database.snapshot();
  expect(after.counts).toEqual(before.counts);
  expect(after.dataVersion).toBe(before.dataVersion);
  return body.error!;
}

test('2 statements and 22,000 copies of one step: one step stored, 21,999 merged', async () => {
  const n = 22_000;
  const doc = {
    nodes: [I('p'), I('c'), ...range(n).map((i) => ({ nodeID: i, type: 'RA' }))],
    edges: range(n).flatMap((i) => [
      { fromID: 'p', toID: i },
      { fromID: i, toID: 'c' },
    ]),
  };
  const { status, body } = await importFile('aif', doc, 'Many copies of one step');
  expect(status).toBe(201);
  expect(body.merged).toEqual({ inferences: n - 1, conflicts: 0 });
  expect(await rowsOf((body.map as { slug: string }).slug)).toEqual({ nodes: 2, inferences: 1, conflicts: 0 });
});

test('copies of one attack are stored once', async () => {
  const doc = { nodes: [I('p'), I('o'), ...range(500).map((i) => S(`x${i}`, 'CA'))], edges: range(500).flatMap((i) => [E('o', `x${i}`), E(`x${i}`, 'p')]) };
  const { status, body } = await importFile('aif', doc, 'Many copies of one attack');
  expect(status).toBe(201);
  expect(body.merged).toEqual({ inferences: 0, conflicts: 499 });
  expect(await rowsOf((body.map as { slug: string }).slug)).toEqual({ nodes: 2, inferences: 0, conflicts: 1 });
});

/** `count` distinct steps (or attacks) between 120 statements. */
function distinct(count: number, type: 'RA' | 'CA') {
  const pairs = range(120)
    .flatMap((a) =>
      range(120)
        .filter((b) => b !== a)
        .map((b) => [a, b] as const),
    )
    .slice(0, count);
  return {
    nodes: [...range(120).map((i) => I(`n${i}`)), ...pairs.map((_, i) => S(`s${i}`, type))],
    edges: pairs.flatMap(([a, b], i) => [E(`n${a}`, `s${i}`), E(`s${i}`, `n${b}`)]),
  };
}

test(`${MAP_INFERENCES_MAX + 1} distinct steps: 400 naming the count and the limit, nothing written`, async () => {
  await expectRefused('aif', distinct(MAP_INFERENCES_MAX + 1, 'RA'), new RegExp(`${MAP_INFERENCES_MAX + 1} steps.*at most ${MAP_INFERENCES_MAX}`));
});

test(`${MAP_CONFLICTS_MAX + 1} distinct attacks: 400 naming the count and the limit, nothing written`, async () => {
  await expectRefused('aif', distinct(MAP_CONFLICTS_MAX + 1, 'CA'), new RegExp(`${MAP_CONFLICTS_MAX + 1} attacks.*at most ${MAP_CONFLICTS_MAX}`));
});

test(`a step with ${INFERENCE_PREMISES_MAX + 1} premises: 400 at its RA node, nothing written`, async () => {
  const n = INFERENCE_PREMISES_MAX + 1;
  const error = await expectRefused(
    'aif',
    { nodes: [I('c'), S('r'), ...range(n).map((i) => I(`p${i}`))], edges: [E('r', 'c'), ...range(n).map((i) => E(`p${i}`, 'r'))] },
    new RegExp(`${n} premises; a step holds at most ${INFERENCE_PREMISES_MAX}`),
  );
  expect(error.issues[0].path).toEqual(['content', 'nodes', 1]);
});

test.each([
  ['AIF: a step whose premise is its conclusion', 'aif', { nodes: [I('p'), S('r')], edges: [E('p', 'r'), E('r', 'p')] }],
  ['AIF: an attack on its own attacker', 'aif', { nodes: [I('o'), S('x', 'CA')], edges: [E('o', 'x'), E('x', 'o')] }],
  ['Argdown: a statement supporting itself', 'argdown', '[A]: It rained.\n  + [A]'],
  ['Argdown: a statement attacking itself', 'argdown', '[A]: It rained.\n  - [A]'],
] as const)('%s: 400 in the words of POST …/connections, nothing written', async (_name, format, content) => {
  await expectRefused(format, content, /A point cannot support or attack itself\./);
});

test(`a ${MAP_NODES_MAX}-long chain of steps imports whole`, async () => {
  const n = MAP_NODES_MAX;
  const doc = {
    nodes: [...range(n).map((i) => I(`n${i}`)), ...range(n - 1).map((i) => S(`r${i}`))],
    edges: range(n - 1).flatMap((i) => [E(`n${i}`, `r${i}`), E(`r${i}`, `n${i + 1}`)]),
  };
  const { status, body } = await importFile('aif', doc, 'A long chain');
  expect(status).toBe(201);
  expect(await rowsOf((body.map as { slug: string }).slug)).toEqual({ nodes: n, inferences: n - 1, conflicts: 0 });
});

test.each([
  [
    'AIF',
    'aif',
    {
      nodes: [
        { ...I('a'), kind: 'thesis' },
        { ...I('b'), kind: 'thesis' },
      ],
      edges: [],
    },
  ],
  ['Argdown', 'argdown', '[A]: Talk now. #thesis\n\n[B]: Talk later. #thesis'],
] as const)('%s: a file with two theses is 400 (a map has one), nothing written', async (_name, format, content) => {
  await expectRefused(format, content, /theses .*a map has one/);
});
