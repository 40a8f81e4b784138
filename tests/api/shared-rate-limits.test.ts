import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import {
  ACCOUNT_ADDRESS_FAILURES_MAX,
  DIRECT_ADDRESS,
  INVITE_GUESSES_GLOBAL_MAX,
  LOGIN_WINDOW_MS,
  RATE_LIMIT_TABLE,
  createInviteRateLimiter,
  createLoginRateLimiter,
  postgresStore,
  type LoginGate,
} from '@/lib/auth/rate-limit';
import { testBrowser } from './support/browser';
import { onPostgres, throwawayDatabase } from './support/database';

/**
 * On PostgreSQL several app instances serve one database, so the sign-in and invite limits count in
 * it (lib/auth/rate-limit.ts): five failed sign-ins spread over two instances still lock. Each
 * "instance" here is a limiter on a pg pool of its own, as a second app process would have, beside
 * the app's own (the routes, through `testBrowser`).
 *
 * Only on PostgreSQL (`npm run test:postgres`, or ARGMAP_TEST_POSTGRES_URL): on SQLite Argmap runs
 * as one process and counts in memory, so there is nothing to share.
 */
const database = onPostgres ? throwawayDatabase('shared-rate-limits') : undefined;
const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await database?.cleanup();
});

/** A pool of its own on the test's database, as another app instance would have. */
function instancePool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: database!.url, max: 4 });
  pools.push(pool);
  return pool;
}

/** Two login limiters, as on two instances. */
async function twoInstances() {
  const [a, b] = await Promise.all([postgresStore(instancePool()), postgresStore(instancePool())]);
  return [createLoginRateLimiter({ store: a }), createLoginRateLimiter({ store: b })];
}

const WINDOW_SECONDS = LOGIN_WINDOW_MS / 1000;
const isRefused = (gate: LoginGate) => !gate.allowed && gate.retryAfterSeconds >= 1 && gate.retryAfterSeconds <= WINDOW_SECONDS;

describe.skipIf(!onPostgres)('rate limits shared by app instances on one PostgreSQL database (skipped on SQLite: needs ARGMAP_TEST_POSTGRES_URL)', () => {
  test('instances that start together make the table once, and none fails', async () => {
    await Promise.all(Array.from({ length: 4 }, () => postgresStore(instancePool())));
    expect(await database!.one('SELECT COUNT(*) AS n FROM pg_tables WHERE tablename = ?', RATE_LIMIT_TABLE)).toEqual({ n: 1 });
  });

  test('failed sign-ins through one instance count on the other: five spread over two lock on both', async () => {
    const [a, b] = await twoInstances();
    for (let i = 0; i < 3; i++) expect(await a.recordFailure('ada', '203.0.113.7')).toEqual({ allowed: true });
    expect(await b.check('ada', '203.0.113.7')).toEqual({ allowed: true });
    for (let i = 3; i < ACCOUNT_ADDRESS_FAILURES_MAX; i++) expect(await b.recordFailure('ada', '203.0.113.7')).toEqual({ allowed: true });
    expect(isRefused(await a.check('ada', '203.0.113.7'))).toBe(true);
    expect(isRefused(await b.check('ada', '203.0.113.7'))).toBe(true);
    // The owner, elsewhere, is not locked out on either.
    expect(await a.check('ada', '198.51.100.2')).toEqual({ allowed: true });
    // A success through one clears the account's failures from that address on both.
    await b.clear('ada', '203.0.113.7');
    expect(await a.check('ada', '203.0.113.7')).toEqual({ allowed: true });
  });

  test('parallel attempts through two instances: only as many as the limit are counted', async () => {
    const [a, b] = await twoInstances();
    const counted = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordFailure('grace', '203.0.113.8')));
    expect(counted.filter((gate) => gate.allowed)).toHaveLength(ACCOUNT_ADDRESS_FAILURES_MAX);
    expect(counted.filter((gate) => !gate.allowed).every(isRefused)).toBe(true);
    expect(isRefused(await a.check('grace', '203.0.113.8'))).toBe(true);
  });

  test('wrong invite codes through one instance count on the other', async () => {
    const [a, b] = await Promise.all([postgresStore(instancePool()), postgresStore(instancePool())]).then((stores) =>
      stores.map((store) => createInviteRateLimiter({ store })),
    );
    for (let i = 0; i < INVITE_GUESSES_GLOBAL_MAX; i++) await (i % 2 ? a : b).recordFailure(DIRECT_ADDRESS);
    expect(isRefused(await a.check('192.0.2.1'))).toBe(true);
    expect(isRefused(await b.check('192.0.2.1'))).toBe(true);
  });

  test('the app counts in the shared table: failures recorded by another instance lock sign-in through the app', async () => {
    const [other] = await twoInstances();
    const guesser = testBrowser();
    for (let i = 0; i < 3; i++) expect((await guesser.post('/api/auth/login', { username: 'victim', password: `wrong guess ${i}` })).status).toBe(401);
    expect(await other.check('victim', DIRECT_ADDRESS)).toEqual({ allowed: true });
    for (let i = 3; i < ACCOUNT_ADDRESS_FAILURES_MAX; i++) expect(await other.recordFailure('victim', DIRECT_ADDRESS)).toEqual({ allowed: true });
    const refused = await guesser.post('/api/auth/login', { username: 'victim', password: 'one more guess' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(isRefused(await other.check('victim', DIRECT_ADDRESS))).toBe(true);
  });
});
