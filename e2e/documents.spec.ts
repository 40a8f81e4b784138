import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { slugify } from '../lib/argument/interchange/map-slug';
import { ESSAY_TEXT_MAX_BYTES } from '../lib/validation/limits';
import { distinctive, expectError, readMap } from './support/api';

// "Map any essay": POST /api/documents, the suggestions endpoint, PATCH rename/archive/restore, the
// /new page (paste and upload, and what it refuses) and the home page's list. Every document gets
// a distinctive title, so its slug is new in this run and "nothing was written" can be checked by
// asking for the slug it would have had.

const ESSAY = [
  'Why Our Town Needs a Library',
  '',
  '  Our town should build a public library before the next school year.',
  '',
  'Because most families here cannot afford to buy books, children read less than they could. A 2023 survey of 400 parents found that 61 percent had no bookshop within reach.\r\n',
  'Therefore a library is the cheapest way to close that gap. “A library is the only place where you are not a customer,” as one librarian put it.',
  '',
].join('\n');

/** POST /api/documents, expecting 201 `{ document: { slug }, map: { slug } }`; returns the map's slug. */
async function createDocument(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const response = await request.post('/api/documents', { data: body });
  const text = await response.text();
  expect(response.status(), text).toBe(201);
  const created = JSON.parse(text) as { document: { slug: string }; map: { slug: string } };
  expect(created).toEqual({ document: { slug: expect.any(String) }, map: { slug: expect.any(String) } });
  expect(response.headers()['location']).toBe(`/api/maps/${created.map.slug}`);
  return created.map.slug;
}

/** Expects that no map has `slug` (a refused create wrote nothing). */
async function expectNoMap(request: APIRequestContext, slug: string) {
  await expectError(await request.get(`/api/maps/${slug}`), 404);
}

