import { randomUUID } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { VOTER_MINTS_MAX } from '@/lib/auth/voter';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * One vote per voter on an open map (issue 10, finding 15): an anonymous browser votes by a voter id
 * the server signs and hands it in an HttpOnly cookie, not by the X-Argmap-Owner header it can make
 * up per request; dropping the cookie gets a new id only from a ration per address.
 */
const database = throwawayDatabase('vote-identity');
afterAll(() => database.cleanup());

type Summary = { rating: { average: number; count: number }; mine: number | null };

async function claimId(offset: number): Promise<string> {
  return (await database.one<{ id: string }>(`SELECT "id" FROM "Node" WHERE "kind" = 'claim' AND "deletedAt" IS NULL ORDER BY "id" LIMIT 1 OFFSET ?`, offset))!
    .id;
}
const votePath = (nodeId: string) => `/api/maps/negotiate-now/nodes/${encodeURIComponent(nodeId)}/vote`;
const ownerKey = () => ({ 'x-argmap-owner': randomUUID(), 'x-argmap-client': randomUUID() });

/** The browser of the first test, which keeps its voter id to the end. */
const browser = testBrowser();

test('20 votes from one browser with a new X-Argmap-Owner each count once', async () => {
  const node = await claimId(0);
  for (let i = 0; i < 20; i++) {
    const answer = await browser.put<Summary>(votePath(node), { value: i % 5 }, ownerKey());
    expect(answer.status).toBe(200);
  }
  const { body } = await browser.get<Summary>(votePath(node));
  expect(body).toEqual({ rating: { average: 19 % 5, count: 1 }, mine: 19 % 5 });
  // The id is in an HttpOnly cookie, never in the answer.
  expect(browser.jar.get('argmap_voter')).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
});

test('a voter cookie the client made up is not a voter id: the server hands out its own', async () => {
  const node = await claimId(1);
  const forged = `${'A'.repeat(22)}.${'B'.repeat(43)}`;
  const first = testBrowser({ cookie: `argmap_voter=${forged}` });
  const second = testBrowser({ cookie: `argmap_voter=${forged}` });
  const a = await first.put<Summary>(votePath(node), { value: 4 }, ownerKey());
  const b = await second.put<Summary>(votePath(node), { value: 0 }, ownerKey());
  expect(a.headers.getSetCookie().join()).toMatch(/argmap_voter=[\w-]{22}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  expect(b.headers.getSetCookie().join()).toContain('argmap_voter=');
  expect(b.body.rating.count).toBe(2);
  expect((await testBrowser({ cookie: `argmap_voter=${forged}` }).get<Summary>(votePath(node))).body.mine).toBeNull();
});

test('dropping the cookie buys at most the ration of new voters per address', async () => {
  const node = await claimId(2);
  const statuses: number[] = [];
  for (let i = 0; i < VOTER_MINTS_MAX + 10; i++) {
    // A new browser each time, at a new address it claims (not believed without TRUST_PROXY).
    const fresh = testBrowser({ 'x-forwarded-for': `198.51.100.${i % 250}` });
    statuses.push((await fresh.put(votePath(node), { value: 4 }, ownerKey())).status);
  }
  // The two tests above handed out 3 ids from the same (direct) address.
  expect(statuses.filter((s) => s === 200)).toHaveLength(VOTER_MINTS_MAX - 3);
  expect(new Set(statuses.filter((s) => s !== 200))).toEqual(new Set([429]));
  const count = (await database.one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Vote" WHERE "nodeId" = ?`, node))!.n;
  expect(count).toBe(VOTER_MINTS_MAX - 3);
});

test('a browser that has its voter id keeps voting when the ration is spent', async () => {
  const answer = await browser.put<Summary>(votePath(await claimId(3)), { value: 2 }, ownerKey());
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ rating: { average: 2, count: 1 }, mine: 2 });
});
