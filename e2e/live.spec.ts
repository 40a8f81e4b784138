import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, readMap, SLUG } from './support/api';
import { LiveStream } from './support/stream';

const DOOR_OPEN = `${SLUG}.claim-door-open`;

async function openAs(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate((n) => window.localStorage.setItem('argmap.author', n), name);
  await page.goto(`/maps/${SLUG}`);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  await expect(page.getByTestId('map.presence')).toHaveAttribute('data-live', 'true');
  return page;
}

type ChangeEvent = { id: number; type: string; data: unknown };

/** The `change` events among the complete blocks (each ended by a blank line) of a stream's text. */
function changeEvents(text: string): ChangeEvent[] {
  return text
    .split('\n\n')
    .slice(0, -1)
    .filter((block) => /^event: change$/m.test(block))
    .map(
      (block) =>
        JSON.parse(
          block
            .split('\n')
            .find((line) => line.startsWith('data: '))!
            .slice(6),
        ) as ChangeEvent,
    );
}

/** Reads `count` change events from the stream, starting after `lastEventId`; fails after 10 s saying what came. */
async function readEvents(baseURL: string, lastEventId: number, count: number) {
  const controller = new AbortController();
  const response = await fetch(`${baseURL}/api/maps/${SLUG}/events`, {
    headers: { 'Last-Event-ID': String(lastEventId), Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const stream = new LiveStream(response);
  try {
    const text = await stream.until(`${count} change event(s) after #${lastEventId}`, 10_000, (sent) => changeEvents(sent).length >= count);
    return changeEvents(text);
  } finally {
    controller.abort();
  }
}

test('a student’s objection appears on the teacher’s canvas without a reload, marked with their name', async ({ browser }) => {
  const teacher = await openAs(browser, 'Ms Rivera');
  const student = await openAs(browser, 'Jamal');
  await expect(teacher.getByTestId('map.presence-person')).toHaveCount(1);

  const text = `Live objection ${Date.now()}: a funeral is not a negotiation.`;
  await student.locator(`[data-testid="essay.quote"][data-node-id="${DOOR_OPEN}"]`).first().click();
  await student.getByTestId('inspector').getByTestId('node.object').click();
  await student.getByTestId('composer.text').fill(text);
  await student.getByTestId('composer.submit').click();
  await expect(student.getByTestId('canvas.node').filter({ has: student.getByText(text, { exact: true }) })).toBeVisible();

  const onTeacher = teacher.getByTestId('canvas.node').filter({ has: teacher.getByText(text, { exact: true }) });
  await expect(onTeacher).toBeVisible({ timeout: 3_000 });
  await expect(onTeacher.getByTestId('canvas.node-new')).toHaveText('New · Jamal');
  // The teacher's evaluation follows: the claim is now defeated on both screens.
  await expect(teacher.locator(`[data-testid="canvas.node"][data-node-id="${DOOR_OPEN}"]`)).toHaveAttribute('data-status', 'defeated');

  const added = (await readMap(student.request)).nodes.find((n) => n.text === text)!;
  await student.request.delete(api.node(added.id));
  await expect(onTeacher).toHaveCount(0, { timeout: 3_000 });
  await teacher.context().close();
  await student.context().close();
});

test('a stale edit shows both versions and lets the person choose', async ({ browser }) => {
  const page = await openAs(browser, 'Editor A');
  const view = await readMap(page.request);
  const target = view.nodes.find((n) => n.id === DOOR_OPEN)!;
  await page.locator(`[data-testid="essay.quote"][data-node-id="${DOOR_OPEN}"]`).first().click();
  await page.getByTestId('inspector').getByTestId('node.edit').click();
  const mine = `${target.text} (edited by A)`;
  await page.getByTestId('composer.text').fill(mine);

  // Meanwhile someone else saves a change to the same point.
  const theirs = `${target.text} (edited by B)`;
  const response = await page.request.patch(api.node(DOOR_OPEN), { data: { text: theirs, version: target.version } });
  expect(response.status()).toBe(200);

  await page.getByTestId('composer.submit').click();
  const conflict = page.getByTestId('composer.conflict');
  await expect(conflict).toBeVisible();
  await expect(page.getByTestId('composer.conflict-theirs')).toHaveText(theirs);
  await page.getByTestId('composer.conflict-mine').click();
  await expect(conflict).toHaveCount(0);
  const saved = (await readMap(page.request)).nodes.find((n) => n.id === DOOR_OPEN)!;
  expect(saved.text).toBe(mine);
  expect(saved.version).toBe(target.version + 2);

  // Put the seeded words back.
  await page.request.patch(api.node(DOOR_OPEN), { data: { text: target.text, version: saved.version } });
  await page.context().close();
});

test('a reconnecting client receives every event it missed, in order, exactly once', async ({ request, baseURL }) => {
  const before = await readMap(request);
  const claim = before.nodes.find((n) => n.kind === 'claim')!;
  const created = await request.post(api.nodes(), { data: { kind: 'objection', text: 'Missed event one.', target: claim.id, relation: 'attacks' } });
  const { node } = await created.json();
  await request.patch(api.node(node.id), { data: { text: 'Missed event two.', version: node.version } });
  const removed = await (await request.delete(api.node(node.id))).json();

  const events = await readEvents(baseURL!, before.lastEventId, 3);
  expect(events.map((e) => e.type)).toEqual(['node.created', 'node.updated', 'node.deleted']);
  const ids = events.map((e) => e.id);
  expect(ids[0]).toBe(before.lastEventId + 1);
  expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2]);
  expect(events[0].data).toMatchObject({ node: { id: node.id, text: 'Missed event one.' } });
  expect(events[2].data).toMatchObject({ deletionId: removed.deletionId });

  // Resuming from the middle gives exactly the rest.
  const rest = await readEvents(baseURL!, ids[1], 1);
  expect(rest.map((e) => e.id)).toEqual([ids[2]]);
});

test('the events stream refuses an unknown map and a malformed query', async ({ request }) => {
  expect((await request.get('/api/maps/no-such-map/events')).status()).toBe(404);
  const bad = await request.get(`/api/maps/${SLUG}/events?after=-3`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toEqual(['after']);
});
