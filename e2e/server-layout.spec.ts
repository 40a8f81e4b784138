import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { toAif } from '../lib/argument/interchange/aif';
import { syntheticGraph } from '../bench/synthetic-map';
import { SYNTHETIC_SEED } from '../bench/support/maps';
import { distinctive, readMap } from './support/api';

/**
 * Map pages arrive with their cards' positions, laid out on the server (lib/layout/server-layout.ts):
 * the browser draws them without downloading ELK, and loads its layout Web Worker only when something
 * needs laying out that the page's layouts do not cover (a new point, a fold of the reader's own).
 * Large maps (over 300 points drawn) give React Flow their cards' sizes up front, so only the cards in
 * view enter the page. Each test opens its own browser context, with nothing kept from another.
 */
const OP_ED = '/maps/negotiate-now';

/** What the browser did about layout: the Web Workers it made, and the scripts it downloaded. */
interface Watch {
  page: Page;
  context: BrowserContext;
  /** Workers as Playwright saw them start (`page.on('worker')`). */
  workerEvents: string[];
  /** Every script URL requested, by the page or by a worker (a worker's requests have no frame). */
  scripts: Set<string>;
}

/**
 * A fresh browser (no folds or views kept) at `viewport` that records every `new Worker(...)` the
 * page makes, synchronously, in `window.__argmapWorkers` — before any of the app's scripts run, so
 * a worker made at module load is recorded too — and every script it downloads.
 */
async function watchedPage(browser: Browser, viewport: { width: number; height: number }): Promise<Watch> {
  const context = await browser.newContext({ viewport, storageState: { cookies: [], origins: [] } });
  await context.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { __argmapWorkers: string[] }).__argmapWorkers = made;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        made.push(String(url));
        super(url, options);
      }
    };
  });
  const page = await context.newPage();
  const watch: Watch = { page, context, workerEvents: [], scripts: new Set() };
  page.on('worker', (worker) => watch.workerEvents.push(worker.url()));
  context.on('request', (request) => {
    if (request.resourceType() === 'script' || /\.m?js$/.test(new URL(request.url()).pathname)) watch.scripts.add(request.url());
  });
  return watch;
}

/** The workers the page has made so far (see `watchedPage`). */
function workersMade(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __argmapWorkers: string[] }).__argmapWorkers]);
}

/** Waits for the product's own mark (`argmap:canvas-ready`): the laid-out cards in view, measured and joined. */
async function canvasReady(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('argmap:canvas-ready').length > 0, null, { timeout: 30_000 });
}

/** Two frames: whatever the canvas set in motion on the ready mark (a check of the cards as drawn) has run. */
async function twoFrames(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** ELK's bundled build names its layout options after its Java packages; no other script of the app does. */
const ELK_SIGNATURE = 'org.eclipse.elk';
const elkScriptCache = new Map<string, boolean>();

/** The downloaded scripts that hold ELK (each read once through the API request context). */
async function elkScripts(request: APIRequestContext, scripts: Iterable<string>): Promise<string[]> {
  const found: string[] = [];
  for (const url of scripts) {
    if (!elkScriptCache.has(url)) {
      const response = await request.get(url);
      elkScriptCache.set(url, response.ok() && (await response.text()).includes(ELK_SIGNATURE));
    }
    if (elkScriptCache.get(url)) found.push(url);
  }
  return found;
}

/** Expects that the page made no Web Worker and downloaded no script holding ELK. */
async function expectNoLayoutWorker(watch: Watch) {
  await twoFrames(watch.page);
  expect(await workersMade(watch.page), 'Web Workers made by the page').toEqual([]);
  expect(watch.workerEvents, 'workers Playwright saw start').toEqual([]);
  expect(await elkScripts(watch.page.request, watch.scripts), 'scripts holding ELK').toEqual([]);
}

/** A drawn card in the map's own coordinates (where React Flow placed it, at its drawn size). */
type CardBox = { id: string; x: number; y: number; width: number; height: number };

/**
 * Every card in the page, where React Flow placed it: the node's `translate(x, y)` (its target, so a
 * card still sliding to its place counts where it lands) and its drawn size. Measured in the map's
 * own pixels, so a 1 px tolerance means the same at every zoom. Cards React Flow has not measured
 * yet are invisible (`visibility: hidden`) and left out.
 */
async function drawnCards(page: Page): Promise<CardBox[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node-argument')]
      .filter((el) => el.style.visibility !== 'hidden')
      .map((el) => {
        const at = new DOMMatrixReadOnly(el.style.transform);
        return { id: el.dataset.id ?? '', x: at.e, y: at.f, width: el.offsetWidth, height: el.offsetHeight };
      }),
  );
}

