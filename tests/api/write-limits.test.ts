import { afterAll, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';
import { call, discoverRoutes, loadHandler } from './support/routes';

/**
 * A whole class writes from one school NAT address: 50 people adding points to one map at the same
 * moment, every request with the same X-Forwarded-For, must all be accepted — no write limit may
 * refuse them (the only address limits are on failed sign-ins and wrong invite codes).
 */
const database = throwawayDatabase('write-limits');
afterAll(() => database.cleanup());

const WRITERS = 50;

test(`${WRITERS} concurrent writers on one map from one address are all accepted`, async () => {
  const route = discoverRoutes().find((r) => r.name === 'POST /api/maps/[slug]/nodes')!;
  const handler = await loadHandler(route);
  const thesis = (await database.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "kind" = 'thesis' LIMIT 1`))!.id;
  const before = await database.snapshot();
  const responses = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      call(
        handler,
        new Request('http://localhost:3000/api/maps/negotiate-now/nodes', {
          method: 'POST',
          headers: {
            host: 'localhost:3000',
            origin: 'http://localhost:3000',
            'sec-fetch-site': 'same-origin',
            'content-type': 'application/json',
            'x-forwarded-for': '203.0.113.7',
            'x-argmap-name': `Student ${i + 1}`,
            'x-argmap-client': `client-${i}`,
          },
          body: JSON.stringify({ kind: 'claim', text: `Reason number ${i + 1} from the class.`, target: thesis, relation: 'supports' }),
        }),
        { slug: 'negotiate-now' },
      ),
    ),
  );
  const statuses = await Promise.all(responses.map(async (r) => `${r.status}${r.status === 201 ? '' : ` ${await r.text()}`}`));
  expect(statuses).toEqual(Array(WRITERS).fill('201'));
  const after = await database.snapshot();
  expect(after.counts.Node - before.counts.Node).toBe(WRITERS);
  expect(after.maxEventId - before.maxEventId).toBeGreaterThanOrEqual(WRITERS);
});
