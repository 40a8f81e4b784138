import { expect, test } from '@playwright/test';
import { prepareDatabase, removeDatabase, startServer, throwawayDatabase } from '../bench/support/server';
import { INVITE_GUESSES_GLOBAL_MAX, INVITE_GUESSES_MAX } from '../lib/auth/rate-limit';

/**
 * Without a proxy (`TRUST_PROXY` unset) the per-address limits go by the connection's own address,
 * which the server writes into each request (lib/auth/peer-address.ts): rotating `X-Forwarded-For`
 * or naming another address changes nothing. Before, every request was one address, "direct", and
 * the per-address limits were skipped. Its own `next start` (the build the suite already made) over
 * its own throwaway database.
 */
const PORT = 3250;

test('wrong invite codes are limited per connection address, whatever X-Forwarded-For says', async () => {
  test.setTimeout(120_000);
  expect(INVITE_GUESSES_MAX).toBeLessThan(INVITE_GUESSES_GLOBAL_MAX);
  const file = throwawayDatabase('peer-address');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT, { TRUST_PROXY: '' });
  try {
    const guess = (i: number) =>
      fetch(`${server.base}/api/invites/ZZZZZ${'23456789'[i % 8]}`, {
        method: 'POST',
        headers: { origin: server.base, 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i % 250}` },
        body: JSON.stringify({ name: `Guesser ${i}` }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < INVITE_GUESSES_MAX; i++) statuses.push((await guess(i)).status);
    // Every wrong code is a 404 until this address has used its guesses; then 429, though each came "from" another address.
    expect(
      statuses.every((s) => s === 404),
      statuses.join(','),
    ).toBe(true);
    const refused = await guess(INVITE_GUESSES_MAX);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/from here/);
  } finally {
    await server.stop();
    removeDatabase(file);
  }
});
