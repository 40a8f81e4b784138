import { expect, test, type Page } from '@playwright/test';
import { addNode, distinctive, pick, readMap, removeAddedNodes, SLUG } from './support/api';
import { pageAtRest } from './support/settled';

// The map page's header at every common screen: nothing spills sideways, the map's whole title
// reads, the counts say what they count; and the page's smaller manners — one notice at a time,
// Escape closing the side panel, a delete dialog in the right number.

const MAP = `/maps/${SLUG}`;

async function openMap(page: Page) {
  await page.goto(MAP);
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

/** Sideways overflow of the page and of the header, and how the title fits its box. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('[data-testid="map.header"]')!;
    const title = document.querySelector<HTMLElement>('[data-testid="map.title"]')!;
    const box = title.getBoundingClientRect();
    // Every button in the header on one line: none taller than the header's button height.
    const toolbar = document.querySelector<HTMLElement>('[data-testid="map.toolbar"]');
    const tallest = Math.max(
      ...[...header.querySelectorAll<HTMLElement>('button, a[href]')]
        .filter((el) => el.getBoundingClientRect().height > 0)
        .map((el) => el.getBoundingClientRect().height),
    );
    return {
      pageScroll: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      header: { scroll: header.scrollWidth, client: header.clientWidth },
      title: {
        text: title.textContent,
        scrollWidth: title.scrollWidth,
        clientWidth: title.clientWidth,
        scrollHeight: title.scrollHeight,
        clientHeight: title.clientHeight,
        left: box.left,
        right: box.right,
      },
      tallest,
      toolbarHeight: toolbar?.getBoundingClientRect().height ?? 0,
    };
  });
}

const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1536, height: 864 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
  { width: 390, height: 844 },
];

for (const screen of SCREENS) {
  test(`at ${screen.width}×${screen.height} the header fits, shows the whole title and says what its counts count`, async ({ page }) => {
    await page.setViewportSize(screen);
    await openMap(page);
    // Phones get their own header (and the tab bar) once the page knows the screen's width.
    if (screen.width < 768) await expect(page.getByTestId('map.tabs')).toBeVisible();
    const view = await readMap(page.request);
    const m = await measure(page);
    expect(m.pageScroll, 'no sideways scroll').toBeLessThanOrEqual(m.innerWidth);
    expect(m.header.scroll, 'nothing spills out of the header').toBeLessThanOrEqual(m.header.client);
    expect(m.title.text).toBe(view.map.title);
    expect(m.title.scrollWidth, 'the title is not cut').toBeLessThanOrEqual(m.title.clientWidth);
    expect(m.title.scrollHeight, 'the title is not cut').toBeLessThanOrEqual(m.title.clientHeight);
    expect(m.title.left).toBeGreaterThanOrEqual(0);
    expect(m.title.right).toBeLessThanOrEqual(m.innerWidth);
    expect(m.tallest, 'no button label wraps onto a second line').toBeLessThanOrEqual(34);
    expect(m.toolbarHeight, 'the toolbar is one row').toBeLessThanOrEqual(48);

    // The counts are words, not bare numbers.
    await expect(page.getByTestId('map.open-questions')).toHaveText(/^(\d+ open questions?|No open questions)$/);
    await expect(page.getByTestId('map.gaps')).toHaveText(/^(\d+ gaps?|No gaps)$/);
    for (const id of ['map.thesis-status', 'map.open-questions', 'map.gaps', 'map.export']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });

    // The secondary tools are buttons of their own where there is room, else in the More menu, labelled.
    if (screen.width >= 1536) {
      for (const id of ['map.history', 'map.tidy']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId('map.more')).toBeHidden();
    } else {
      await page.getByTestId('map.more').click();
      const menu = page.getByRole('menu');
      for (const label of ['History', 'Tidy the canvas layout', 'Keyboard shortcuts'])
        await expect(menu.getByRole('menuitem', { name: label })).toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
    }
    await pageAtRest(page); // the camera's move and the menu's exit over, for the eye
    await page.screenshot({ path: `/tmp/h1-${screen.width}.png`, clip: { x: 0, y: 0, width: screen.width, height: Math.min(screen.height, 260) } });
  });
}

test.describe('notices, Escape and the delete dialog', () => {
  test.afterEach(async ({ request }) => removeAddedNodes(request));

  test('one notice at a time: a later one replaces it, with a count that steps back to the earlier Undo', async ({ page }) => {
    const view = await readMap(page.request);
    const thesis = pick(view, 'thesis');
    const first = distinctive('first objection');
    const second = distinctive('second objection');
    const { node: firstNode } = await addNode(page.request, { kind: 'objection', text: first, target: thesis.id, relation: 'attacks' });
    await addNode(page.request, { kind: 'rebuttal', text: distinctive('rebuttal'), target: firstNode.id, relation: 'attacks' });
    await addNode(page.request, { kind: 'objection', text: second, target: thesis.id, relation: 'attacks' });
    await openMap(page);
    const inspector = page.getByTestId('inspector');
    const notice = page.getByTestId('notice');

    // The first objection has one point resting on it: the dialog says so in the singular.
    await page.getByTestId('map.thesis-status').click();
    await inspector.getByRole('button', { name: first }).click();
    await inspector.getByTestId('node.delete').click();
    const dialog = page.getByTestId('confirm-delete');
    await expect(dialog).toContainText('has 1 point that supports or attacks it and nothing else. That point will be removed with it.');
    await dialog.getByTestId('confirm-delete.confirm').click();
    await expect(dialog).toBeHidden();
    await expect(notice).toHaveText(/Deleted the point and 1 that depended on it\./);
    await expect(page.getByTestId('notice.more')).toHaveCount(0);

    // The second delete's notice takes the place of the first, and says one more is waiting.
    await page.getByTestId('map.thesis-status').click();
    await inspector.getByRole('button', { name: second }).click();
    await inspector.getByTestId('node.delete').click();
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Deleted the point.');
    await expect(page.getByTestId('notice.more')).toHaveText('+1');
    await page.screenshot({ path: '/tmp/h1-notice.png', clip: { x: 0, y: 700, width: 1440, height: 200 } });

    // Stepping back shows the first notice, and its Undo still works.
    await page.getByTestId('notice.more').click();
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Deleted the point and 1 that depended on it.');
    await notice.getByTestId('notice.undo').click();
    await expect.poll(async () => (await readMap(page.request)).nodes.some((n) => n.id === firstNode.id)).toBe(true);
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('Restored.');
  });

  test('the delete dialog counts two or more in the plural', async ({ page }) => {
    const view = await readMap(page.request);
    const thesis = pick(view, 'thesis');
    const text = distinctive('objection with two rebuttals');
    const { node } = await addNode(page.request, { kind: 'objection', text, target: thesis.id, relation: 'attacks' });
    for (const label of ['rebuttal one', 'rebuttal two'])
      await addNode(page.request, { kind: 'rebuttal', text: distinctive(label), target: node.id, relation: 'attacks' });
    await openMap(page);
    await page.getByTestId('map.thesis-status').click();
    await page.getByTestId('inspector').getByRole('button', { name: text }).click();
    await page.getByTestId('inspector').getByTestId('node.delete').click();
    const dialog = page.getByTestId('confirm-delete');
    await expect(dialog).toContainText('has 2 points that support or attack it and nothing else. They will be removed with it.');
    await expect(dialog.getByTestId('confirm-delete.confirm')).toHaveText('Delete 3 points');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
  });

  test('Escape closes the history or gaps panel first, then the selection', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('map.thesis-status').click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    await page.getByTestId('map.gaps').click();
    await expect(page.getByTestId('gaps')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('gaps')).toBeHidden();
    await expect(page.getByTestId('map.gaps')).toHaveAttribute('aria-pressed', 'false');
    // The selection is still there, in the inspector; the next Escape clears it.
    await expect(page.getByTestId('inspector')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('inspector')).toBeHidden();

    // The history panel the same way (from the More menu at this width).
    await page.getByTestId('map.more').click();
    await page.getByRole('menuitem', { name: 'History' }).click();
    await expect(page.getByTestId('history')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('history')).toBeHidden();
  });
});
