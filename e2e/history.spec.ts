import { expect, test, type Page } from '@playwright/test';
import { api, readMap, SLUG } from './support/api';

/** Opens (or closes) the history: its header button on wide screens, the "More tools" menu below 1,536 px. */
async function toggleHistory(page: Page) {
  const button = page.getByTestId('map.history');
  if (await button.isVisible()) return button.click();
  await page.getByTestId('map.more').filter({ visible: true }).click();
  await page.getByRole('menuitem', { name: /history/i }).click();
}

const DOOR_OPEN = `${SLUG}.claim-door-open`;

test('the history lists who did what, and its slider shows the map as it was, read-only', async ({ page, request }) => {
  const first = `History objection ${Date.now()}`;
  const reworded = `${first}, reworded`;
  const created = await request.post(api.nodes(), {
    headers: { 'X-Argmap-Name': 'Historian' },
    data: { kind: 'objection', text: first, target: DOOR_OPEN, relation: 'attacks', author: 'Historian' },
  });
  const { node } = await created.json();
  await request.patch(api.node(node.id), { headers: { 'X-Argmap-Name': 'Historian' }, data: { text: reworded, version: node.version } });

  // Judged as of the essay's month, where "the door is open" stands in the seeded map (with hindsight it does not).
  await page.goto(`/maps/${SLUG}?asOf=2009-08`);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  const card = page.getByTestId('canvas.node').filter({ has: page.getByText(reworded, { exact: true }) });
  await expect(card).toHaveCount(1);

  await toggleHistory(page);
  const events = page.getByTestId('history.event');
  await expect(events.nth(0)).toContainText(`Historian reworded “${first}”`);
  await expect(events.nth(1)).toContainText(`Historian added an objection: “${first}”`);

  // One step back: before the rewording — the old words are on the canvas.
  await events.nth(1).click();
  await expect(page.getByTestId('history.banner')).toContainText('read-only');
  await expect(page.getByTestId('canvas.node').filter({ has: page.getByText(first, { exact: true }) })).toHaveCount(1);
  await expect(card).toHaveCount(0);

  // Back to the start of the history (the slider's first position): before it was added — it is
  // not on the map, and the claim stands again.
  await page.getByTestId('history.slider').fill('0');
  await expect(page.getByTestId('history.moment')).toHaveText('Before the first change listed.');
  await expect(page.getByTestId('canvas.node').filter({ hasText: first })).toHaveCount(0);
  await expect(page.locator(`[data-testid="canvas.node"][data-node-id="${DOOR_OPEN}"]`)).toHaveAttribute('data-status', 'stands');
  // Read-only: no actions on a selected point, no dragging.
  await expect(page.getByTestId('node.object')).toHaveCount(0);

  await page.getByTestId('history.now').click();
  await expect(page.getByTestId('history.banner')).toHaveCount(0);
  await expect(card).toHaveCount(1);
  await expect(page.getByTestId('history.moment')).toHaveText('Now — the live map.');

  // The point's own history, from the inspector.
  await toggleHistory(page);
  await page.locator(`[data-testid="essay.quote"][data-node-id="${DOOR_OPEN}"]`).first().click();
  await page.getByTestId('inspector').getByRole('button', { name: reworded }).click();
  await page.getByTestId('inspector.history-show').click();
  await expect(page.getByTestId('inspector.history-event')).toHaveCount(2);
  await expect(page.getByTestId('inspector.history-event').first()).toContainText('reworded');

  await request.delete(api.node(node.id));
});

test('GET /api/maps/{slug}/history: newest first, no client ids, and a bad query is refused', async ({ request }) => {
  const before = await readMap(request);
  const created = await request.post(api.nodes(), { data: { kind: 'objection', text: 'For the history API.', target: DOOR_OPEN, relation: 'attacks' } });
  const { node } = await created.json();
  await request.delete(api.node(node.id));
  const response = await request.get(`/api/maps/${SLUG}/history?limit=2`);
  expect(response.ok()).toBe(true);
  const { events } = await response.json();
  expect(events.map((e: { type: string }) => e.type)).toEqual(['node.deleted', 'node.created']);
  expect(events[0].id).toBeGreaterThan(events[1].id);
  expect(events[1].id).toBeGreaterThan(before.lastEventId);
  for (const e of events) expect(Object.keys(e).sort()).toEqual(['actor', 'at', 'data', 'id', 'type']);
  // The delete recorded what it removed, so the past can be shown.
  expect(events[0].data.graph.nodes[0]).toMatchObject({ id: node.id, text: 'For the history API.' });

  const bad = await request.get(`/api/maps/${SLUG}/history?limit=0`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toEqual(['limit']);
  expect((await request.get('/api/maps/no-such-map/history')).status()).toBe(404);
});

test('a deleted point waits in Recently deleted until someone restores it', async ({ page, request }) => {
  const text = `Deleted and restored ${Date.now()}`;
  const { node } = await (await request.post(api.nodes(), { data: { kind: 'objection', text, target: DOOR_OPEN, relation: 'attacks' } })).json();
  const { deletionId } = await (await request.delete(api.node(node.id))).json();
  const listed = await (await request.get(`/api/maps/${SLUG}/deletions`)).json();
  expect(listed.deletions[0]).toMatchObject({ deletionId, nodes: [{ id: node.id, kind: 'objection', text }] });

  await page.goto(`/maps/${SLUG}`);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  const card = page.getByTestId('canvas.node').filter({ has: page.getByText(text, { exact: true }) });
  await expect(card).toHaveCount(0);
  await toggleHistory(page);
  await page.getByTestId('history.tab-deleted').click();
  const item = page.getByTestId('history.deleted-item').filter({ hasText: text });
  await expect(item).toBeVisible();
  await item.getByTestId('history.restore').click();
  await expect(card).toHaveCount(1);
  await expect(page.getByTestId('history.deleted-item').filter({ hasText: text })).toHaveCount(0);
  await request.delete(api.node(node.id));
});
