import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SLUG } from './support/api';
import { pageAtRest } from './support/settled';

// A screenshot of every page at a laptop, a small-laptop and a phone size, written to
// test-results/screenshots/<page>-<w>x<h>.png (and to ARGMAP_SHOTS_COPY, when set, for a person to
// look through). Each also checks what a person would notice first: nothing spills sideways, the
// page's heading shows, and the header's and toolbars' controls are on screen without overlapping.

const SHOTS = path.join('test-results', 'screenshots');
const COPY = process.env.ARGMAP_SHOTS_COPY;
const MAP = `/maps/${SLUG}`;

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

type Viewport = (typeof VIEWPORTS)[number];
const phone = (v: Viewport) => v.width < 768;

/** A rectangle of an on-screen control, named for the failure message. */
type Box = { name: string; field: boolean; left: number; right: number; top: number; bottom: number };

/**
 * The visible controls (links, buttons, inputs, selects) inside `containers`, innermost only (a
 * button inside a link is measured, not the link too), as boxes in viewport coordinates.
 */
async function controlBoxes(page: Page, containers: string): Promise<Box[]> {
  return page.evaluate((selector) => {
    const interactive = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"]';
    const boxes: Box[] = [];
    for (const container of document.querySelectorAll(selector)) {
      for (const el of container.querySelectorAll<HTMLElement>(interactive)) {
        if (el.querySelector(interactive)) continue;
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        // Screen-reader-only and invisible controls (the file input behind its button) take no room.
        if (r.width < 2 || r.height < 2 || style.visibility === 'hidden' || style.opacity === '0') continue;
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30);
        boxes.push({ name, field: el.matches('input, textarea, select'), left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
    }
    return boxes;
  }, containers);
}

/**
 * What every page must show at every size: no horizontal scrolling, its heading in view, and the
 * controls of its header (and `toolbars`) inside the window, none on top of another.
 */
async function expectTidy(page: Page, heading: ReturnType<Page['locator']>, toolbars = 'header') {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'no horizontal overflow').toBeLessThanOrEqual(innerWidth);
  await expect(heading).toBeInViewport();
  const boxes = await controlBoxes(page, toolbars);
  expect(boxes.length, `controls in ${toolbars}`).toBeGreaterThan(0);
  const offScreen = boxes.filter((b) => b.left < -0.5 || b.right > innerWidth + 0.5).map((b) => b.name);
  expect(offScreen, 'controls cut off at the edge of the window').toEqual([]);
  // A button drawn inside a field (the password's "Show" eye) is meant to sit there.
  const inside = (inner: Box, outer: Box) =>
    outer.field && inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
  const overlapping: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (inside(a, b) || inside(b, a)) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlapping.push(`${a.name} × ${b.name}`);
    }
  }
  expect(overlapping, 'controls on top of each other').toEqual([]);
}

async function shoot(page: Page, name: string, viewport: Viewport) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}-${viewport.width}x${viewport.height}.png`);
  // Let transitions (the camera's move, panels sliding) finish first.
  await pageAtRest(page);
  await page.screenshot({ path: file });
  if (COPY) {
    mkdirSync(COPY, { recursive: true });
    copyFileSync(file, path.join(COPY, path.basename(file)));
  }
}

/** The map page in `view`; on a phone through the tab bar, on wider screens through the header's switch. */
async function openMap(page: Page, viewport: Viewport, view: 'canvas' | 'outline') {
  await page.goto(MAP);
  await expect(page.getByTestId('map.title')).toBeVisible();
  const toggle = page.getByTestId(phone(viewport) ? `map.tab-${view}` : `map.view-${view}`);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(page.getByTestId('map.main')).toHaveAttribute('data-view', view);
  if (view === 'canvas') await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  else await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;
  test.describe(`at ${size}`, () => {
    test.use({ viewport, isMobile: phone(viewport), hasTouch: phone(viewport) });

    test('home', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByTestId('home.document').first()).toBeVisible();
      await expectTidy(page, page.getByRole('heading', { level: 1 }), 'header, main');
      await shoot(page, 'home', viewport);
    });

    test('new map', async ({ page }) => {
      await page.goto('/new');
      await expect(page.getByTestId('new-map.form')).toBeVisible();
      await expectTidy(page, page.getByRole('heading', { level: 1 }), 'header, main');
      await shoot(page, 'new', viewport);
    });

    test('map: canvas', async ({ page }) => {
      await openMap(page, viewport, 'canvas');
      await expect(page.getByTestId('canvas.node').first()).toBeVisible();
      await expectTidy(page, page.getByTestId('map.title'), 'header, [data-testid="filter"], [data-testid="map.tabs"]');
      // The canvas fills the room left under the header and toolbars.
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      expect(canvas.height, 'the canvas has room').toBeGreaterThan(viewport.height * 0.45);
      await shoot(page, 'map-canvas', viewport);
    });

    test('map: outline', async ({ page }) => {
      await openMap(page, viewport, 'outline');
      await expectTidy(
        page,
        page.getByTestId('map.title'),
        'header, [data-testid="filter"], [data-testid="map.tabs"], [data-testid="outline"] > div:first-child',
      );
      await expect(page.locator('[data-testid="outline.row"][aria-level="1"]').first()).toBeInViewport();
      await shoot(page, 'map-outline', viewport);
    });

    test('map: gaps panel', async ({ page }) => {
      await openMap(page, viewport, phone(viewport) ? 'outline' : 'canvas');
      await page.getByTestId('map.gaps').click();
      const gaps = page.getByTestId('gaps');
      await expect(gaps).toBeVisible();
      await expectTidy(page, page.getByTestId('map.title'), 'header, [data-testid="filter"], [data-testid="map.tabs"], [data-testid="gaps"]');
      // The panel's heading and first entry are in view, not pushed below the fold.
      await expect(gaps.getByRole('heading').first()).toBeInViewport();
      await expect(gaps.getByTestId('gaps.entry').first()).toBeInViewport();
      await shoot(page, 'map-gaps', viewport);
    });

    test('brief (affirmative)', async ({ page }) => {
      await page.goto(`${MAP}/brief?side=affirmative`);
      await expect(page.getByTestId('brief.document')).toBeVisible();
      await expectTidy(page, page.getByTestId('brief.title'), 'header, [data-testid="brief.toolbar"]');
      await shoot(page, 'brief-affirmative', viewport);
    });

    test('sign in', async ({ page }) => {
      await page.goto('/signin');
      await expectTidy(page, page.getByRole('heading', { level: 1 }), 'header, main');
      await expect(page.getByTestId('signin.submit')).toBeInViewport();
      await shoot(page, 'signin', viewport);
    });
  });
}
