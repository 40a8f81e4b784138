import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { throwawayDatabase, type Snapshot } from './support/database';
import { fuzzRequests, type KnownIds } from './support/fuzz-requests';
import { call, discoverRoutes, isErrorBody, loadHandler } from './support/routes';

/**
 * Property-based fuzz of every API route (discovered from app/api/**\/route.ts), in-process
 * against a throwaway copy of the seeded database. Acceptable answers:
 * - never a 5xx;
 * - a 4xx always has the JSON error body `{ error: { message, issues? } }`;
 * - a 2xx only for a request that may be valid (a GET, or a route with nothing to get wrong);
 *   mutating requests are generated with a defect (see fuzzRequests), so they must be refused;
 * - nothing is logged as an unexpected error (a failure inside a stream that already answered 200);
 * - nothing is written, ever: every table's row count, the newest MapEvent id and the database's
 *   commit counter (`Snapshot.dataVersion`) are the same after each request as before.
 * FUZZ_REQUESTS sets the total (default 2,400 here; `npm run bench` runs 20,000).
 */
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 2400);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const database = throwawayDatabase('fuzz');
const routes = discoverRoutes();
const runsPerRoute = Math.max(50, Math.ceil(TOTAL / routes.length));
let known: KnownIds;
let sent = 0;
/** What the server logged as unexpected: a stream that fails after its 200 shows only here. */
const logged: string[] = [];

beforeAll(async () => {
  const ids = async (table: string) =>
    (
      await database.all<{ id: string }>(`SELECT "id" FROM "${table}" WHERE "mapId" = (SELECT "id" FROM "ArgumentMap" WHERE "slug" = 'negotiate-now') LIMIT 5`)
    ).map((r) => r.id);
  known = { slug: 'negotiate-now', nodeIds: await ids('Node'), inferenceIds: await ids('Inference') };
  expect(known.nodeIds.length).toBeGreaterThan(0);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ').slice(0, 2000)));
});

afterAll(async () => {
  await database.cleanup();
  console.info(`fuzz: ${sent} requests over ${routes.length} route handlers`);
});

function differs(before: Snapshot, after: Snapshot): string | null {
  if (before.dataVersion !== after.dataVersion || before.maxEventId !== after.maxEventId)
    return `a commit happened (data version ${before.dataVersion} → ${after.dataVersion}, max MapEvent id ${before.maxEventId} → ${after.maxEventId})`;
  for (const table of Object.keys(before.counts))
    if (before.counts[table] !== after.counts[table]) return `${table}: ${before.counts[table]} → ${after.counts[table]} rows`;
  return null;
}

describe('fuzz: every route answers bad input with a 4xx JSON error and writes nothing', () => {
  test('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((r) => r.name)).toContain('POST /api/maps/[slug]/nodes');
  });

  test.each(routes.map((r) => [r.name, r] as const))('%s', async (_, route) => {
    const handler = await loadHandler(route);
    await fc.assert(
      fc.asyncProperty(fuzzRequests(route, known), async ({ request, params, defect, mayPass }) => {
        const before = await database.snapshot();
        const controller = new AbortController();
        const response = await call(handler, new Request(request, { signal: controller.signal }), params);
        sent++;
        const type = response.headers.get('content-type') ?? '';
        let text = '';
        if (type.startsWith('text/event-stream')) await response.body?.cancel();
        else text = await response.text();
        controller.abort();
        const where = `${request.method} ${request.url} (${defect}) → ${response.status} ${text.slice(0, 300)}`;
        expect(response.status, where).toBeLessThan(500);
        if (response.status >= 400) {
          expect(type, where).toMatch(/^application\/json/);
          expect(isErrorBody(JSON.parse(text)), where).toBe(true);
        } else {
          expect(mayPass, `a request with a defect was accepted: ${where}`).toBe(true);
        }
        expect(differs(before, await database.snapshot()), where).toBeNull();
        expect(logged.splice(0), where).toEqual([]);
      }),
      { numRuns: runsPerRoute, seed: SEED, endOnFailure: false },
    );
    // Errors logged by streams after their request was checked.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged.splice(0)).toEqual([]);
  });
});
