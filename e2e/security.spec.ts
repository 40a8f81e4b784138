import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { SLUG, api, readMap } from './support/api';

/**
 * Security headers on every page and API answer, a CSP that the app runs under without a single
 * violation (canvas, layout worker, PNG export, QR code), and stored script-looking input that
 * renders as the literal text a person typed.
 */

const XSS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  link: '<a href="javascript:alert(1)">click me</a>',
  bare: 'javascript:alert(1)',
  html: '<b>bold</b><iframe src="javascript:alert(1)"></iframe>',
};

/** Records CSP violations (the DOM event and Chromium's console report), script errors and dialogs. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to (load|execute|apply|create|connect|frame)/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('worker', (worker) => worker.on('console', (message) => void (message.type() === 'error' && problems.push(`worker: ${message.text()}`))));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return async () => {
    const inPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
    return [...problems, ...inPage.map((v) => `violation: ${v}`)];
  };
}

async function openMap(page: Page, slug = SLUG) {
  await page.goto(`/maps/${slug}`);
  await expect(page.getByTestId('map.title')).toBeVisible();
  // The layout worker has placed the cards.
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  await expect(page.getByTestId('canvas.node').first()).toBeVisible();
}

/** A class copy of the demo map owned by a new account (signed in on `request`): its slug and invite code. */
async function classCopy(request: APIRequestContext): Promise<{ slug: string; code: string }> {
  const username = `sec${Date.now().toString(36)}`;
  expect((await request.post('/api/auth/signup', { data: { username, password: 'a long password' } })).status()).toBe(201);
  const copy = await request.post(`/api/maps/${SLUG}/copies`, { data: { title: 'Security copy', className: 'Period 1' } });
  expect(copy.status(), await copy.text()).toBe(201);
  const { map, invite } = await copy.json();
  return { slug: map.slug, code: invite.code };
}

const PAGES = ['/', `/maps/${SLUG}`, '/signin', '/new', `/maps/${SLUG}/brief`];