test.describe('POST /api/documents', () => {
  test('201: the essay is stored exactly as given, with an empty open map on it', async ({ request }) => {
    const title = distinctive('library essay');
    const slug = await createDocument(request, { title, author: '  Jane Roe ', source: 'The Daily Courier, 2024', text: ESSAY });
    expect(slug).toBe(slugify(title));
    const view = await readMap(request, slug);
    expect(view.document).toEqual({ slug, title, author: 'Jane Roe', source: 'The Daily Courier, 2024', published: null, text: ESSAY });
    expect(view.map).toMatchObject({ slug, title, policy: 'open' });
    expect(view.nodes).toEqual([]);
    // Another essay with the same title gets the next slug.
    expect(await createDocument(request, { title, text: 'A second text.' })).toBe(`${slug}-2`);
  });

  test('a map is never given the slug "new" (that is the page that makes maps)', async ({ request }) => {
    const slug = await createDocument(request, { title: 'New', text: 'We should read more.' });
    expect(slug).not.toBe('new');
    expect(slug).toMatch(/^new-\d+$/);
  });

  for (const { name, body, path } of [
    { name: 'empty text', body: { text: '' }, path: ['text'] },
    { name: 'whitespace-only text', body: { text: ' \n\r\n\t ' }, path: ['text'] },
    { name: 'no text', body: {}, path: ['text'] },
    { name: 'a blank title', body: { title: '   ', text: 'Text.' }, path: ['title'] },
    { name: 'text that is not a string', body: { text: 42 }, path: ['text'] },
    { name: 'an unknown field', body: { text: 'Text.', ownerId: 'someone' }, path: [] },
  ]) {
    test(`400 for ${name}, and nothing is written`, async ({ request }) => {
      const title = distinctive(`refused ${name}`);
      const response = await request.post('/api/documents', { data: { title, ...body } });
      await expectError(response, 400, path);
      await expectNoMap(request, slugify(title));
    });
  }

  test('413 for an essay over 200 KB in UTF-8 bytes (characters that take 2 bytes count twice), and nothing is written', async ({ request }) => {
    const title = distinctive('too big');
    const text = 'é'.repeat(ESSAY_TEXT_MAX_BYTES / 2 + 1);
    const body = await expectError(await request.post('/api/documents', { data: { title, text } }), 413, ['text']);
    expect(body.error.message).toMatch(/limit is 200 KB/);
    await expectNoMap(request, slugify(title));
    // Exactly at the limit is fine.
    await createDocument(request, { title: distinctive('at the limit'), text: 'a'.repeat(ESSAY_TEXT_MAX_BYTES) });
  });

  test('415 for a body that is not JSON, and nothing is written', async ({ request }) => {
    const title = distinctive('form post');
    const response = await request.post('/api/documents', { headers: { 'Content-Type': 'text/plain' }, data: `title=${title}&text=Hello.` });
    await expectError(response, 415);
    await expectNoMap(request, slugify(title));
  });

  test('signed in, the creator owns the new map: only they may rename, archive or change its policy', async ({ baseURL }) => {
    const owner = await playwrightRequest.newContext({ baseURL });
    const username = `essayist${Date.now()}${Math.floor(Math.random() * 1000)}`;
    expect((await owner.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } })).status()).toBe(201);
    const slug = await createDocument(owner, { title: distinctive('owned essay'), text: ESSAY });
    expect((await readMap(owner, slug)).viewer.role).toBe('owner');

    const stranger = await playwrightRequest.newContext({ baseURL });
    expect((await readMap(stranger, slug)).viewer.role).toBe('editor'); // open, like an import
    await expectError(await stranger.patch(`/api/maps/${slug}`, { data: { title: 'Taken over' } }), 403);
    await expectError(await stranger.patch(`/api/maps/${slug}`, { data: { archived: true } }), 403);
    expect((await readMap(stranger, slug)).map.title).not.toBe('Taken over');

    const renamed = await owner.patch(`/api/maps/${slug}`, { data: { title: 'Owner’s name for it', archived: true } });
    expect(renamed.status(), await renamed.text()).toBe(200);
    expect(await renamed.json()).toEqual({
      slug,
      title: 'Owner’s name for it',
      archived: true,
      archivedAt: expect.any(String),
      policy: 'open',
      anonymous: false,
    });

    // Members only: the document's suggestions are then hidden from strangers too (404, not 403).
    expect((await owner.patch(`/api/maps/${slug}`, { data: { policy: 'invite' } })).status()).toBe(200);
    const documentSlug = (await readMap(owner, slug)).document.slug;
    expect((await owner.get(`/api/documents/${documentSlug}/suggestions`)).status()).toBe(200);
    await expectError(await stranger.get(`/api/documents/${documentSlug}/suggestions`), 404);
    await owner.dispose();
    await stranger.dispose();
  });
});

test.describe('GET /api/documents/{slug}/suggestions', () => {
  test('200: sentences of the essay with a kind and a reason, offsets into the stored text', async ({ request }) => {
    const slug = await createDocument(request, { title: distinctive('suggest'), text: ESSAY });
    const documentSlug = (await readMap(request, slug)).document.slug;
    const response = await request.get(`/api/documents/${documentSlug}/suggestions`);
    expect(response.status(), await response.text()).toBe(200);
    const { suggestions, truncated } = (await response.json()) as {
      suggestions: { start: number; end: number; kind: string; reason: string }[];
      truncated: boolean;
    };
    expect(truncated).toBe(false);
    for (const s of suggestions) {
      expect(Object.keys(s).sort()).toEqual(['end', 'kind', 'reason', 'start']);
      expect(['thesis', 'claim', 'premise', 'evidence']).toContain(s.kind);
      expect(s.reason).toMatch(/^[A-Z].*\.$/);
    }
    const byText = Object.fromEntries(suggestions.map((s) => [ESSAY.slice(s.start, s.end), s.kind]));
    expect(byText).toMatchObject({
      'Our town should build a public library before the next school year.': 'thesis',
      'Because most families here cannot afford to buy books, children read less than they could.': 'premise',
      'A 2023 survey of 400 parents found that 61 percent had no bookshop within reach.': 'evidence',
      'Therefore a library is the cheapest way to close that gap.': 'claim',
    });
  });

  test('the seeded op-ed: one thesis candidate, in its closing paragraph', async ({ request }) => {
    const view = await readMap(request);
    const { suggestions } = (await (await request.get(`/api/documents/${view.document.slug}/suggestions`)).json()) as {
      suggestions: { start: number; end: number; kind: string }[];
    };
    const theses = suggestions.filter((s) => s.kind === 'thesis');
    expect(theses).toHaveLength(1);
    expect(view.document.text.slice(theses[0].start, theses[0].end)).toContain('the time is now to engage');
  });

  test('404 for an unknown document', async ({ request }) => {
    await expectError(await request.get('/api/documents/no-such-document/suggestions'), 404);
    await expectError(await request.get('/api/documents/NOT%20A%20SLUG/suggestions'), 404);
  });
});