/** Pairs of drawn cards that overlap by more than 1 px each way, as "a × b". */
async function overlappingCards(page: Page): Promise<string[]> {
  const cards = await drawnCards(page);
  const out: string[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i];
      const b = cards[j];
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (across > 1 && down > 1) out.push(`${a.id} × ${b.id}`);
    }
  }
  return out;
}

/** Nodes in the page whose box lies wholly outside the canvas (culling draws only those in view; 2 px allowed). */
async function outsideCanvas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.right < pane.left - 2 || box.left > pane.right + 2 || box.bottom < pane.top - 2 || box.top > pane.bottom + 2;
      })
      .map((el) => el.dataset.id ?? '');
  });
}

/** The viewport's transform once it has stopped moving (the camera animates to a new view). */
async function settledViewport(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true);
  return last;
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`at ${viewport.width}×${viewport.height} the op-ed opens and goes whole from the sent layouts: no layout worker, no overlapping cards`, async ({
    browser,
  }) => {
    const watch = await watchedPage(browser, viewport);
    const { page } = watch;
    await page.goto(OP_ED);
    await canvasReady(page);
    await expect(page.getByTestId('canvas.node').first()).toBeVisible();
    expect(await page.getByTestId('canvas.node').count()).toBeGreaterThanOrEqual(6);
    // Drawn from the page's own layout: the browser neither made a worker nor downloaded ELK,
    // and every card fits the room the server laid it out in.
    await expectNoLayoutWorker(watch);
    expect(await overlappingCards(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/server-layout-opening-${viewport.width}.png` });

    // "Whole map": its layout came with the page too.
    const total = (await readMap(page.request)).nodes.length;
    await page.getByTestId('canvas.whole-map').click();
    await expect(page.getByTestId('canvas.whole-map')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('canvas.node')).toHaveCount(total);
    await expect(page.getByTestId('canvas.drawn-count')).toHaveCount(0);
    // The new cards are drawn first and placed once measured: wait for them to be placed apart.
    await expect.poll(() => overlappingCards(page), { timeout: 10_000 }).toEqual([]);
    expect((await drawnCards(page)).length).toBe(total);
    await settledViewport(page);
    await expectNoLayoutWorker(watch);
    expect(await overlappingCards(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/server-layout-whole-${viewport.width}.png` });
    await watch.context.close();
  });
}

const ESSAY = [
  'Why Our School Should Start Later',
  '',
  'Our school should start at nine instead of eight.',
  '',
  'Teenagers fall asleep late for biological reasons, so an eight o’clock start cuts their sleep short. A district survey found that most students sleep under seven hours on school nights.',
  '',
  'Schools that moved their start later saw attendance rise. However, buses would cost more.',
  '',
].join('\n');

/** A new map of its own (the seeded op-ed stays as other specs expect it): a thesis, two reasons, evidence. */
async function freshMap(request: APIRequestContext): Promise<{ slug: string; reason: string }> {
  const created = await request.post('/api/documents', { data: { title: distinctive('later start'), author: 'A. Student', text: ESSAY } });
  expect(created.status(), await created.text()).toBe(201);
  const slug = ((await created.json()) as { map: { slug: string } }).map.slug;
  const add = async (data: Record<string, unknown>) => {
    const response = await request.post(`/api/maps/${slug}/nodes`, { data });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { node: { id: string } }).node.id;
  };
  const thesis = await add({ kind: 'thesis', text: 'Our school should start at nine instead of eight.' });
  const sleep = await add({ kind: 'claim', text: 'An eight o’clock start cuts teenagers’ sleep short.', target: thesis, relation: 'supports' });
  await add({ kind: 'evidence', text: 'Most students sleep under seven hours on school nights.', target: sleep, relation: 'supports' });
  await add({ kind: 'claim', text: 'Schools that start later see attendance rise.', target: thesis, relation: 'supports' });
  return { slug, reason: sleep };
}

