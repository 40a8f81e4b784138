/**
 * One cold page load in headless Chromium, measured the way issue 14 asks: a fresh browser context
 * with the cache disabled, timed from navigation to a `performance.mark` the page sets when its
 * canvas is ready, with the long tasks before that mark and every script the browser actually
 * requested before it (workers and their imports included; a `nomodule` script a modern browser
 * never fetches is never requested, so never counted).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Request } from '@playwright/test';

export const VIEWPORT = { width: 1440, height: 900 };
/** The part of a long task that blocks input, as Lighthouse counts total blocking time. */
export const LONG_TASK_MS = 50;
/** How long the opening is left to settle after the ready mark before it is inspected (as e2e/camera.spec.ts does). */
const OPENING_SETTLE_MS = 100;
/** gzip level a web server's default compression uses (bench/bundle.ts used it too). */
const GZIP_LEVEL = 6;

/** Long tasks from the start of navigation, collected by an observer installed before any page script runs. */
export const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** A script (or worker script) the browser requested before the ready mark. */
export interface RequestedScript {
  url: string;
  kind: 'script' | 'worker';
  raw: number;
  gzipped: number;
  /** Its body, kept only when asked (bench/bundle.ts looks for elkjs in it). */
  body?: Buffer;
}

/** What the canvas showed once ready: whether any node is in view, and where the viewport sits. */
export interface Opening {
  /** `.react-flow__node` elements at least partly inside the canvas. */
  nodesInView: number;
  /** The viewport's transform is translate(0, 0) scale(1): the view never moved from the origin. */
  atOrigin: boolean;
  zoom: number;
  transform: string;
}

export interface PageLoad {
  /** Navigation start → the ready mark, in ms. */
  readyMs: number;
  /** Long tasks that started before the mark. */
  longTasks: { start: number; duration: number }[];
  scripts: RequestedScript[];
  opening: Opening;
}

/** Total blocking time: what each long task spends past {@link LONG_TASK_MS}, summed. */
export function totalBlockingTime(load: PageLoad): number {
  return load.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0);
}

/** The longest long task, in ms (0 when there was none). */
export function longestTask(load: PageLoad): number {
  return Math.max(0, ...load.longTasks.map((t) => t.duration));
}

/** gzipped and raw bytes of every script requested before the mark. */
export function scriptBytes(load: PageLoad): { gzipped: number; raw: number; files: number } {
  return {
    gzipped: load.scripts.reduce((s, f) => s + f.gzipped, 0),
    raw: load.scripts.reduce((s, f) => s + f.raw, 0),
    files: load.scripts.length,
  };
}

/** Launches the Chromium every bench uses (PLAYWRIGHT_CHROMIUM_EXECUTABLE, else /usr/bin/chromium). */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
}

/** Whether a request fetches script: a page script, a worker's script, or a script a worker imports. */
function scriptKind(request: Request): RequestedScript['kind'] | null {
  const type = request.resourceType();
  // A dedicated worker's requests have no frame (Playwright throws when asked for one).
  let inWorker = false;
  try {
    request.frame();
  } catch {
    inWorker = true;
  }
  const url = new URL(request.url());
  const js = /\.m?js$/.test(url.pathname);
  if (type === 'script') return inWorker ? 'worker' : 'script';
  if (js && (inWorker || type === 'other')) return 'worker';
  return null;
}

/**
 * Loads `url` cold and waits (up to `timeoutMs`) for `mark`. `keepBodies` keeps each script's body
 * on the result.
 */
export async function loadPage(browser: Browser, url: string, mark: string, options: { keepBodies?: boolean; timeoutMs?: number } = {}): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requested: { request: Request; kind: RequestedScript['kind'] }[] = [];
    context.on('request', (request) => {
      const kind = scriptKind(request);
      if (kind) requested.push({ request, kind });
    });

    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: options.timeoutMs ?? 60_000, polling: 50 });
    const { readyMs, readyAt, longTasks } = await page.evaluate((name) => {
      const readyMs = performance.getEntriesByName(name)[0].startTime;
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      return { readyMs, readyAt: performance.timeOrigin + readyMs, longTasks: w.__longTasks.filter((t) => t.start <= readyMs) };
    }, mark);

    await page.waitForTimeout(OPENING_SETTLE_MS);
    const opening = await page.evaluate((): Opening => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const matrix = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
      let nodesInView = 0;
      for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const box = node.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(node).visibility === 'hidden') continue;
        if (box.right > pane.left && box.left < pane.right && box.bottom > pane.top && box.top < pane.bottom) nodesInView++;
      }
      return { nodesInView, atOrigin: matrix.a === 1 && matrix.e === 0 && matrix.f === 0, zoom: matrix.a, transform: viewport.style.transform };
    });

    // Requested before the mark: the request's start (epoch ms, the browser's clock) against the mark's.
    const scripts: RequestedScript[] = [];
    const seen = new Set<string>();
    for (const { request, kind } of requested) {
      const response = await request.response().catch(() => null);
      const startedAt = request.timing().startTime;
      if (!response || seen.has(request.url()) || (startedAt > 0 && startedAt > readyAt)) continue;
      seen.add(request.url());
      const body = await response.body().catch(() => null);
      if (!body) continue;
      scripts.push({
        url: request.url(),
        kind,
        raw: body.byteLength,
        gzipped: gzipSync(body, { level: GZIP_LEVEL }).byteLength,
        body: options.keepBodies ? body : undefined,
      });
    }
    return { readyMs, longTasks, scripts, opening };
  } finally {
    await context.close();
  }
}
