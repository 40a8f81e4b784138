import { expect, test, type Page, type Route } from '@playwright/test';
import { SLUG } from './support/api';

/**
 * The map page's menus and dialogs (Export, More, the account menu, Share, Copy, Class, Judge as
 * of, the shortcuts, the delete confirmation) are not in the JavaScript the page needs to draw:
 * their Radix code and their own content load together on first use, or once the canvas is drawn
 * and the page is idle (components/ui/lazy-popup.tsx, `DEFERRED`). Until then their triggers are
 * plain buttons that look and act the same; a press before the code is there opens the menu once it is.
 */

const MAP = `/maps/${SLUG}`;
/** Strings found only in Radix's DropdownMenu and Dialog (AlertDialog's too) code: their parts' names. */
const MENU_CODE = 'DropdownMenuContent';
const DIALOG_CODE = 'DialogContent';
/** Words found only in the popups' own content (their `*-content.tsx` modules). */
const EXPORT_CONTENT = 'AIF (AIFdb, OVA)';
const CONTENT = [
  EXPORT_CONTENT,
  'Points resting on facts known only later',
  'Students open the link (or type the code)',
  'You will own the copy',
  'Loading the class',
  'Switch between the canvas and the outline',
  'Delete this point and what rests on it?',
  'This browser keeps your place in the class',
  'well argued!',
];

async function canvasReady(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('argmap:canvas-ready').length > 0, null, { timeout: 30_000 });
}

/** The scripts the page fetched, and whether each started before the canvas was ready (the browser's own timings, not the test's). */
async function scriptsFetched(page: Page): Promise<{ url: string; beforeReady: boolean }[]> {
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('argmap:canvas-ready')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: entry.name, beforeReady: entry.startTime < ready }));
  });
}

