import { afterAll, describe, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';
import { TEMPLATES } from './support/fuzz-requests';
import { MUTATING, call, discoverRoutes, fillPattern, isErrorBody, loadHandler, type RouteMethod } from './support/routes';

/**
 * Every mutating route (discovered from app/api/**\/route.ts) refuses a change sent from another
 * site's page — `Origin` naming another host, or `Sec-Fetch-Site: cross-site` — with 403 and the
 * JSON error body, before anything else, and writes nothing. Each request is one that would
 * otherwise get further (real map, real ids, a well-formed body); the same request from Argmap's own
 * origin is not refused as cross-site, so the check is not simply refusing everything.
 */
const database = throwawayDatabase('cross-site');
afterAll(() => database.cleanup());

const CROSS_SITE_MESSAGE = 'Changes are accepted only from Argmap’s own pages.';
const mutating = discoverRoutes().filter((r) => MUTATING.has(r.method));

async function realParams(route: RouteMethod): Promise<Record<string, string>> {
  const one = async (sql: string) => (await database.one<{ id: string }>(sql))?.id ?? 'unknown-id';
  const values: Record<string, string> = {
    slug: 'negotiate-now',
    id: route.pattern.includes('/inferences/')
      ? await one('SELECT "id" FROM "Inference" LIMIT 1')
      : await one(`SELECT "id" FROM "Node" WHERE "kind" = 'claim' AND "deletedAt" IS NULL LIMIT 1`),
    commentId: 'unknown-comment',
    deletionId: 'unknown-deletion',
    code: 'ABCDEF',
  };
  return Object.fromEntries(route.params.map((p) => [p, values[p] ?? 'unknown']));
}

function request(route: RouteMethod, params: Record<string, string>, headers: Record<string, string>): Request {
  const body = route.readsBody ? JSON.stringify(TEMPLATES[route.name]?.body ?? {}) : undefined;
  return new Request(new URL(fillPattern(route.pattern, params), 'http://localhost:3000'), {
    method: route.method,
    headers: { host: 'localhost:3000', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body,
  });
}

describe('cross-site changes are refused (403) on every mutating route', () => {
  test('finds the mutating routes', () => {
    expect(mutating.length).toBeGreaterThanOrEqual(20);
  });

  test.each(mutating.map((r) => [r.name, r] as const))('%s', async (_, route) => {
    const handler = await loadHandler(route);
    const params = await realParams(route);
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:3000.evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'not a url' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      const before = await database.snapshot();
      const response = await call(handler, request(route, params, headers), params);
      const text = await response.text();
      expect(response.status, `${JSON.stringify(headers)} → ${text}`).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(text);
      expect(isErrorBody(body)).toBe(true);
      expect(body.error.message).toBe(CROSS_SITE_MESSAGE);
      expect(await database.snapshot(), 'a refused request writes nothing').toEqual(before);
    }
    // Control: from Argmap's own page the same request gets past the cross-site check.
    const own = await call(handler, request(route, params, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), params);
    const ownBody = await own.text();
    expect(ownBody).not.toContain(CROSS_SITE_MESSAGE);
  });
});