test.describe('PATCH /api/maps/{slug}: rename, archive, restore', () => {
  test('on an ownerless open map any editor renames and archives; the map stays reachable; history says who', async ({ request }) => {
    const slug = await createDocument(request, { title: distinctive('ownerless'), text: ESSAY });
    const rename = await request.patch(`/api/maps/${slug}`, { data: { title: 'Library case' }, headers: { 'X-Argmap-Name': 'Ana' } });
    expect(rename.status(), await rename.text()).toBe(200);
    expect(await rename.json()).toMatchObject({ slug, title: 'Library case', archived: false, archivedAt: null });
    const archive = await request.patch(`/api/maps/${slug}`, { data: { archived: true } });
    expect(await archive.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expect((await readMap(request, slug)).map.title).toBe('Library case');
    const restore = await request.patch(`/api/maps/${slug}`, { data: { archived: false } });
    expect(await restore.json()).toMatchObject({ archived: false, archivedAt: null });
    const history = (await (await request.get(`/api/maps/${slug}/history`)).json()) as { events: { type: string; actor: string }[] };
    expect(history.events.filter((e) => e.type === 'map.updated')).toHaveLength(3);
    expect(history.events).toContainEqual(expect.objectContaining({ type: 'map.updated', actor: 'Ana' }));
  });

  test('policy stays owner-only; bad bodies are refused with issues and change nothing', async ({ request }) => {
    const slug = await createDocument(request, { title: distinctive('policy'), text: ESSAY });
    const before: MapView = await readMap(request, slug);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: { policy: 'read-only' } }), 403);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: { title: 'Sneaky', policy: 'invite' } }), 403);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: {} }), 400, []);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: { archived: 'yes' } }), 400, ['archived']);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: { title: '' } }), 400, ['title']);
    await expectError(await request.patch(`/api/maps/${slug}`, { data: { slug: 'other' } }), 400, []);
    const after = await readMap(request, slug);
    expect(after.map).toEqual(before.map);
    await expectError(await request.patch('/api/maps/no-such-map', { data: { archived: true } }), 404);
  });
});

/** Counts POSTs to /api/documents made by the page, to prove a refused form sent nothing. */
function countDocumentPosts(page: Page): () => number {
  let count = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/documents') count++;
  });
  return () => count;
}

