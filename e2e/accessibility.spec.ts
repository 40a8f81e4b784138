import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { STATUS_LABELS, STATUSES } from '../lib/argument/evaluation';
import { distinctive, readMap, SLUG } from './support/api';

// Accessibility of every page but the brief (brief.spec.ts checks that one with axe): no serious or
// critical axe violations in each state a person meets; the main flows by keyboard alone; focus
// always visible; status always written as a word, never shown by colour alone.

const MAP = `/maps/${SLUG}`;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is and fails with every serious or critical violation: its rule id,
 * impact, the elements it found and what to do about it.
 */
async function expectNoSeriousViolations(page: Page, where: string) {
  // Nothing is excluded: React Flow's own markup (attribution link, controls, minimap, node and edge
  // wrappers) passes once app/globals.css gives the attribution link an AA colour.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}) — ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`)
        .join('\n')}`,
  );
  expect(report, `axe on ${where}:\n${report.join('\n')}`).toEqual([]);
}

/** The seeded map, laid out, in `view` (the choice is remembered per browser, so it is set each time). */
async function openMap(page: Page, view: 'canvas' | 'outline', slug = SLUG) {
  await page.goto(`/maps/${slug}`);
  await expect(page.getByTestId('map.title')).toBeVisible();
  const toggle = page.getByTestId(`map.view-${view}`);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(page.getByTestId('map.main')).toHaveAttribute('data-view', view);
  if (view === 'canvas') await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  else await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
}

test.describe('axe: no serious or critical violations', () => {
  test('home', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, 'the home page');
  });

  test('new map: empty, and after a refused submit with its inline errors', async ({ page }) => {
    await page.goto('/new');
    await expect(page.getByTestId('new-map.form')).toBeVisible();
    await expectNoSeriousViolations(page, '/new (empty)');
    await page.getByTestId('new-map.submit').click();
    await expect(page.getByTestId('new-map.text-error')).toBeVisible();
    await expect(page.getByTestId('new-map.title')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, '/new (refused, with inline errors)');
  });

  test('map: canvas', async ({ page }) => {
    await openMap(page, 'canvas');
    await expect(page.getByTestId('canvas.node').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the map page with the canvas');
  });

  test('map: outline, expanded', async ({ page }) => {
    await openMap(page, 'outline');
    await page.getByTestId('outline.expand-all').click();
    await expectNoSeriousViolations(page, 'the map page with the outline');
    // A faded (defeated or unsupported) row, selected: its greyed words on the selection's tint.
    const faded = page.locator(
      '[data-testid="outline.row"]:has(> div:first-child [data-testid="status-badge"][data-status="defeated"], > div:first-child [data-testid="status-badge"][data-status="unsupported"])',
    );
    await faded.first().locator(':scope > div [data-testid="outline.text"]').click();
    await expect(faded.first()).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousViolations(page, 'the outline with a faded row selected');
  });

  test('map: the essay panel’s suggestions list', async ({ page }) => {
    // A new essay: on the seeded map every suggestion is already mapped.
    const { slug } = await mapWithLooseClaim(page.request);
    await openMap(page, 'canvas', slug);
    await page.getByTestId('essay.suggest').click();
    await expect(page.getByTestId('suggestions.item').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the essay panel with suggestions');
  });

  test('map: a node selected (inspector open, Structure expanded), then the Gaps panel', async ({ page }) => {
    await openMap(page, 'canvas');
    await page.locator(`[data-testid="essay.quote"][data-node-id="${SLUG}.claim-door-open"]`).first().click();
    await expect(page.getByTestId('inspector.node')).toBeVisible();
    await expectNoSeriousViolations(page, 'the map page with the inspector');
    await page.getByTestId('structure').locator('summary').click();
    await expect(page.getByTestId('structure.connect')).toBeVisible();
    await expectNoSeriousViolations(page, 'the inspector with its Structure section open');
    await page.getByTestId('map.gaps').click();
    await expect(page.getByTestId('gaps')).toBeVisible();
    await expectNoSeriousViolations(page, 'the map page with the Gaps panel');
  });

  test('map: the filter popover', async ({ page }) => {
    await openMap(page, 'canvas');
    await page.getByTestId('filter.open').click();
    await expect(page.getByTestId('filter.panel')).toBeVisible();
    await expectNoSeriousViolations(page, 'the filter popover');
  });

  test('map on a 390×844 phone: outline with the tab bar', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(MAP);
    await expect(page.getByRole('tree', { name: 'Outline' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the map page at 390 px');
    await context.close();
  });

  test('sign in', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, '/signin');
  });
});

/**
 * What shows the keyboard focus on the focused element: its own outline or ring (box-shadow), or
 * that of its first child (an outline row and a canvas card draw the ring on their inner box).
 */
async function focusIndicator(page: Page): Promise<{ label: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { label: 'body', visible: true };
    const opaque = (color: string) => color !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(color);
    const shows = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && opaque(style.outlineColor)) return true;
      // A ring: a shadow with a spread (a soft drop shadow has none), e.g. "rgb(79, 70, 229) 0px 0px 0px 2px".
      return [...style.boxShadow.matchAll(/(rgba?\([^)]*\))\s+-?[\d.]+px\s+-?[\d.]+px\s+[\d.]+px\s+([\d.]+)px/g)].some(
        (m) => parseFloat(m[2]) >= 1 && opaque(m[1]),
      );
    };
    const label =
      el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    return { label, visible: shows(el) || shows(el.firstElementChild) };
  });
}

/**
 * Presses Tab up to `limit` times from the top of the page, checking at every stop that the focus is
 * visible; returns the data-testids (or labels) of the stops, in order.
 */
async function tabThrough(page: Page, limit: number, until: (stops: string[]) => boolean = () => false): Promise<string[]> {
  const stops: string[] = [];
  const invisible: string[] = [];
  for (let i = 0; i < limit && !until(stops); i++) {
    await page.keyboard.press('Tab');
    const { label, visible } = await focusIndicator(page);
    stops.push(label);
    if (!visible) invisible.push(label);
  }
  expect(invisible, `focus not visible on: ${invisible.join(', ')}`).toEqual([]);
  return stops;
}

/** A new essay map with a thesis and a claim that does not yet support it. */
async function mapWithLooseClaim(request: APIRequestContext) {
  const response = await request.post('/api/documents', {
    data: {
      title: distinctive('keyboard essay'),
      text: 'Schools should start later.\n\nTeenagers sleep later than adults. Therefore early classes waste the first hour.',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const slug = ((await response.json()) as { map: { slug: string } }).map.slug;
  const add = async (data: Record<string, unknown>) => {
    const created = await request.post(`/api/maps/${slug}/nodes`, { data });
    expect(created.status(), await created.text()).toBe(201);
    return (await created.json()).node.id as string;
  };
  const thesis = await add({ kind: 'thesis', text: 'Schools should start later.' });
  const claim = await add({ kind: 'claim', text: 'Teenagers sleep later than adults.' });
  return { slug, thesis, claim };
}

test.describe('keyboard', () => {
  test('focus is visible on every tab stop of home, /new and /signin', async ({ page }) => {
    for (const [path, expected] of [
      ['/', 'home.new-map'],
      ['/new', 'new-map.submit'],
      ['/signin', 'signin.submit'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const stops = await tabThrough(page, 40, (s) => s.includes(expected));
      expect(stops, `${path}: Tab reaches ${expected}`).toContain(expected);
    }
  });

  test('without a mouse: Tab to search, view switch and Gaps; the outline by arrows and Enter; Connect in the inspector', async ({ page }) => {
    const { slug, thesis, claim } = await mapWithLooseClaim(page.request);
    await page.goto(`/maps/${slug}`);
    await expect(page.getByTestId('map.title')).toBeVisible();
    // Tab through the page once its main view is there (it comes when the page knows the screen it is on).
    await expect(page.getByTestId('map.main')).toHaveAttribute('data-view', 'canvas');

    // Every stop from the top of the page to the search box shows its focus.
    const stops = await tabThrough(page, 80, (s) => s.includes('filter.search'));
    for (const control of ['map.gaps', 'map.view-canvas', 'map.view-outline', 'filter.search']) expect(stops, `Tab reaches ${control}`).toContain(control);
    await expect(page.getByTestId('filter.search')).toBeFocused();
    await page.keyboard.type('Teenagers');
    await expect(page.getByTestId('filter.count')).toHaveText('1 match among 2 points');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filter.search')).toHaveValue('');

    // The Gaps button opens and closes its panel with Enter.
    await page.getByTestId('map.gaps').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gaps')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gaps')).toBeHidden();

    // The view switch by Tab and Enter; then into the outline tree.
    await page.getByTestId('map.view-outline').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('map.main')).toHaveAttribute('data-view', 'outline');
    const tree = page.getByRole('tree', { name: 'Outline' });
    await expect(tree).toBeVisible();
    const focusedRow = page.locator('[data-testid="outline.row"]:focus');

    // Tab from the switch into the tree (one tab stop for the whole tree), arrows to the claim.
    await page.getByTestId('map.view-outline').focus();
    const intoTree = await tabThrough(page, 20, (s) => s.at(-1) === 'outline.row');
    expect(intoTree.at(-1), 'Tab reaches the outline').toBe('outline.row');
    for (let i = 0; i < 4 && (await focusedRow.getAttribute('data-node-id')) !== claim; i++) await page.keyboard.press('ArrowDown');
    await expect(focusedRow).toHaveAttribute('data-node-id', claim);
    expect((await focusIndicator(page)).visible, 'the focused row shows its focus').toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect(focusedRow).not.toHaveAttribute('data-node-id', claim);
    await page.keyboard.press('ArrowDown');
    await expect(focusedRow).toHaveAttribute('data-node-id', claim);
    // Enter opens its actions; Escape gives the focus back to the row.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('outline.menu')).toBeVisible();
    await expect(page.getByTestId('outline.menu').getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('outline.menu')).toHaveCount(0);
    await expect(focusedRow).toHaveAttribute('data-node-id', claim);
    // Space selects it: the inspector opens on it.
    await page.keyboard.press(' ');
    await expect(page.getByTestId('inspector.node')).toHaveAttribute('data-node-id', claim);

    // In the inspector: the Structure section opens with Enter, and its Connect form is two selects
    // and a button, all by keyboard.
    const structure = await tabThrough(page, 40, (s) => /^Structure|summary “Structure/.test(s.at(-1) ?? ''));
    expect(structure.at(-1), 'Tab reaches the Structure section').toMatch(/Structure/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('structure.connect')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('structure.relation')).toBeFocused();
    await expect(page.getByTestId('structure.relation')).toHaveValue('supports');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('structure.target')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('structure.target')).toHaveValue(thesis);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('structure.connect-submit')).toBeFocused();
    expect((await focusIndicator(page)).visible, 'the Connect button shows its focus').toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await readMap(page.request, slug)).edges.map((e) => `${e.from}→${e.to}:${e.relation}`))
      .toContain(`${claim}→${thesis}:supports`);
  });
});

test.describe('status is never colour alone', () => {
  /** Each badge's visible words (screen-reader-only text left out) against the status it stands for. */
  async function badgeWords(page: Page, scope: string) {
    return page.locator(`${scope} [data-testid="status-badge"]`).evaluateAll((badges) =>
      badges.map((badge) => {
        const words = [...badge.childNodes]
          .filter((n) => !(n instanceof Element && n.classList.contains('sr-only')))
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        const box = badge.getBoundingClientRect();
        return { status: badge.getAttribute('data-status') ?? '', words, shown: box.width > 0 && box.height > 0 };
      }),
    );
  }

  test('every status badge on the canvas and in the outline says Stands, Defeated, Contested or Unsupported', async ({ page }) => {
    const view = await readMap(page.request);
    await openMap(page, 'canvas');
    await expect(page.getByTestId('canvas.node')).toHaveCount(view.nodes.length);
    const onCanvas = await badgeWords(page, '[data-testid="canvas.node"]');
    // One badge per card, each with its word.
    expect(onCanvas).toHaveLength(view.nodes.length);
    for (const badge of onCanvas) {
      expect(STATUSES as readonly string[]).toContain(badge.status);
      expect(badge).toEqual({ status: badge.status, words: STATUS_LABELS[badge.status as keyof typeof STATUS_LABELS], shown: true });
    }
    // The seeded op-ed has more than one status, so the words differ from card to card.
    expect(new Set(onCanvas.map((b) => b.words)).size).toBeGreaterThan(1);

    await page.getByTestId('map.view-outline').click();
    await page.getByTestId('outline.expand-all').click();
    const rows = await page.locator('[data-testid="outline.row"][data-node-id]').count();
    const inOutline = await badgeWords(page, '[data-testid="outline.row"][data-node-id] > div:first-child');
    expect(inOutline).toHaveLength(rows);
    for (const badge of inOutline)
      expect(badge).toEqual({ status: badge.status, words: STATUS_LABELS[badge.status as keyof typeof STATUS_LABELS], shown: true });
  });
});
