import { matchCount } from '../lib/words';
import { expect, test, type Page } from '@playwright/test';
import { distinctive, readMap, SLUG } from './support/api';

// Study mode on the op-ed: the gaps panel, the clickable coverage line, and the search and filters
// that dim what they do not keep on the canvas.

async function openMap(page: Page) {
  await page.goto(`/maps/${SLUG}`);
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  // The canvas is the main view on a wide screen (the outline is one click away).
  const canvasButton = page.getByTestId('map.view-canvas');
  if (await canvasButton.isVisible()) await canvasButton.click();
}

test.describe('find the gaps', () => {
  test('lists each kind of gap, and every entry leads to the point, step or sentence', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('map.gaps').click();
    const panel = page.getByTestId('gaps');
    await expect(panel).toBeVisible();

    // Each section's count is the number of entries it lists.
    for (const id of ['unwarranted', 'unanswered', 'unquoted']) {
      const section = page.getByTestId(`gaps.${id}`);
      const count = Number(await section.getByTestId('gaps.count').textContent());
      expect(count, id).toBeGreaterThan(0);
      await expect(section.locator('li')).toHaveCount(count);
    }

    // An unanswered objection: it is an objection nothing attacks, and choosing it selects it.
    const view = await readMap(page.request);
    const entry = page.getByTestId('gaps.unanswered').getByTestId('gaps.entry').first();
    const text = (await entry.textContent())!;
    const objection = view.nodes.find((n) => n.kind === 'objection' && text.includes(n.text.slice(0, 40)));
    expect(objection, text).toBeDefined();
    expect(view.conflicts.some((c) => 'node' in c.target && c.target.node === objection!.id)).toBe(false);
    await entry.click();
    // The canvas selects it (the gaps panel stays where the inspector would be).
    await expect(page.locator(`.react-flow__node.selected [data-node-id="${objection!.id}"]`)).toBeVisible();

    // A step without a warrant selects that step of reasoning.
    await page.getByTestId('gaps.unwarranted').getByTestId('gaps.entry').first().click();
    await expect(page.locator('.react-flow__node-junction.selected, .react-flow__edge.selected').first()).toBeAttached();

    // An unquoted sentence is outlined in the essay.
    await page.getByTestId('gaps.sentence').first().click();
    await expect(page.getByTestId('essay.unquoted')).toBeVisible();

    // G closes it again (and opens it).
    await page.getByTestId('map.title').click();
    await page.keyboard.press('g');
    await expect(panel).toBeHidden();
  });

  test('the coverage line shows and hides the unmapped sentences', async ({ page }) => {
    await openMap(page);
    const coverage = page.getByTestId('essay.coverage');
    await expect(coverage).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('essay.unquoted')).toHaveCount(0);
    await coverage.click();
    await expect(coverage).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('essay.unquoted').first()).toBeVisible();
    await expect(page.getByTestId('essay.unquoted-note')).toContainText('unmapped sentence');
    await coverage.click();
    await expect(page.getByTestId('essay.unquoted')).toHaveCount(0);
  });
});

test.describe('search and filters', () => {
  test('search dims every card that does not match, and says how many match', async ({ page }) => {
    // A point with words no other point has.
    const words = distinctive('filterable');
    const view = await readMap(page.request);
    const claim = view.nodes.find((n) => n.kind === 'claim')!;
    const added = await page.request.post(`/api/maps/${SLUG}/nodes`, {
      data: { kind: 'objection', text: `Objection ${words}`, target: claim.id, relation: 'attacks' },
    });
    expect(added.status()).toBe(201);
    const id = (await added.json()).node.id as string;

    await openMap(page);
    await page.keyboard.press('/');
    await expect(page.getByTestId('filter.search')).toBeFocused();
    await page.keyboard.type(words.slice(1, -1).toUpperCase());
    const total = (await readMap(page.request)).nodes.length;
    await expect(page.getByTestId('filter.count')).toHaveText(`1 match among ${total} points`);
    await expect(page.locator(`.react-flow__node:has([data-node-id="${id}"])`)).not.toHaveClass(/argmap-dimmed/);
    await expect(page.locator('.react-flow__node.argmap-dimmed')).toHaveCount(total - 1);

    // The outline dims the same rows; the search stays as it was.
    await page.getByTestId('map.view-outline').click();
    await page.getByTestId('outline.expand-all').click();
    await expect(page.locator(`[data-testid="outline.row"][data-node-id="${id}"]`).first()).not.toHaveAttribute('data-dimmed', 'true');
    await expect(page.locator('[data-testid="outline.row"][data-type="node"][data-dimmed="true"]').first()).toBeVisible();
    await expect(page.getByTestId('filter.count')).toHaveText(`1 match among ${total} points`);
    // Back on the canvas, the point selected in the outline is in view.
    await page.locator(`[data-testid="outline.row"][data-node-id="${id}"]`).first().click();
    await page.getByTestId('map.view-canvas').click();
    await expect(page.locator(`.react-flow__node:has([data-node-id="${id}"])`)).toBeInViewport();

    await page.getByTestId('filter.clear').click();
    await expect(page.locator('.react-flow__node.argmap-dimmed')).toHaveCount(0);
    await expect(page.getByTestId('filter.count')).toHaveCount(0);
  });

  test('filters by kind and by "unanswered", together', async ({ page }) => {
    await openMap(page);
    const view = await readMap(page.request);
    await page.getByTestId('filter.open').click();
    await page.getByTestId('filter.kind-evidence').check();
    const evidence = view.nodes.filter((n) => n.kind === 'evidence').length;
    await expect(page.getByTestId('filter.count')).toHaveText(matchCount(evidence, view.nodes.length));

    await page.getByTestId('filter.kind-evidence').uncheck();
    await page.getByTestId('filter.unanswered').check();
    const answered = new Set(view.conflicts.flatMap((c) => ('node' in c.target ? [c.target.node] : [])));
    const unanswered = view.nodes.filter((n) => (n.kind === 'objection' || n.kind === 'rebuttal') && !answered.has(n.id)).length;
    await expect(page.getByTestId('filter.count')).toHaveText(matchCount(unanswered, view.nodes.length));
    await expect(page.locator('.react-flow__node.argmap-dimmed')).toHaveCount(view.nodes.length - unanswered);
  });
});

test.describe('an essay of thousands of tiny sentences', () => {
  test('opens, and the gaps panel lists its unquoted sentences 50 at a time', async ({ page }) => {
    // "A. " × 20,000: every sentence unquoted. Drawing all of them at once froze the page.
    const created = await page.request.post('/api/documents', { data: { title: distinctive('tiny sentences'), text: 'A. '.repeat(20_000) } });
    expect(created.status(), await created.text()).toBe(201);
    const { map } = (await created.json()) as { map: { slug: string } };
    await page.goto(`/maps/${map.slug}`);
    await expect(page.getByTestId('map.title')).toBeVisible();
    await page.getByTestId('map.gaps').click();
    const section = page.getByTestId('gaps.unquoted');
    await expect(section.getByTestId('gaps.count')).toHaveText('20000');
    await expect(section.locator('li')).toHaveCount(50);
    await section.getByTestId('gaps.more').click();
    await expect(section.locator('li')).toHaveCount(100);
    await expect(section.getByTestId('gaps.more')).toContainText('19900 not shown');
  });
});