test('adding a point loads the layout worker on demand, and the new card gets a place of its own', async ({ browser }) => {
  const watch = await watchedPage(browser, { width: 1440, height: 900 });
  const { page } = watch;
  const { slug, reason } = await freshMap(page.request);
  await page.goto(`/maps/${slug}`);
  await canvasReady(page);
  await expect(page.getByTestId('canvas.node')).toHaveCount(4);
  // Even a map made a moment ago opens from the server's layout.
  await expectNoLayoutWorker(watch);
  expect(await overlappingCards(page)).toEqual([]);

  // An objection to a reason, added the way a reader does: no layout was sent for it.
  await page.locator(`[data-testid="canvas.node"][data-node-id="${reason}"]`).click();
  await page.getByTestId('inspector').getByTestId('node.object').click();
  const text = `Students would stay up later still ${Date.now().toString(36)}`;
  await page.getByTestId('composer.text').fill(text);
  await page.getByTestId('composer.submit').click();
  const card = page.getByTestId('canvas.node').filter({ has: page.getByTestId('canvas.node-text').getByText(text, { exact: true }) });
  await expect(card).toBeVisible();
  await expect(page.getByTestId('canvas.node')).toHaveCount(5);

  // ELK came now, in a Web Worker: the page made one, and it downloaded the script that holds ELK.
  await expect.poll(() => workersMade(page)).toHaveLength(1);
  await expect.poll(() => watch.workerEvents.length).toBe(1);
  await expect.poll(() => elkScripts(page.request, watch.scripts), { timeout: 15_000 }).toHaveLength(1);
  // The new card is placed apart from the others (it is drawn first, then laid out).
  await expect.poll(() => overlappingCards(page), { timeout: 15_000 }).toEqual([]);
  expect((await drawnCards(page)).length).toBe(5);
  await page.screenshot({ path: '/tmp/server-layout-added.png' });
  await watch.context.close();
});

/** Imports the benches' seeded synthetic map of `size` statements as AIF (as bench/support/maps.ts does); returns its slug. */
async function importSyntheticMap(request: APIRequestContext, size: number): Promise<string> {
  const content = JSON.stringify(toAif(syntheticGraph(size, SYNTHETIC_SEED)));
  const response = await request.post('/api/maps/import', { data: { format: 'aif', title: distinctive(`synthetic ${size}`), content } });
  expect(response.status(), await response.text()).toBe(201);
  const slug = ((await response.json()) as { map: { slug: string } }).map.slug;
  expect((await readMap(request, slug)).nodes).toHaveLength(size);
  return slug;
}

test('a 1,000-point map opens and goes whole from the sent layouts, drawing only the cards in view', async ({ browser }) => {
  test.setTimeout(120_000);
  const watch = await watchedPage(browser, { width: 1440, height: 900 });
  const { page } = watch;
  const slug = await importSyntheticMap(page.request, 1000);
  // The server lays a map out once per change, whoever opens it, and serves a page without a layout
  // that takes over 2.5 s (ELK on 1,000 points takes about a second, longer on a busy 2-core
  // machine). This test is about the browser, so one load first lets the layouts finish and be kept.
  expect((await page.request.get(`/maps/${slug}`)).status()).toBe(200);
  expect((await page.request.get(`/maps/${slug}`)).status()).toBe(200);

  await page.goto(`/maps/${slug}`);
  await canvasReady(page);
  await expect(page.getByTestId('canvas.node').first()).toBeVisible();
  await expectNoLayoutWorker(watch);
  // Too big to read whole: it opens on its thesis and main reasons (6 nodes for this seed: the thesis,
  // its reasons and their junction). That part is not "large" (under 300 points), so all of it is in
  // the page; 150 leaves room for another seed's wider fan of reasons, far below the map's 1,000.
  await expect(page.getByTestId('canvas.main-reasons')).toHaveAttribute('aria-pressed', 'true');
  const shown = Number(/^(\d+) of 1000 points shown$/.exec((await page.getByTestId('canvas.drawn-count').textContent()) ?? '')?.[1]);
  expect(shown).toBeGreaterThan(0);
  await expect(page.locator('.react-flow__node-argument')).toHaveCount(shown);
  const opening = await page.locator('.react-flow__node').count();
  expect(opening).toBeLessThan(150);
  expect(await overlappingCards(page)).toEqual([]);

  await page.getByTestId('canvas.whole-map').click();
  await expect(page.getByTestId('canvas.whole-map')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('canvas.drawn-count')).toHaveCount(0);
  // The camera fits the whole map (animated): wait for it to stop, with cards drawn in view.
  await expect.poll(() => page.locator('.react-flow__node-argument').count()).toBeGreaterThan(0);
  await settledViewport(page);
  await expectNoLayoutWorker(watch);
  // Culling: React Flow draws only the nodes in view (the whole map at its smallest zoom is wider
  // than the screen: about 140 of them here), not all 1,000 points with their junctions — drawing
  // every one would put over 1,000 in the page. 300 is the canvas's own line for a large map.
  const inPage = await page.locator('.react-flow__node').count();
  expect(inPage).toBeLessThan(300);
  expect(await outsideCanvas(page), 'nodes in the page but wholly outside the canvas').toEqual([]);
  expect(await overlappingCards(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/server-layout-1000-whole.png' });
  await watch.context.close();
});