test.describe('the “New map from an essay” page', () => {
  test('from the home page: paste an essay, create the map, land on it with the text stored exactly', async ({ page, request }) => {
    await page.goto('/');
    await page.getByTestId('home.new-map').click();
    await expect(page).toHaveURL(/\/new$/);
    await expect(page.getByRole('heading', { name: 'New map from an essay' })).toBeVisible();
    const title = distinctive('pasted');
    await page.getByTestId('new-map.title').fill(title);
    await page.getByTestId('new-map.author').fill('Jane Roe');
    // A textarea turns CRLF into LF as it is typed or pasted (the HTML standard); what it holds is sent as is.
    const pasted = ESSAY.replace(/\r\n/g, '\n');
    await page.getByTestId('new-map.text').fill(pasted);
    await expect(page.getByTestId('new-map.size')).toHaveText(/^1 KB of 200 KB$/);
    await page.getByTestId('new-map.submit').click();
    await expect(page).toHaveURL(new RegExp(`/maps/${slugify(title)}$`));
    const view = await readMap(request, slugify(title));
    expect(view.document).toMatchObject({ title, author: 'Jane Roe', text: pasted });
  });

  test('upload a .md file: read in the browser, title from the file name, stored byte for byte', async ({ page, request }) => {
    const name = `${distinctive('upload').replace(/[^a-z0-9]+/gi, '-')}.md`;
    const content = '# A heading\r\n\r\n  We must protect the river. Because the town drinks from it, pollution harms everyone — “all of us”.\r\n';
    await page.goto('/new');
    await page.getByTestId('new-map.file').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(content, 'utf8') });
    await expect(page.getByTestId('new-map.file-name')).toHaveText(name);
    await expect(page.getByTestId('new-map.text')).toHaveValue(content.replace(/\r\n/g, '\n'));
    const title = await page.getByTestId('new-map.title').inputValue();
    expect(title.length).toBeGreaterThan(0);
    await page.getByTestId('new-map.submit').click();
    await expect(page).toHaveURL(new RegExp(`/maps/${slugify(title)}$`));
    expect((await readMap(request, slugify(title))).document.text).toBe(content);
  });

  for (const { name, file, message } of [
    {
      name: 'a file of another type',
      file: { name: 'essay.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 …') },
      message: /“essay.pdf” is not a text file/,
    },
    { name: 'an empty file', file: { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, message: /“empty.txt” is empty/ },
    { name: 'a blank file', file: { name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n\t\n') }, message: /only blank space/ },
    {
      name: 'a file over 200 KB',
      file: { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(ESSAY_TEXT_MAX_BYTES + 1, 'a') },
      message: /“huge.txt” is too large\. The essay is 201 KB; the limit is 200 KB\./,
    },
  ]) {
    test(`refuses ${name} with a message, before sending anything`, async ({ page }) => {
      const posts = countDocumentPosts(page);
      await page.goto('/new');
      await page.getByTestId('new-map.title').fill(distinctive('refused file'));
      await page.getByTestId('new-map.file').setInputFiles(file);
      await expect(page.getByTestId('new-map.file-error')).toHaveText(message);
      await expect(page.getByTestId('new-map.text')).toHaveValue('');
      await page.getByTestId('new-map.submit').click();
      await expect(page.getByTestId('new-map.text-error')).toHaveText(/The essay is empty/);
      await expect(page).toHaveURL(/\/new$/);
      expect(posts()).toBe(0);
    });
  }

  test('refuses an empty title and pasted text over 200 KB inline, sending nothing', async ({ page }) => {
    const posts = countDocumentPosts(page);
    await page.goto('/new');
    await page.getByTestId('new-map.text').fill('x'.repeat(ESSAY_TEXT_MAX_BYTES + 2048));
    await expect(page.getByTestId('new-map.size')).toHaveText('202 KB of 200 KB');
    await page.getByTestId('new-map.submit').click();
    await expect(page.getByTestId('new-map.title-error')).toHaveText('Give the map a title.');
    await expect(page.getByTestId('new-map.text-error')).toHaveText('The essay is 202 KB; the limit is 200 KB.');
    await expect(page.getByTestId('new-map.text')).toHaveAttribute('aria-invalid', 'true');
    expect(posts()).toBe(0);
  });

  test('the server’s refusal is shown inline at the field its issue names', async ({ page }) => {
    await page.route('**/api/documents', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'The request is not valid.', issues: [{ path: ['source'], message: 'That source is not allowed.' }] } }),
      }),
    );
    await page.goto('/new');
    await page.getByTestId('new-map.title').fill('Any');
    await page.getByTestId('new-map.source').fill('Somewhere');
    await page.getByTestId('new-map.text').fill('We should act.');
    await page.getByTestId('new-map.submit').click();
    await expect(page.getByTestId('new-map.source-error')).toHaveText('That source is not allowed.');
    await expect(page).toHaveURL(/\/new$/);
  });
});

