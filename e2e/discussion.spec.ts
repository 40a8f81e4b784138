import { createHash, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import type { CommentView, Rating } from '../lib/argument/discussion';
import { AUTHOR_NAME_MAX, COMMENT_TEXT_MAX, REQUEST_BODY_MAX_BYTES } from '../lib/validation/limits';
import { SLUG, addNode, deleteNode, distinctive, expectError, readMap, removeAddedNodes, restore } from './support/api';
import { LiveStream } from './support/stream';

// Comments and votes, through the API and in the inspector. API tests work on fresh objections
// (removed again after each test), so counts and averages start from nothing; the browser test
// uses the seeded claim and leaves it as it found it.

test.afterEach(async ({ request }) => removeAddedNodes(request));

const DOOR_OPEN = `${SLUG}.claim-door-open`;
const COMMENT_FIELDS = ['author', 'createdAt', 'id', 'mine', 'nodeId', 'text', 'updatedAt'];

const url = {
  thread: (nodeId: string, slug = SLUG) => `/api/maps/${slug}/nodes/${encodeURIComponent(nodeId)}/comments`,
  comment: (id: string, slug = SLUG) => `/api/maps/${slug}/comments/${encodeURIComponent(id)}`,
  vote: (nodeId: string, slug = SLUG) => `/api/maps/${slug}/nodes/${encodeURIComponent(nodeId)}/vote`,
};

/**
 * A browser as the API sees it: its secret owner key (X-Argmap-Owner, which owns its comments and
 * votes), a public client id, and optionally a remembered name.
 */
interface Browser {
  key: string;
  headers: Record<string, string>;
}

function browser(name?: string): Browser {
  const key = randomUUID();
  const headers: Record<string, string> = { 'X-Argmap-Owner': key, 'X-Argmap-Client': randomUUID() };
  if (name) headers['X-Argmap-Name'] = encodeURIComponent(name);
  return { key, headers };
}

/** A request that names no browser. */
const nobody: Browser = { key: '', headers: {} };

type VoteSummary = { rating: Rating; mine: number | null };

/** A new objection to the seeded claim, so a test's comments and votes are the only ones on it. */
async function freshNode(request: APIRequestContext): Promise<string> {
  const { node } = await addNode(request, { kind: 'objection', text: distinctive('discussion'), target: DOOR_OPEN, relation: 'attacks' });
  return node.id;
}

async function readThread(request: APIRequestContext, nodeId: string, who: Browser = nobody): Promise<CommentView[]> {
  const response = await request.get(url.thread(nodeId), { headers: who.headers });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { comments: CommentView[] };
  expect(Object.keys(body)).toEqual(['comments']);
  return body.comments;
}

async function postComment(request: APIRequestContext, nodeId: string, who: Browser, data: Record<string, unknown>): Promise<CommentView> {
  const response = await request.post(url.thread(nodeId), { headers: who.headers, data });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { comment: CommentView }).comment;
}

async function readVote(request: APIRequestContext, nodeId: string, who: Browser = nobody): Promise<VoteSummary> {
  const response = await request.get(url.vote(nodeId), { headers: who.headers });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as VoteSummary;
}

async function putVote(request: APIRequestContext, nodeId: string, who: Browser, value: number | null): Promise<VoteSummary> {
  const response = await request.put(url.vote(nodeId), { headers: who.headers, data: { value } });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  expect(text, 'no voter key in the answer').not.toContain(who.key || '\u0000');
  return JSON.parse(text) as VoteSummary;
}

/**
 * Sends a request that must be refused, checks the standard error body, and checks that the node's
 * thread and rating read exactly the same before and after (a refused request writes nothing).
 */
async function expectRefusedOn(request: APIRequestContext, nodeId: string, send: () => Promise<APIResponse>, status: number, path?: (string | number)[]) {
  const before = { thread: await readThread(request, nodeId), vote: await readVote(request, nodeId) };
  const body = await expectError(await send(), status, path);
  expect({ thread: await readThread(request, nodeId), vote: await readVote(request, nodeId) }, 'the node after a refused request').toEqual(before);
  return body;
}

