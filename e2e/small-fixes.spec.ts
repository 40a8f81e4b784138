import { expect, test, type Browser } from '@playwright/test';
import { SLUG } from './support/api';

/**
 * The smaller defects of issue 11, each as a person meets it: a malformed invite link, the legend
 * over the cards, the downloaded brief's link, a broken Argdown file, and the files a browser or a
 * link preview asks for by name (public/).
 */

/** A class copy of the op-ed map by a new teacher: its invite code. */
async function classCode(browser: Browser, baseURL: string): Promise<string> {
  const teacher = await browser.newContext({ baseURL });
  const username = `fixes${Date.now()}${Math.floor(Math.random() * 1000)}`;
  expect((await teacher.request.post('/api/auth/signup', { data: { username, password: 'correct horse battery' } })).status()).toBe(201);
  const copy = await teacher.request.post(`/api/maps/${SLUG}/copies`, { data: { title: `Fixes ${username}` } });
  expect(copy.status(), await copy.text()).toBe(201);
  const { invite } = (await copy.json()) as { invite: { code: string } };
  await teacher.close();
  return invite.code;
}

test.describe('invite links as students paste them', () => {
  test('a link ending in the full stop of a sentence, in lower case, still joins', async ({ browser, baseURL, page }) => {
    const code = await classCode(browser, baseURL!);
    await page.goto(`/join/${code.toLowerCase()}.`);
    await expect(page.getByTestId('join.link-code')).toHaveText(code);
    await expect(page.getByTestId('join.link-error')).toHaveCount(0);
    await page.getByTestId('join.name').fill('Ada');
    await page.getByTestId('join.submit').click();
    await expect(page).toHaveURL(/\/maps\/(?!negotiate-now)[^/]+$/);
  });

  for (const [link, shown] of [
    ['!!', '!!'],
    ['GF%20MYKK', 'GF MYKK'],
  ]) {
    test(`/join/${link} says what is wrong and asks for the code`, async ({ page }) => {
      await page.goto(`/join/${link}`);
      const error = page.getByTestId('join.link-error');
      await expect(error).toBeVisible();
      await expect(error).toContainText(`“${shown}” is not an invite code. Codes are 6 letters and digits, like GFMYKK — check the link your teacher sent.`);
      await expect(page.getByTestId('join.code')).toBeVisible();
      await expect(page.getByTestId('join.code')).toBeFocused();
      if (link === '!!') await page.screenshot({ path: '/tmp/h5-join-error.png' });
      // A typed code that is still wrong says so under the field, before anything is sent.
      await page.getByTestId('join.code').fill('12 34');
      await page.getByTestId('join.name').fill('Ada');
      await page.getByTestId('join.submit').click();
      await expect(page.getByTestId('join.code-error')).toContainText('“12 34” is not an invite code.');
    });
  }
});

test('the legend is open on a first visit and starts collapsed on every later one', async ({ page }) => {
  await page.goto(`/maps/${SLUG}`);
  const legend = page.getByTestId('canvas.legend');
  await expect(legend.getByTestId('canvas.legend-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(legend).toContainText('Objection');
  await page.reload();
  await expect(page.getByTestId('canvas.node').first()).toBeVisible();
  await expect(legend.getByTestId('canvas.legend-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(legend).not.toContainText('Objection');
  const box = (await legend.boundingBox())!;
  expect(box.width).toBeLessThan(160);
  await page.screenshot({ path: '/tmp/h5-legend-collapsed.png' });
  // Opened on purpose, it stays open.
  await legend.getByTestId('canvas.legend-toggle').click();
  await expect(legend).toContainText('Objection');
  await page.reload();
  await expect(legend.getByTestId('canvas.legend-toggle')).toHaveAttribute('aria-expanded', 'true');
});

test('the downloaded and the printed brief link to the map at the address the class typed', async ({ browser, baseURL }) => {
  // The same server, reached by its IP address rather than "localhost".
  const typed = baseURL!.replace('localhost', '127.0.0.1');
  const context = await browser.newContext({ baseURL: typed });
  const markdown = await (await context.request.get(`/api/maps/${SLUG}/brief?side=affirmative&format=markdown`)).text();
  expect(markdown).toContain(`${typed}/maps/${SLUG}`);
  expect(markdown).not.toContain('localhost');
  const page = await context.newPage();
  await page.goto(`/maps/${SLUG}/brief`);
  await expect(page.locator(`a[href="${typed}/maps/${SLUG}"]`)).toHaveCount(1);
  await context.close();
});

test('the brief counts one of a thing in the singular', async ({ page, request }) => {
  const content = '[T]: We should act now. #thesis\n  + [R]: Waiting makes it worse. #claim\n    - [O]: Acting now would be rushed. #objection';
  const made = await request.post('/api/maps/import', { data: { format: 'argdown', title: `One of each ${Date.now()}`, content } });
  expect(made.status(), await made.text()).toBe(201);
  const { map } = (await made.json()) as { map: { slug: string } };
  await page.goto(`/maps/${map.slug}/brief?side=affirmative`);
  const glance = page.getByTestId('brief.summary').getByRole('listitem');
  await expect(glance.nth(0)).toHaveText('1reason for the thesis');
  await expect(glance.nth(1)).toHaveText(/^1of 1 negative attack unanswered$/);
});

test('a broken Argdown file is refused in the import dialog with its line and column', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('home.import').click();
  await page.getByTestId('import.content').fill('[A]: claim\n  + <B: unclosed\n  - [');
  await page.getByTestId('import.title').fill('Broken file');
  await page.getByTestId('import.submit').click();
  const error = page.getByTestId('import.error');
  await expect(error).toContainText('Line 2, column 5: “<” opens an argument title that is never closed.');
  await expect(error).toContainText('Line 3, column 5: “[” opens a statement title that is never closed.');
  await expect(page).toHaveURL(/\/$/);
  await page.screenshot({ path: '/tmp/h5-argdown-error.png' });
});

test.describe('files a browser or a link preview asks for by name', () => {
  for (const [path, type] of [
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ['/apple-touch-icon.png', /^image\/png/],
    ['/icon-192.png', /^image\/png/],
    ['/icon-512.png', /^image\/png/],
    ['/og-map.png', /^image\/png/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
    ['/robots.txt', /^text\/plain/],
  ] as const) {
    test(`${path} is served`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(type);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect((await response.body()).length).toBeGreaterThan(50);
    });
  }

  test('the manifest names icons that exist', async ({ request }) => {
    const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { name: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toBe('Argmap');
    for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  });

  test('pages link the manifest and the icons, and preview with the op-ed map at an absolute URL on this host', async ({ browser, baseURL }) => {
    const typed = baseURL!.replace('localhost', '127.0.0.1');
    const context = await browser.newContext({ baseURL: typed });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/apple-touch-icon.png');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', `${typed}/og-map.png`);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', `${typed}/og-map.png`);
    // A map's link previews by the map's own title and essay, with the same picture.
    await page.goto('/maps/negotiate-now');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Negotiate now? — the case for engaging North Korea');
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /The Time is Now to Negotiate with North Korea.* by Haeyoung Kim/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', `${typed}/og-map.png`);
    await context.close();
  });
});
