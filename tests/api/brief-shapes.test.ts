import { afterAll, beforeAll, expect, test } from 'vitest';
import { BRIEF_CASE_DEPTH_MAX } from '@/lib/argument/brief';
import type { ArgumentGraph } from '@/lib/argument/model';
import { chain, ladder, sizeOf } from '@/lib/argument/__tests__/shapes';
import { throwawayDatabase } from './support/database';
import { call, discoverRoutes, loadHandler } from './support/routes';

/**
 * `GET /api/maps/{slug}/brief` on the shapes that broke it (issue 10, findings 1 and 12): a ladder
 * of 18 levels (2^18 paths to the thesis; one brief grew to hundreds of MB and aborted the process)
 * and a chain of 5,000 claims (the recursion overflowed the stack: a 500). Both maps are written
 * straight into a throwaway database; the answer must be a 200 whose size grows with the map.
 */
const database = throwawayDatabase('brief-shapes');
afterAll(() => database.cleanup());

const MAPS: [string, ArgumentGraph][] = [
  ['ladder-18', ladder(18)],
  ['chain-5000', chain(5000)],
];

beforeAll(async () => {
  const { db } = await import('@/lib/db/client');
  const { writeGraph } = await import('@/lib/db/write-graph');
  const client = await db();
  const { documentId } = (await database.one<{ documentId: string }>(`SELECT "documentId" FROM "ArgumentMap" WHERE "slug" = 'negotiate-now'`))!;
  for (const [slug, graph] of MAPS) {
    // Writing thousands of rows can outlast Prisma's 5 s default for a transaction (on PostgreSQL, on 2 busy cores): the hook's time is the limit.
    await client.$transaction(
      async (tx) => {
        const map = await tx.argumentMap.create({ data: { slug, title: slug, documentId, policy: 'open' }, select: { id: true } });
        await writeGraph(tx, map.id, graph, (entity, id) => `${slug}-${entity}-${id}`);
      },
      { timeout: 110_000 },
    );
  }
}, 120_000);

function get(path: string): Request {
  return new Request(`http://localhost:3000${path}`, { headers: { host: 'localhost:3000', 'x-argmap-client': 'brief-shapes-test' } });
}

/** How deeply a JSON value nests, without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

test.each(MAPS)(
  'the brief of %s answers 200 in JSON and Markdown, its size linear in the map',
  async (slug, graph) => {
    const handler = await loadHandler(discoverRoutes().find((r) => r.name === 'GET /api/maps/[slug]/brief')!);
    for (const side of ['affirmative', 'negative']) {
      const json = await call(handler, get(`/api/maps/${slug}/brief?side=${side}&format=json`), { slug });
      const text = await json.text();
      expect(json.status, text.slice(0, 300)).toBe(200);
      // Each point and premise slot costs a few hundred bytes (ids here are long), never one per path.
      expect(text.length).toBeLessThan(1000 * sizeOf(graph));
      const { brief } = JSON.parse(text) as { brief: { case: unknown[]; continued: unknown[] } };
      // case → point → support → point …: two levels of JSON per level of the outline, and a few around it.
      expect(nesting(brief)).toBeLessThan(2 * BRIEF_CASE_DEPTH_MAX + 8);
      const markdown = await call(handler, get(`/api/maps/${slug}/brief?side=${side}&format=markdown`), { slug });
      const body = await markdown.text();
      expect(markdown.status, body.slice(0, 300)).toBe(200);
      expect(body.length).toBeLessThan(300 * sizeOf(graph));
    }
  },
  60_000,
);
