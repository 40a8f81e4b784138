import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { distinctive, expectError, readMap } from './support/api';
import { selectEssayWords } from './support/essay';

// Building a map of a new essay: placing the thesis and unconnected points, connecting points
// (API, drag on the canvas, keyboard form), changing kinds, suggested units and marking a selection.

const ESSAY = [
  'Why Our Town Needs Night Buses',
  '',
  'Our town should run buses after ten at night.',
  '',
  'Because the last bus leaves at 9.40, shift workers walk home on unlit roads. A 2024 council survey of 500 residents found that 38 percent work evening shifts.',
  '',
  'Therefore night buses would pay for themselves within two years. However, some say nobody would ride them.',
  '',
].join('\n');

async function newEssayMap(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/documents', { data: { title: distinctive('night buses'), author: 'A. Student', text: ESSAY } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { map: { slug: string } }).map.slug;
}

const at = (words: string) => ({ start: ESSAY.indexOf(words), end: ESSAY.indexOf(words) + words.length });

async function post(request: APIRequestContext, url: string, data: unknown) {
  return request.post(url, { data });
}

test.describe('building a map through the API', () => {
  test('thesis and unconnected points, connections, kind changes — and what is refused', async ({ request }) => {
    const slug = await newEssayMap(request);
    const nodes = `/api/maps/${slug}/nodes`;
    const connections = `/api/maps/${slug}/connections`;

    const thesis = await post(request, nodes, { kind: 'thesis', text: 'Run night buses', quote: at('Our town should run buses after ten at night.') });
    expect(thesis.status(), await thesis.text()).toBe(201);
    const thesisId = (await thesis.json()).node.id as string;
    expect((await thesis.json()).edge).toBeNull();
    await expectError(await post(request, nodes, { kind: 'thesis', text: 'A second thesis' }), 409, ['kind']);
    await expectError(await post(request, nodes, { kind: 'rebuttal', text: 'Loose rebuttal' }), 400, ['target']);
    await expectError(await post(request, nodes, { kind: 'claim', text: 'Half a link', target: thesisId }), 400, ['relation']);

    const evidence = await post(request, nodes, {
      kind: 'evidence',
      text: '38 percent work evenings',
      quote: at('A 2024 council survey of 500 residents found that 38 percent work evening shifts.'),
    });
    const evidenceId = (await evidence.json()).node.id as string;
    const claim = (await (await post(request, nodes, { kind: 'claim', text: 'Buses would pay for themselves' })).json()).node.id as string;
    const objection = (await (await post(request, nodes, { kind: 'objection', text: 'Nobody would ride them' })).json()).node.id as string;

    const linked = await post(request, connections, { from: evidenceId, to: claim, relation: 'supports' });
    expect(linked.status(), await linked.text()).toBe(201);
    expect((await linked.json()).edge).toMatchObject({ from: evidenceId, to: claim, relation: 'supports' });
    expect((await post(request, connections, { from: claim, to: thesisId, relation: 'supports' })).status()).toBe(201);
    expect((await post(request, connections, { from: objection, to: claim, relation: 'attacks' })).status()).toBe(201);

    const before = await readMap(request, slug);
    await expectError(await post(request, connections, { from: evidenceId, to: claim, relation: 'supports' }), 400, ['to']);
    await expectError(await post(request, connections, { from: thesisId, to: claim, relation: 'supports' }), 400, ['relation']);
    await expectError(await post(request, connections, { from: claim, to: evidenceId, relation: 'supports' }), 400, ['to']);
    await expectError(await post(request, connections, { from: claim, to: claim, relation: 'supports' }), 400, ['to']);
    await expectError(await post(request, connections, { from: 'nope', to: claim, relation: 'supports' }), 400, ['from']);
    await expectError(await post(request, connections, { from: claim, to: thesisId, relation: 'sideways' }), 400, ['relation']);
    const after = await readMap(request, slug);
    expect(after.edges).toHaveLength(before.edges.length);
    // The objection stands unanswered, so the claim falls, and the thesis has no standing support.
    expect(after.evaluation.thesis).toBe('unsupported');

    // Making the claim the thesis makes the old thesis a claim: one thesis per map.
    const retype = await request.patch(`/api/maps/${slug}/nodes/${claim}`, { data: { kind: 'thesis' } });
    expect(retype.status(), await retype.text()).toBe(200);
    const kinds = Object.fromEntries((await readMap(request, slug)).nodes.map((n) => [n.id, n.kind]));
    expect(kinds[claim]).toBe('thesis');
    expect(kinds[thesisId]).toBe('claim');
    await expectError(await request.patch(`/api/maps/${slug}/nodes/${objection}`, { data: { kind: 'claim' } }), 400, ['kind']);
  });
});

/** The element's box once it has stopped moving (the canvas animates cards to their new places). */
async function settledBox(locator: Locator) {
  let last = '';
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await locator.boundingBox());
        const still = box === last;
        last = box;
        return still;
      },
      { intervals: [250] },
    )
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number; width: number; height: number };
}

async function nodeByText(page: Page, slug: string, text: string) {
  const view = (await (await page.request.get(`/api/maps/${slug}`)).json()) as MapView;
  return view.nodes.find((n) => n.text === text);
}