/** Holds back the script that holds `code` until `release` is called (other scripts pass at once). */
async function holdScript(page: Page, code: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/_next/static/chunks/*.js', async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(code)) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, held: () => held };
}

/** Reads a script's text, once per URL (the checks below look at every script more than once). */
function scriptText(page: Page): (url: string) => Promise<string> {
  const texts = new Map<string, Promise<string>>();
  return (url) => {
    if (!texts.has(url))
      texts.set(
        url,
        page.request.get(url).then((r) => r.text()),
      );
    return texts.get(url)!;
  };
}
test('the op-ed page fetches no menu or dialog code before its canvas is ready, and fetches it once idle', async ({ page }) => {
  await page.addInitScript(() => performance.setResourceTimingBufferSize(2000));
  await page.goto(MAP);
  await canvasReady(page);
  // Until the code is there, the triggers are plain buttons that say what they open.
  const exportButton = page.getByTestId('map.export');
  await expect(exportButton).toHaveAttribute('aria-haspopup', 'menu');
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');

  const textOf = scriptText(page);
  // Once idle the page fetches the menus' and dialogs' code — which shows these strings are in it.
  await expect
    .poll(
      async () => {
        const later = (await scriptsFetched(page)).filter((s) => !s.beforeReady);
        const bodies = await Promise.all(later.map((s) => textOf(s.url)));
        return { menu: bodies.some((b) => b.includes(MENU_CODE)), dialog: bodies.some((b) => b.includes(DIALOG_CODE)) };
      },
      { timeout: 15_000 },
    )
    .toEqual({ menu: true, dialog: true });

  const early = (await scriptsFetched(page)).filter((s) => s.beforeReady);
  expect(early.length).toBeGreaterThan(0);
  for (const { url } of early) {
    const text = await textOf(url);
    expect(text.includes(MENU_CODE), `${url} holds DropdownMenu code`).toBe(false);
    expect(text.includes(DIALOG_CODE), `${url} holds Dialog code`).toBe(false);
  }
});

test('the popups’ own content is not fetched before the canvas is ready either, and comes once idle', async ({ page }) => {
  await page.addInitScript(() => performance.setResourceTimingBufferSize(2000));
  await page.goto(MAP);
  await canvasReady(page);
  const textOf = scriptText(page);
  // Once idle every popup's content is fetched — which shows these words are in its code.
  await expect
    .poll(
      async () => {
        const later = await Promise.all((await scriptsFetched(page)).filter((s) => !s.beforeReady).map((s) => textOf(s.url)));
        return CONTENT.filter((words) => !later.some((body) => body.includes(words)));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  for (const { url } of (await scriptsFetched(page)).filter((s) => s.beforeReady)) {
    const text = await textOf(url);
    for (const words of CONTENT) expect(text.includes(words), `${url} holds “${words}”`).toBe(false);
  }
});

for (const [part, code] of [
  ['its Radix code', MENU_CODE],
  ['its own content', EXPORT_CONTENT],
]) {
  test(`Export pressed before ${part} has loaded opens once it is there, with the focus in the menu, and nothing moves`, async ({ page }) => {
    const menuCode = await holdScript(page, code);
    await page.goto(MAP);
    await canvasReady(page);
    const exportButton = page.getByTestId('map.export');
    const before = await exportButton.boundingBox();
    await exportButton.click();
    // The code is held back: the press is remembered, the button stays as it was.
    await expect.poll(menuCode.held).toBe(true);
    await expect(page.getByRole('menu')).toHaveCount(0);
    menuCode.release();

    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByTestId('export.argdown')).toBeVisible();
    await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="menu"]') !== null), 'the focus is in the menu').toBe(true);
    expect(await exportButton.boundingBox()).toEqual(before);
    // Radix's own menu from here on: Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(exportButton).toBeFocused();
    await exportButton.click();
    await expect(page.getByRole('menu')).toBeVisible();
  });
}

for (const [part, code] of [
  ['its Radix code', MENU_CODE],
  ['its own content', EXPORT_CONTENT],
]) {
  test(`a menu whose code (${part}) cannot be fetched says so, and the next press fetches it again`, async ({ page }) => {
    let offline = true;
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (offline && body.includes(code)) return route.abort('internetdisconnected');
      await route.fulfill({ response, body });
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(MAP);
    await canvasReady(page);
    const exportButton = page.getByTestId('map.export');
    await exportButton.click();
    await expect(page.getByTestId('popup.offline')).toContainText('Offline');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(exportButton).toBeEnabled();
    await expect(page.getByTestId('map.title')).toBeVisible();

    offline = false;
    await exportButton.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(page.getByTestId('popup.offline')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });
}

test('the keyboard: Tab onto a plain trigger, and Enter opens the real menu with the focus in it', async ({ page }) => {
  await page.goto(MAP);
  await canvasReady(page);
  const exportButton = page.getByTestId('map.export');
  await exportButton.focus();
  // The focus passes to the real trigger when it replaces the plain one.
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="menu"]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(exportButton).toBeFocused();
});

for (const screen of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`at ${screen.width}×${screen.height} the header does not move when its menus load and open`, async ({ page }) => {
    await page.setViewportSize(screen);
    await page.goto(MAP);
    await canvasReady(page);
    const header = page.getByTestId('map.header');
    const boxes = () =>
      header.evaluate((el) =>
        [...el.querySelectorAll('button, a[href]')].map(
          (b) => `${b.getAttribute('data-testid') ?? b.textContent}: ${JSON.stringify(b.getBoundingClientRect())}`,
        ),
      );
    const plain = await boxes();
    await header.screenshot({ path: `test-results/lazy-popups-header-${screen.width}-before.png` });
    // Each menu in turn: loaded, opened and closed.
    const menus = screen.width < 1536 ? ['map.export', 'map.more'] : ['map.export'];
    for (const id of menus) {
      await page.getByTestId(id).filter({ visible: true }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      expect(await boxes(), `${id} open`).toEqual(plain);
      await page.screenshot({ path: `test-results/lazy-popups-${id}-${screen.width}-open.png` });
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0);
    }
    expect(await boxes()).toEqual(plain);
    await header.screenshot({ path: `test-results/lazy-popups-header-${screen.width}-after.png` });
  });
}
