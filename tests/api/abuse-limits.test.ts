import { afterAll, afterEach, expect, test } from 'vitest';
import { INVITE_GUESSES_GLOBAL_MAX } from '@/lib/auth/rate-limit';
import { testBrowser } from './support/browser';
import { throwawayDatabase } from './support/database';

/**
 * Limits on guessing that a client cannot dodge by writing its own X-Forwarded-For, and that a
 * guesser cannot turn against the account's owner (issue 10, finding 13).
 */
const database = throwawayDatabase('abuse-limits');
afterAll(() => database.cleanup());
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

test('rotating X-Forwarded-For gets no more wrong invite codes than the limit for everyone', async () => {
  let answered = 0;
  for (let i = 0; i < INVITE_GUESSES_GLOBAL_MAX + 50; i++) {
    const guesser = testBrowser({ 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` });
    const { status } = await guesser.post(`/api/invites/WRONG${i}`, { name: 'Guess' });
    expect([404, 429]).toContain(status);
    if (status === 404) answered += 1;
  }
  expect(answered).toBe(INVITE_GUESSES_GLOBAL_MAX);
});

test('behind a trusted proxy, wrong passwords from other addresses do not lock the owner out', async () => {
  process.env.TRUST_PROXY = '1';
  const owner = testBrowser({ 'x-forwarded-for': '203.0.113.7' });
  expect((await owner.post('/api/auth/signup', { username: 'victim', password: 'correct horse battery' })).status).toBe(201);
  for (let i = 0; i < 10; i++) {
    // A client-sent value first; the proxy appends the address it really saw.
    const guesser = testBrowser({ 'x-forwarded-for': `203.0.113.7, 198.51.100.${i % 2}` });
    const { status } = await guesser.post('/api/auth/login', { username: 'victim', password: `wrong guess ${i}` });
    expect(status).toBe(401);
  }
  expect((await testBrowser({ 'x-forwarded-for': '198.51.100.0' }).post('/api/auth/login', { username: 'victim', password: 'wrong again' })).status).toBe(429);
  expect((await owner.post('/api/auth/login', { username: 'victim', password: 'correct horse battery' })).status).toBe(200);
});

test('without a trusted proxy, wrong passwords by someone else do not lock the owner out of a browser they signed in on', async () => {
  const owner = testBrowser();
  expect((await owner.post('/api/auth/signup', { username: 'teacher', password: 'correct horse battery' })).status).toBe(201);
  expect(owner.jar.get('argmap_device')).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
  expect((await owner.post('/api/auth/logout')).status).toBe(200);

  const guesser = testBrowser();
  const statuses = [];
  for (let i = 0; i < 7; i++) statuses.push((await guesser.post('/api/auth/login', { username: 'teacher', password: `wrong guess ${i}` })).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  // A device token the guesser makes up, or one signed for another account, is no help.
  const forged = testBrowser({ cookie: `argmap_device=${'A'.repeat(22)}.${'B'.repeat(43)}` });
  expect((await forged.post('/api/auth/login', { username: 'teacher', password: 'correct horse battery' })).status).toBe(429);

  expect((await owner.post('/api/auth/login', { username: 'teacher', password: 'correct horse battery' })).status).toBe(200);
});