test.describe('the home page', () => {
  test('lists the new map under its essay with its counts; rename, archive (still reachable) and restore from the card menu', async ({ page, request }) => {
    const title = distinctive('home card');
    const slug = await createDocument(request, { title, author: 'Jane Roe', text: ESSAY });
    await page.goto('/');
    const card = page.getByTestId('home.documents').locator(`[data-testid="home.map"][data-slug="${slug}"]`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('home.map-nodes')).toHaveText('0 points');
    await expect(card).toContainText('Last activity');
    const seeded = page.locator('[data-testid="home.map"][data-slug="negotiate-now"]');
    await expect(seeded.getByTestId('home.map-nodes')).toHaveText(/^\s*\d+ points$/);

    // Rename in a dialog.
    await card.getByTestId('home.map-menu').click();
    await page.getByTestId('home.map-rename').click();
    await expect(page.getByTestId('rename.title')).toHaveValue(title);
    await page.getByTestId('rename.title').fill('');
    await page.getByTestId('rename.submit').click();
    await expect(page.getByTestId('rename.error')).toHaveText('Give the map a title.');
    const renamed = `${title} (renamed)`;
    await page.getByTestId('rename.title').fill(renamed);
    await page.getByTestId('rename.submit').click();
    await expect(card.getByTestId('home.map-link')).toHaveText(renamed);
    expect((await readMap(request, slug)).map.title).toBe(renamed);

    // Archive: the card leaves the list for the Archived section; its address still works.
    await card.getByTestId('home.map-menu').click();
    await page.getByTestId('home.map-archive').click();
    const archivedCard = page.getByTestId('home.archived').locator(`[data-testid="home.map"][data-slug="${slug}"]`);
    await expect(archivedCard).toBeVisible();
    await expect(card).toHaveCount(0);
    expect((await readMap(request, slug)).map.title).toBe(renamed);

    // Restore: back in the list.
    await archivedCard.getByTestId('home.map-restore').click();
    await expect(card).toBeVisible();
    await expect(archivedCard).toHaveCount(0);
  });

  test('a map owned by someone else shows no rename/archive menu to a stranger', async ({ page, baseURL }) => {
    const owner = await playwrightRequest.newContext({ baseURL });
    const username = `homeowner${Date.now()}${Math.floor(Math.random() * 1000)}`;
    expect((await owner.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } })).status()).toBe(201);
    const slug = await createDocument(owner, { title: distinctive('owned card'), text: ESSAY });
    await page.goto('/');
    const card = page.locator(`[data-testid="home.map"][data-slug="${slug}"]`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('home.map-menu')).toHaveCount(0);
    await owner.dispose();
  });
});

/** Where the screenshots go: test-results/ unless ARGMAP_SHOTS names another folder. */
const SHOTS = process.env.ARGMAP_SHOTS ?? 'test-results';

test.describe('screenshots', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`the new-map page and the home page at ${viewport.width}×${viewport.height}`, async ({ page, request }) => {
      // An archived map, so the Archived section shows.
      const slug = await createDocument(request, { title: distinctive('archived for the picture'), author: 'Jane Roe', text: ESSAY });
      expect((await request.patch(`/api/maps/${slug}`, { data: { archived: true } })).status()).toBe(200);
      await page.setViewportSize(viewport);
      await page.goto('/new');
      await page.getByTestId('new-map.title').fill('Why Our Town Needs a Library');
      await page.getByTestId('new-map.author').fill('Jane Roe');
      await page.getByTestId('new-map.text').fill(ESSAY);
      await page.screenshot({ path: `${SHOTS}/new-map-${viewport.width}x${viewport.height}.png`, fullPage: true });
      await page.goto('/');
      await expect(page.getByTestId('home.archived')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/home-${viewport.width}x${viewport.height}.png`, fullPage: true });
    });
  }
});
