import { afterAll, expect, test } from 'vitest';
import { throwawayDatabase } from './support/database';

/**
 * Next answers HEAD by running GET unless a route says otherwise, and a HEAD response's body is
 * never read or cancelled: on the events route that took a live-stream seat (and a place in the
 * presence list) for about a day. The route refuses HEAD instead.
 */
const database = throwawayDatabase('events-head');
afterAll(() => database.cleanup());

test('HEAD on the live stream is refused and takes no seat', async () => {
  const route = await import('@/app/api/maps/[slug]/events/route');
  const response = route.HEAD();
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET');
});