test.describe('comments', () => {
  test('are listed oldest first with author and time, and marked mine only for the browser that wrote them', async ({ request }) => {
    const alice = browser('Alice Example');
    const bob = browser();
    const nodeId = await freshNode(request);
    expect(await readThread(request, nodeId)).toEqual([]);

    const text = distinctive('first comment');
    const before = Date.now();
    const response = await request.post(url.thread(nodeId), { headers: alice.headers, data: { text: `  ${text}  ` } });
    expect(response.status()).toBe(201);
    const raw = await response.text();
    expect(raw, 'the owner key never leaves the server').not.toContain(alice.key);
    const first = (JSON.parse(raw) as { comment: CommentView }).comment;
    expect(Object.keys(first).sort()).toEqual(COMMENT_FIELDS);
    expect(first).toMatchObject({ nodeId, text, author: 'Alice Example', mine: true });
    expect(first.updatedAt).toBe(first.createdAt);
    expect(Date.parse(first.createdAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(first.createdAt)).toBeLessThanOrEqual(Date.now() + 5_000);

    // A name in the body wins over the browser's remembered name; with neither, "Anonymous".
    const second = await postComment(request, nodeId, bob, { text: distinctive('second'), author: '  Bob B.  ' });
    expect(second.author).toBe('Bob B.');
    const third = await postComment(request, nodeId, nobody, { text: distinctive('third') });
    expect(third).toMatchObject({ author: 'Anonymous', mine: false });

    const asAlice = await readThread(request, nodeId, alice);
    expect(asAlice.map((c) => c.id)).toEqual([first.id, second.id, third.id]);
    expect(asAlice.map((c) => c.mine)).toEqual([true, false, false]);
    expect(asAlice[0]).toEqual(first);
    expect((await readThread(request, nodeId, bob)).map((c) => c.mine)).toEqual([false, true, false]);
    expect((await readThread(request, nodeId)).map((c) => c.mine)).toEqual([false, false, false]);
    for (const c of asAlice) expect(Object.keys(c).sort(), c.id).toEqual(COMMENT_FIELDS);

    const listing = await (await request.get(url.thread(nodeId), { headers: alice.headers })).text();
    expect(listing).not.toContain(alice.key);
    expect(listing).not.toContain(bob.key);
  });

  test('its author edits it and deletes it; a deleted comment leaves the thread for good', async ({ request }) => {
    const alice = browser();
    const nodeId = await freshNode(request);
    const created = await postComment(request, nodeId, alice, { text: distinctive('to edit') });

    const edited = distinctive('edited');
    const patch = await request.patch(url.comment(created.id), { headers: alice.headers, data: { text: ` ${edited} ` } });
    expect(patch.status(), await patch.text()).toBe(200);
    const { comment } = (await patch.json()) as { comment: CommentView };
    expect(comment).toMatchObject({ id: created.id, nodeId, text: edited, author: created.author, createdAt: created.createdAt, mine: true });
    expect(Date.parse(comment.updatedAt)).toBeGreaterThan(Date.parse(created.createdAt));
    expect((await readThread(request, nodeId)).map((c) => c.text)).toEqual([edited]);

    const del = await request.delete(url.comment(created.id), { headers: alice.headers });
    expect(del.status(), await del.text()).toBe(200);
    expect(await del.json()).toEqual({ deleted: { id: created.id, nodeId } });
    expect(await readThread(request, nodeId, alice)).toEqual([]);

    // Gone means gone for its author too: no second delete, no edit.
    await expectError(await request.delete(url.comment(created.id), { headers: alice.headers }), 404);
    await expectError(await request.patch(url.comment(created.id), { headers: alice.headers, data: { text: 'back?' } }), 404);
  });

  test('another browser, or a request naming none, can neither edit nor delete it (403), and nothing changes', async ({ request }) => {
    const alice = browser();
    const bob = browser();
    const nodeId = await freshNode(request);
    const created = await postComment(request, nodeId, alice, { text: distinctive('mine') });
    const malformed: Browser = { key: '', headers: { 'X-Argmap-Owner': 'not a key!' } };

    for (const who of [bob, nobody, malformed]) {
      const edit = await expectRefusedOn(
        request,
        nodeId,
        () => request.patch(url.comment(created.id), { headers: who.headers, data: { text: 'Rewritten by someone else.' } }),
        403,
      );
      expect(edit.error.message).toBe('Only the browser that wrote this comment can edit it.');
      const del = await expectRefusedOn(request, nodeId, () => request.delete(url.comment(created.id), { headers: who.headers }), 403);
      expect(del.error.message).toBe('Only the browser that wrote this comment can delete it.');
    }
    expect((await readThread(request, nodeId, alice)).map((c) => [c.text, c.mine])).toEqual([[created.text, true]]);
  });

  test.describe('refuses an invalid comment with the field named, and writes nothing', () => {
    const cases: [string, unknown, (string | number)[], string?][] = [
      ['empty text', { text: '' }, ['text'], 'Write a comment first.'],
      ['whitespace-only text', { text: '  \n  ' }, ['text'], 'Write a comment first.'],
      ['no text', {}, ['text'], 'Write a comment first.'],
      ['text that is not a string', { text: 42 }, ['text']],
      [
        `text of ${COMMENT_TEXT_MAX + 1} characters`,
        { text: 'x'.repeat(COMMENT_TEXT_MAX + 1) },
        ['text'],
        `Comments are at most ${COMMENT_TEXT_MAX} characters.`,
      ],
      [`an author of ${AUTHOR_NAME_MAX + 1} characters`, { text: 'Fine words.', author: 'a'.repeat(AUTHOR_NAME_MAX + 1) }, ['author']],
      ['an owner key in the body', { text: 'Fine words.', authorKey: 'someone-else' }, []],
    ];
    for (const [name, data, path, message] of cases) {
      test(`POST: ${name}`, async ({ request }) => {
        const nodeId = await freshNode(request);
        const body = await expectRefusedOn(request, nodeId, () => request.post(url.thread(nodeId), { headers: browser().headers, data }), 400, path);
        if (message) expect(body.error.issues).toContainEqual({ path, message });
      });
    }

    test('PATCH: empty text, a new author, an extra field', async ({ request }) => {
      const alice = browser();
      const nodeId = await freshNode(request);
      const created = await postComment(request, nodeId, alice, { text: distinctive('stays') });
      for (const [data, path] of [
        [{ text: '' }, ['text']],
        [{}, ['text']],
        [{ text: 'x'.repeat(COMMENT_TEXT_MAX + 1) }, ['text']],
        [{ text: 'Same words, new signature.', author: 'Mallory' }, []],
      ] as const) {
        await expectRefusedOn(request, nodeId, () => request.patch(url.comment(created.id), { headers: alice.headers, data }), 400, [...path]);
      }
      expect((await readThread(request, nodeId)).map((c) => c.text)).toEqual([created.text]);
    });

    test('malformed JSON (400), a body that is not JSON (415), a body that is too large (413)', async ({ request }) => {
      const nodeId = await freshNode(request);
      const headers = browser().headers;
      await expectRefusedOn(
        request,
        nodeId,
        () => request.post(url.thread(nodeId), { headers: { ...headers, 'Content-Type': 'application/json' }, data: '{"text": "unfinished' }),
        400,
      );
      await expectRefusedOn(
        request,
        nodeId,
        () => request.post(url.thread(nodeId), { headers: { ...headers, 'Content-Type': 'text/plain' }, data: 'Just words.' }),
        415,
      );
      const huge = JSON.stringify({ text: 'x'.repeat(REQUEST_BODY_MAX_BYTES) });
      await expectRefusedOn(
        request,
        nodeId,
        () => request.post(url.thread(nodeId), { headers: { ...headers, 'Content-Type': 'application/json' }, data: huge }),
        413,
      );
    });
  });

  test('a comment on an unknown node, map or comment is 404', async ({ request }) => {
    const alice = browser();
    const nodeId = await freshNode(request);
    await expectRefusedOn(
      request,
      nodeId,
      () => request.post(url.thread(`${SLUG}.no-such-node`), { headers: alice.headers, data: { text: 'Anyone there?' } }),
      404,
    );
    await expectError(await request.get(url.thread(`${SLUG}.no-such-node`)), 404);
    await expectError(await request.post(url.thread(nodeId, 'no-such-map'), { headers: alice.headers, data: { text: 'Anyone there?' } }), 404);
    await expectError(await request.get(url.thread(nodeId, 'no-such-map')), 404);
    await expectError(await request.patch(url.comment('no-such-comment'), { headers: alice.headers, data: { text: 'Hello?' } }), 404);
    await expectError(await request.delete(url.comment('no-such-comment'), { headers: alice.headers }), 404);
    expect(await readThread(request, nodeId)).toEqual([]);
  });

  test('a deleted node takes its thread with it, and Undo brings the thread back', async ({ request }) => {
    const alice = browser();
    const nodeId = await freshNode(request);
    const created = await postComment(request, nodeId, alice, { text: distinctive('survives undo') });
    const { deletionId } = await deleteNode(request, nodeId);

    await expectError(await request.get(url.thread(nodeId)), 404);
    await expectError(await request.post(url.thread(nodeId), { headers: alice.headers, data: { text: 'Too late.' } }), 404);
    await expectError(await request.patch(url.comment(created.id), { headers: alice.headers, data: { text: 'Too late.' } }), 404);
    await expectError(await request.delete(url.comment(created.id), { headers: alice.headers }), 404);

    await restore(request, deletionId);
    expect(await readThread(request, nodeId, alice)).toEqual([created]);
  });
});

test.describe('votes', () => {
  test('one vote per browser: the same value again keeps it, a new value replaces it', async ({ request }) => {
    const alice = browser();
    const nodeId = await freshNode(request);
    expect(await readVote(request, nodeId, alice)).toEqual({ rating: { average: 0, count: 0 }, mine: null });

    expect(await putVote(request, nodeId, alice, 3)).toEqual({ rating: { average: 3, count: 1 }, mine: 3 });
    expect(await putVote(request, nodeId, alice, 3)).toEqual({ rating: { average: 3, count: 1 }, mine: 3 });
    expect(await readVote(request, nodeId, alice)).toEqual({ rating: { average: 3, count: 1 }, mine: 3 });
    expect(await putVote(request, nodeId, alice, 1)).toEqual({ rating: { average: 1, count: 1 }, mine: 1 });
    expect(await putVote(request, nodeId, alice, 0)).toEqual({ rating: { average: 0, count: 1 }, mine: 0 });
  });

  test('the average is over everyone who voted; each browser sees its own vote; null withdraws one', async ({ request, playwright, baseURL }) => {
    const alice = browser();
    const bob = browser();
    const carol = browser();
    // Each browser has cookies of its own, and with them the voter id the server hands it.
    const [aliceApi, bobApi, carolApi] = await Promise.all([0, 1, 2].map(() => playwright.request.newContext({ baseURL })));
    const nodeId = await freshNode(request);
    await putVote(aliceApi, nodeId, alice, 1);
    expect(await putVote(bobApi, nodeId, bob, 4)).toEqual({ rating: { average: 2.5, count: 2 }, mine: 4 });
    expect(await putVote(carolApi, nodeId, carol, 2)).toEqual({ rating: { average: 7 / 3, count: 3 }, mine: 2 });

    expect(await readVote(aliceApi, nodeId, alice)).toEqual({ rating: { average: 7 / 3, count: 3 }, mine: 1 });
    expect(await readVote(bobApi, nodeId, bob)).toMatchObject({ mine: 4 });
    expect(await readVote(request, nodeId)).toMatchObject({ mine: null });

    expect(await putVote(carolApi, nodeId, carol, null)).toEqual({ rating: { average: 2.5, count: 2 }, mine: null });
    expect(await putVote(aliceApi, nodeId, alice, null)).toEqual({ rating: { average: 4, count: 1 }, mine: null });
    // Withdrawing a vote one does not have changes nothing.
    expect(await putVote(aliceApi, nodeId, alice, null)).toEqual({ rating: { average: 4, count: 1 }, mine: null });
    expect(await putVote(bobApi, nodeId, bob, null)).toEqual({ rating: { average: 0, count: 0 }, mine: null });

    const text = await (await request.get(url.vote(nodeId), { headers: alice.headers })).text();
    for (const key of [alice.key, bob.key, carol.key]) expect(text).not.toContain(key);
    await Promise.all([aliceApi, bobApi, carolApi].map((api) => api.dispose()));
  });

  test.describe('refuses an invalid rating, and writes nothing', () => {
    const cases: [string, unknown, (string | number)[], string][] = [
      ['5', { value: 5 }, ['value'], 'Ratings go from 0 to 4.'],
      ['-1', { value: -1 }, ['value'], 'Ratings go from 0 to 4.'],
      ['a fraction', { value: 2.5 }, ['value'], 'Ratings go from 0 to 4.'],
      ['a numeric string', { value: '3' }, ['value'], 'Ratings go from 0 to 4.'],
      ['no value', {}, ['value'], 'Send value: a rating from 0 to 4, or null to withdraw yours.'],
    ];
    for (const [name, data, path, message] of cases) {
      test(name, async ({ request }) => {
        const alice = browser();
        const nodeId = await freshNode(request);
        await putVote(request, nodeId, alice, 2);
        const body = await expectRefusedOn(request, nodeId, () => request.put(url.vote(nodeId), { headers: alice.headers, data }), 400, path);
        expect(body.error.issues).toContainEqual({ path, message });
        expect(await readVote(request, nodeId, alice)).toEqual({ rating: { average: 2, count: 1 }, mine: 2 });
      });
    }

    test('a voter key in the body', async ({ request }) => {
      const nodeId = await freshNode(request);
      await expectRefusedOn(
        request,
        nodeId,
        () => request.put(url.vote(nodeId), { headers: browser().headers, data: { value: 3, voterKey: 'someone-else' } }),
        400,
        [],
      );
    });
  });

  test('a vote without a browser id is refused (400) and nothing is written', async ({ request }) => {
    const nodeId = await freshNode(request);
    const withoutId: Record<string, string>[] = [{}, { 'X-Argmap-Owner': '' }, { 'X-Argmap-Owner': 'not a key!' }, { 'X-Argmap-Client': randomUUID() }];
    for (const headers of withoutId) {
      const body = await expectRefusedOn(request, nodeId, () => request.put(url.vote(nodeId), { headers, data: { value: 3 } }), 400);
      expect(body.error.message).toBe('Votes need a browser id; reload the page.');
    }
  });

  test('a vote on an unknown or deleted node is 404', async ({ request }) => {
    const alice = browser();
    await expectError(await request.put(url.vote(`${SLUG}.no-such-node`), { headers: alice.headers, data: { value: 2 } }), 404);
    await expectError(await request.get(url.vote(`${SLUG}.no-such-node`), { headers: alice.headers }), 404);
    await expectError(await request.put(url.vote(DOOR_OPEN, 'no-such-map'), { headers: alice.headers, data: { value: 2 } }), 404);

    const nodeId = await freshNode(request);
    await putVote(request, nodeId, alice, 2);
    const { deletionId } = await deleteNode(request, nodeId);
    await expectError(await request.put(url.vote(nodeId), { headers: alice.headers, data: { value: 4 } }), 404);
    await expectError(await request.get(url.vote(nodeId), { headers: alice.headers }), 404);
    // Undo brings the node back with its vote as it was.
    await restore(request, deletionId);
    expect(await readVote(request, nodeId, alice)).toEqual({ rating: { average: 2, count: 1 }, mine: 2 });
  });
});

/** Opens the map page and waits for the canvas to have laid out the map. */
async function openMap(page: Page) {
  await page.goto(`/maps/${SLUG}`);
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

test('in the inspector: post, edit and delete a comment; rate the point and withdraw the rating', async ({ page, request }) => {
  await openMap(page);
  await page.locator(`[data-testid="essay.quote"][data-node-id="${DOOR_OPEN}"]`).first().click();
  await expect(page.getByTestId('inspector.node')).toHaveAttribute('data-node-id', DOOR_OPEN);
  const inspector = page.getByTestId('inspector');
  await inspector.getByTestId('inspector.tab-discussion').click();
  const thread = inspector.getByTestId('comments');
  const vote = inspector.getByTestId('vote');
  await expect(thread.getByTestId('comment.form')).toBeVisible();
  await expect(vote.getByTestId('vote.summary')).toHaveText('No ratings yet');

  // The page's owner key (created on its first API call), to clean up through the API whatever happens.
  const key = await page.evaluate(() => window.localStorage.getItem('argmap.owner'));
  expect(key).toBeTruthy();
  const me: Browser = { key: key!, headers: { 'X-Argmap-Owner': key! } };
  const text = distinctive('browser comment');
  const edited = distinctive('browser comment, edited');
  try {
    // An empty comment is refused in the form, with the schema's message.
    await thread.getByTestId('comment.submit').click();
    await expect(thread.getByTestId('comment.text-error')).toHaveText('Write a comment first.');

    await thread.getByTestId('comment.text').fill(text);
    await thread.getByTestId('comment.submit').click();
    await expect(thread.getByTestId('comment').filter({ hasText: text })).toBeVisible();
    // From here on, find it by id: while it is being edited its words are in a text field.
    const id = await thread.getByTestId('comment').filter({ hasText: text }).getAttribute('data-comment-id');
    const item = thread.locator(`[data-testid="comment"][data-comment-id="${id}"]`);
    await expect(item.getByTestId('comment.body')).toHaveText(text);
    await expect(item).toContainText('just now');
    await expect(item).toHaveAttribute('data-mine', 'true');
    await expect(thread.getByTestId('comment.text')).toHaveValue('');
    expect((await readThread(request, DOOR_OPEN)).map((c) => c.text)).toContain(text);

    await item.getByTestId('comment.edit').click();
    await expect(item.getByTestId('comment.edit-text')).toHaveValue(text);
    await item.getByTestId('comment.edit-text').fill(edited);
    await item.getByTestId('comment.save').click();
    await expect(item.getByTestId('comment.body')).toHaveText(edited);
    await expect(item.getByTestId('comment.edited')).toBeVisible();
    expect((await readThread(request, DOOR_OPEN)).find((c) => c.id === id)?.text).toBe(edited);

    // Delete asks inline first; "No, keep it" keeps it.
    await item.getByTestId('comment.delete').click();
    await item.getByTestId('comment.cancel-delete').click();
    await expect(item.getByTestId('comment.body')).toHaveText(edited);
    await item.getByTestId('comment.delete').click();
    await item.getByTestId('comment.confirm-delete').click();
    await expect(item).toHaveCount(0);
    expect((await readThread(request, DOOR_OPEN)).map((c) => c.id)).not.toContain(id);

    // Rate it 3: the crowd line shows the average and count, and the choice is checked.
    const three = vote.getByRole('radio', { name: '3 High' });
    await three.click();
    await expect(three).toHaveAttribute('aria-checked', 'true');
    await expect(vote.getByTestId('vote.summary')).toContainText('3.0 · 1');
    await expect(vote.getByTestId('vote.mine')).toContainText('Your rating: 3');
    await expect.poll(async () => (await readVote(page.request, DOOR_OPEN, me)).mine).toBe(3);

    // The arrow keys move the rating, as in any radio group.
    await page.keyboard.press('ArrowRight');
    await expect(vote.getByRole('radio', { name: '4 Decisive' })).toHaveAttribute('aria-checked', 'true');
    await expect(vote.getByRole('radio', { name: '4 Decisive' })).toBeFocused();
    await expect(vote.getByTestId('vote.summary')).toContainText('4.0 · 1');
    await expect.poll(async () => (await readVote(page.request, DOOR_OPEN, me)).mine).toBe(4);

    await vote.getByTestId('vote.withdraw').click();
    await expect(vote.getByTestId('vote.summary')).toHaveText('No ratings yet');
    await expect(vote.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect.poll(async () => (await readVote(page.request, DOOR_OPEN, me)).rating.count).toBe(0);
  } finally {
    // Leave the seeded claim without this test's comment or vote, even when it failed half-way.
    await page.request.put(url.vote(DOOR_OPEN), { headers: me.headers, data: { value: null } });
    for (const c of await readThread(request, DOOR_OPEN, me)) {
      if (c.mine) await request.delete(url.comment(c.id), { headers: me.headers });
    }
  }
});

test('the live stream never shows the secret that owns a comment', async ({ request, baseURL }) => {
  const secret = `owner-${randomUUID()}`;
  const view = await readMap(request);
  const claim = view.nodes.find((n) => n.kind === 'claim')!;
  const controller = new AbortController();
  const stream = await fetch(`${baseURL}/api/maps/${SLUG}/events?after=${view.lastEventId}`, { signal: controller.signal });
  const live = new LiveStream(stream);
  const response = await request.post(`/api/maps/${SLUG}/nodes/${encodeURIComponent(claim.id)}/comments`, {
    headers: { 'X-Argmap-Owner': secret, 'X-Argmap-Client': 'public-id-1' },
    data: { text: 'Is anyone watching my key?' },
  });
  expect(response.status()).toBe(201);
  // The whole event (to its blank line), so a secret later in the same event would be seen.
  const text = await live
    .until('comment.created event for the new comment', 5_000, (sent) => /comment\.created[\s\S]*?\n\n/.test(sent))
    .finally(() => controller.abort());
  expect(text).toContain('comment.created');
  expect(text).not.toContain(secret);
  expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'));
  const { comment } = await response.json();
  await request.delete(`/api/maps/${SLUG}/comments/${comment.id}`, { headers: { 'X-Argmap-Owner': secret } });
});
