import { afterAll, afterEach, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';
import { send } from './support/routes';

/**
 * The downloaded brief links to the map at the address the class uses (issue 11: it said
 * `http://localhost:…` whatever host the class had typed), or at `PUBLIC_URL` when one is set.
 */
const database = throwawayDatabase('brief-links');
afterAll(() => database.cleanup());
afterEach(() => {
  delete process.env.PUBLIC_URL;
  delete process.env.TRUST_PROXY;
});

const MARKDOWN = '/api/maps/negotiate-now/brief?side=affirmative&format=markdown';

async function briefLink(headers: Record<string, string>): Promise<string> {
  const response = await send('GET', MARKDOWN, { headers });
  expect(response.status).toBe(200);
  const markdown = await response.text();
  const link = /\((https?:\/\/[^)\s]+\/maps\/negotiate-now)\)|<(https?:\/\/[^>\s]+\/maps\/negotiate-now)>|(https?:\/\/\S+\/maps\/negotiate-now)/.exec(markdown);
  expect(link, markdown.slice(0, 600)).not.toBeNull();
  return link![1] ?? link![2] ?? link![3];
}

test('the host the request came in on', async () => {
  expect(await briefLink({ host: '192.168.1.23:3000' })).toBe('http://192.168.1.23:3000/maps/negotiate-now');
});

test('behind a trusted proxy, the forwarded host and scheme', async () => {
  process.env.TRUST_PROXY = '1';
  expect(await briefLink({ host: 'localhost:3000', 'x-forwarded-host': 'argmap.school.example', 'x-forwarded-proto': 'https' })).toBe(
    'https://argmap.school.example/maps/negotiate-now',
  );
});

test('PUBLIC_URL when it is set', async () => {
  process.env.PUBLIC_URL = 'https://maps.school.example';
  expect(await briefLink({ host: '192.168.1.23:3000' })).toBe('https://maps.school.example/maps/negotiate-now');
});