test.describe('security headers', () => {
  // The look-alikes of static files are 404 pages too, and need the page policy (proxy.ts matcher).
  for (const path of [...PAGES, '/no-such-page', '/favicon.ico.html', '/robots.txt/more', '/icon.svgz', '/_next/imagex']) {
    test(`page ${path}: CSP with a fresh nonce, no eval, no framing, nosniff, referrer policy`, async ({ request }) => {
      const first = await request.get(path);
      const headers = first.headers();
      const csp = headers['content-security-policy'];
      expect(csp, 'Content-Security-Policy').toBeTruthy();
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['permissions-policy']).toContain('camera=()');
      // The page's scripts carry this request's nonce; the next request gets another.
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      if (first.status() === 200) expect(await first.text()).toContain(`nonce="${nonce}"`);
      const again = (await request.get(path)).headers()['content-security-policy'];
      expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);
    });
  }

  for (const path of [api.map(), '/api/health', '/api/maps/no-such-map', '/api/schemes']) {
    test(`API ${path}: nothing may run or frame it, nosniff, referrer policy`, async ({ request }) => {
      const headers = (await request.get(path)).headers();
      expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
    });
  }

  test('a refused cross-site change also carries the headers', async ({ request }) => {
    const response = await request.post(api.nodes(), { data: { kind: 'claim', text: 'From elsewhere' }, headers: { origin: 'https://evil.example' } });
    expect(response.status()).toBe(403);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('the app runs under its CSP without a violation', () => {
  for (const path of ['/', '/signin', '/new', `/maps/${SLUG}/brief`]) {
    test(`page ${path}`, async ({ page }) => {
      const problems = await watch(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      // Hydrated: React attached its handlers (a client-rendered page would be blank without scripts).
      await expect(page.locator('body')).not.toBeEmpty();
      expect(await problems()).toEqual([]);
    });
  }

  test('map page: canvas, layout worker and PNG export', async ({ page }) => {
    const problems = await watch(page);
    await openMap(page);
    await page.getByTestId('map.export').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export.png').click();
    const download = await downloading;
    const { readFileSync } = await import('node:fs');
    expect(
      readFileSync(await download.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(await problems()).toEqual([]);
  });

  test('join page, and the owner’s share dialog with its QR code (a data: image)', async ({ page, browser, baseURL }) => {
    const { slug, code } = await classCopy(page.request);
    const problems = await watch(page);
    await openMap(page, slug);
    await page.getByTestId('map.share').click();
    await expect(page.getByTestId('share.qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect.poll(() => page.getByTestId('share.qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await problems()).toEqual([]);

    const visitor = await browser.newContext({ baseURL });
    const joinPage = await visitor.newPage();
    const joinProblems = await watch(joinPage);
    await joinPage.goto(`/join/${code}`);
    await expect(joinPage.getByTestId('join.name')).toBeVisible();
    await joinPage.waitForLoadState('networkidle');
    expect(await joinProblems()).toEqual([]);
    await visitor.close();
  });
});

test.describe('stored markup renders as text', () => {
  test('node text and comments on the map page', async ({ page, request }) => {
    const view = await readMap(request);
    const thesis = view.nodes.find((n) => n.kind === 'thesis')!;
    const texts = Object.values(XSS).map((payload, i) => `${payload} #${i}`);
    const ids: string[] = [];
    for (const text of texts) {
      const response = await request.post(api.nodes(), {
        data: { kind: 'claim', text, target: thesis.id, relation: 'supports', author: XSS.img.slice(0, 60) },
      });
      expect(response.status(), await response.text()).toBe(201);
      ids.push((await response.json()).node.id);
    }
    const comment = await request.post(`/api/maps/${SLUG}/nodes/${encodeURIComponent(ids[0])}/comments`, {
      data: { text: `${XSS.script} ${XSS.link} ${XSS.img}`, author: XSS.html.slice(0, 60) },
    });
    expect(comment.status(), await comment.text()).toBe(201);

    const problems = await watch(page);
    await openMap(page);
    for (const [i, text] of texts.entries()) {
      const card = page.locator(`[data-testid="canvas.node"][data-node-id="${ids[i]}"]`);
      await expect(card).toContainText(text);
    }
    // The new cards have no saved position: the layout worker placed them.
    await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' }), `layout worker finished; ${(await problems()).join(' | ')}`).toHaveCount(
      0,
      { timeout: 15_000 },
    );
    // The card may sit outside the visible part of the canvas; a click event selects it wherever it is.
    await page.locator(`[data-testid="canvas.node"][data-node-id="${ids[0]}"]`).dispatchEvent('click');
    await page.getByTestId('inspector.tab-discussion').click();
    await expect(page.getByTestId('comment.body').first()).toHaveText(`${XSS.script} ${XSS.link} ${XSS.img}`);
    await expectNothingInjected(page);
    expect(await problems()).toEqual([]);
  });

  test('an essay made with POST /api/documents, and its brief', async ({ page, request }) => {
    const text = `An essay that tries its luck. ${XSS.img} Then ${XSS.script} and ${XSS.link}. Also ${XSS.html} and ${XSS.bare}. The end of the essay.`;
    const created = await request.post('/api/documents', { data: { title: `Essay ${XSS.img}`, author: XSS.script, source: XSS.bare, text } });
    expect(created.status(), await created.text()).toBe(201);
    const { map } = await created.json();
    const problems = await watch(page);
    await page.goto(`/maps/${map.slug}`);
    await expect(page.getByTestId('map.title')).toContainText(`Essay ${XSS.img}`);
    await expect(page.getByText(XSS.script, { exact: false }).first()).toBeVisible();
    await expectNothingInjected(page);
    await page.goto(`/maps/${map.slug}/brief`);
    await page.waitForLoadState('networkidle');
    await expectNothingInjected(page);
    expect(await problems()).toEqual([]);
  });

  test('a map imported from Argdown', async ({ page, request }) => {
    // Argdown reads `<…>` as an argument's name, so the file escapes it (`\\<`), as a person writing one would.
    const argdown = (text: string) => text.replace(/</g, '\\<');
    const content = `[Thesis]: ${argdown(XSS.img)} is the thesis.\n  <+ [Reason]: ${argdown(XSS.link)} supports it.\n  <- [Objection]: ${argdown(XSS.html)} attacks it.\n`;
    const imported = await request.post('/api/maps/import', { data: { format: 'argdown', title: `Imported ${XSS.img}`, content } });
    expect(imported.status(), await imported.text()).toBe(201);
    const { map } = await imported.json();
    const problems = await watch(page);
    await openMap(page, map.slug);
    await expect(page.getByTestId('map.title')).toContainText(`Imported ${XSS.img}`);
    await expect(page.getByTestId('canvas.node').filter({ hasText: `${XSS.img} is the thesis.` })).toBeVisible();
    await expect(page.getByTestId('canvas.node').filter({ hasText: `${XSS.link} supports it.` })).toBeVisible();
    await expectNothingInjected(page);
    expect(await problems()).toEqual([]);
  });
});

/** No element the payloads would have made exists, and no `javascript:` URL is live. */
async function expectNothingInjected(page: Page) {
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    // Next's own scripts carry the page data (essay included) as escaped JSON; an injected script is one whose code is the payload.
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.trim() === 'alert(1)').length,
    jsLinks: [...document.querySelectorAll('[href], [src]')].filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? ''))
      .length,
    bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    iframes: document.querySelectorAll('iframe').length,
  }));
  expect(found).toEqual({ img: 0, inlineScripts: 0, jsLinks: 0, bold: 0, iframes: 0 });
}