test.describe('building a map in the browser', () => {
  test('suggested units, marking a selection, dragging to connect and the keyboard Connect form', async ({ page }) => {
    const slug = await newEssayMap(page.request);
    await page.goto(`/maps/${slug}`);
    await expect(page.getByTestId('map.title')).toBeVisible();

    // Suggestions: each with its reason; nothing is saved until accepted.
    await page.getByTestId('essay.suggest').click();
    const items = page.getByTestId('suggestions.item');
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('suggestions.reason').first()).not.toBeEmpty();
    await expect(page.getByTestId('essay.suggestion').first()).toBeVisible();
    expect((await readMap(page.request, slug)).nodes).toHaveLength(0);

    const thesisSuggestion = page.locator('[data-testid="suggestions.item"][data-kind="thesis"]').first();
    await expect(thesisSuggestion).toContainText('should run buses');
    await thesisSuggestion.getByTestId('suggestions.accept').click();
    await expect(page.locator('[data-testid="canvas.node"][data-kind="thesis"]')).toContainText('Our town should run buses after ten at night.');
    await expect(page.locator('[data-testid="suggestions.item"][data-kind="thesis"]')).toHaveCount(0);

    const count = await items.count();
    await items.first().getByTestId('suggestions.dismiss').click();
    await expect(items).toHaveCount(count - 1);
    expect((await readMap(page.request, slug)).nodes).toHaveLength(1);

    // Mark a selection of the essay as evidence.
    await selectEssayWords(page, 'shift workers walk home on unlit roads');
    await expect(page.getByTestId('essay.mark')).toBeVisible();
    await page.getByTestId('essay.mark-evidence').click();
    const evidenceCard = page.locator('[data-testid="canvas.node"][data-kind="evidence"]').filter({ hasText: 'shift workers walk home on unlit roads' });
    await expect(evidenceCard).toBeVisible();
    await expect(page.getByTestId('essay.quote').filter({ hasText: 'shift workers walk home on unlit roads' })).toBeVisible();

    // Drag from the evidence card's connect handle onto the thesis; choose Supports on drop.
    const thesisCard = page.locator('[data-testid="canvas.node"][data-kind="thesis"]');
    await evidenceCard.click();
    const handle = page.locator('.react-flow__node', { has: evidenceCard }).getByTestId('canvas.connect-handle');
    await expect(handle).toBeVisible();
    // Wait for the layout (and its short animation) to settle before aiming.
    const to = await settledBox(thesisCard);
    const from = (await handle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    const chooser = page.getByTestId('connect.chooser');
    await expect(chooser).toBeVisible();
    await expect(page.getByTestId('connect.attacks')).toBeDisabled();
    await page.getByTestId('connect.supports').click();
    await expect(chooser).toBeHidden();
    await expect.poll(async () => (await readMap(page.request, slug)).edges.filter((e) => e.relation === 'supports').length).toBe(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);

    // Mark an objection, then connect it with the keyboard form in the inspector.
    await selectEssayWords(page, 'some say nobody would ride them');
    await page.getByTestId('essay.mark-objection').click();
    const objection = page.locator('[data-testid="canvas.node"][data-kind="objection"]');
    await expect(objection).toBeVisible();
    await expect(page.getByTestId('inspector.text')).toHaveText('some say nobody would ride them');
    await page.getByTestId('structure').locator('summary').click();
    await expect(page.getByTestId('structure.relation')).toHaveValue('attacks');
    const thesis = await nodeByText(page, slug, 'Our town should run buses after ten at night.');
    await page.getByTestId('structure.target').selectOption(thesis!.id);
    await page.getByTestId('structure.connect-submit').press('Enter');
    await expect.poll(async () => (await readMap(page.request, slug)).edges.filter((e) => e.relation === 'attacks').length).toBe(1);
    // The objection stands unanswered: the thesis is defeated until someone rebuts it.
    expect((await readMap(page.request, slug)).evaluation.thesis).toBe('defeated');
  });

  test('a second thesis replaces the first, which becomes a claim', async ({ page }) => {
    const slug = await newEssayMap(page.request);
    await page.goto(`/maps/${slug}`);
    await selectEssayWords(page, 'Our town should run buses after ten at night.');
    await page.getByTestId('essay.mark-thesis').click();
    await expect(page.locator('[data-testid="canvas.node"][data-kind="thesis"]')).toHaveCount(1);
    await selectEssayWords(page, 'night buses would pay for themselves within two years');
    await page.getByTestId('essay.mark-thesis').click();
    await expect(page.locator('[data-testid="canvas.node"][data-kind="thesis"]')).toContainText('pay for themselves');
    await expect(page.locator('[data-testid="canvas.node"][data-kind="claim"]')).toContainText('Our town should run buses');
    // The kind select in the inspector changes it back.
    await page.locator('[data-testid="canvas.node"][data-kind="claim"]').click();
    await page.getByTestId('structure').locator('summary').click();
    await page.getByTestId('structure.make-thesis').click();
    await expect(page.locator('[data-testid="canvas.node"][data-kind="thesis"]')).toContainText('Our town should run buses');
    const view = await readMap(page.request, slug);
    expect(view.nodes.filter((n) => n.kind === 'thesis')).toHaveLength(1);
  });
});
