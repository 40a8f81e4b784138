import { expect, test, type Page } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { api, readMap, SLUG } from './support/api';

/** The op-ed's own month: judged then, its case stands. */
const ESSAY_MONTH = '2009-08';

const DIPLOMACY_WORKED = `${SLUG}.claim-diplomacy-worked`;

async function openMap(page: Page, query = '') {
  await page.goto(`/maps/${SLUG}${query}`);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

/** The card whose own words are `text` (other cards may quote it in their status explanation). */
function card(page: Page, text: string) {
  return page.getByTestId('canvas.node').filter({ has: page.getByText(text, { exact: true }) });
}

test('the thesis banner follows an objection, its rebuttal and a what-if', async ({ page, request }) => {
  const objection = `E2E engine objection ${Date.now()}: talks reward defiance.`;
  const rebuttal = `E2E engine rebuttal ${Date.now()}: talks also froze the reactor for eight years.`;
  // Judged as of the essay's month the op-ed's case stands (today its hindsight objections defeat it).
  await openMap(page, `?asOf=${ESSAY_MONTH}`);
  const banner = page.getByTestId('map.thesis-status');
  await expect(banner).toHaveAttribute('data-status', 'stands');
  await expect(banner).toContainText('The thesis stands');

  const view = await readMap(request);
  const thesis = view.nodes.find((n) => n.kind === 'thesis')!;
  await page.locator(`[data-testid="canvas.node"][data-node-id="${thesis.id}"]`).click();
  await page.keyboard.press('o');
  await page.getByTestId('composer.text').fill(objection);
  await page.getByTestId('composer.submit').click();
  await expect(card(page, objection)).toHaveAttribute('data-status', 'stands');
  await expect(banner).toHaveAttribute('data-status', 'defeated');
  await expect(page.locator(`[data-testid="canvas.node"][data-node-id="${thesis.id}"]`)).toHaveAttribute('data-status', 'defeated');
  await expect(banner).toContainText('The thesis is defeated');

  // The new objection is selected; its inspector offers Rebut.
  await page.getByTestId('inspector').getByTestId('node.rebut').click();
  await page.getByTestId('composer.text').fill(rebuttal);
  await page.getByTestId('composer.submit').click();
  await expect(card(page, rebuttal)).toHaveAttribute('data-status', 'stands');
  await expect(card(page, objection)).toHaveAttribute('data-status', 'defeated');
  await expect(banner).toHaveAttribute('data-status', 'stands');

  // What-if: assume the rebuttal is rejected — the objection is back and the thesis falls; nothing is saved.
  await expect(page.getByTestId('inspector.text')).toHaveText(rebuttal);
  await page.getByTestId('inspector.assume-rejected').check();
  await expect(banner).toHaveAttribute('data-status', 'defeated');
  await expect(page.getByTestId('map.what-if')).toContainText('1 assumed rejected');
  await expect(page.getByTestId('inspector.why')).toContainText('assuming this is rejected');
  const saved = (await (await request.get(`${api.map()}?asOf=${ESSAY_MONTH}`)).json()) as MapView;
  expect(saved.evaluation.thesis).toBe('stands');
  await page.getByTestId('map.what-if-clear').click();
  await expect(banner).toHaveAttribute('data-status', 'stands');

  // The reason is given on the status: the banner's title says why, and clicking it opens the thesis.
  await expect(banner).toHaveAttribute('title', /^Stands\./);
  await banner.click();
  await expect(page.getByTestId('inspector.node')).toHaveAttribute('data-node-id', thesis.id);
  await expect(page.getByTestId('inspector.why')).toContainText('Stands.');

  // Leave the seeded map as it was for the specs that follow.
  const added = (await readMap(request)).nodes.find((n) => n.text === objection)!;
  expect((await request.delete(api.node(added.id))).ok()).toBe(true);
});

test('a step shows its scheme and critical questions; raising one adds a linked undercut', async ({ page, request }) => {
  const text = `E2E critical question ${Date.now()}: the Clinton-era freeze was one case among many failures.`;
  await openMap(page);
  await page.locator(`[data-testid="essay.quote"][data-node-id="${DIPLOMACY_WORKED}"]`).first().click();
  await page.getByTestId('inspector.step').first().click();
  const scheme = page.getByTestId('inspector.scheme');
  await expect(scheme.getByTestId('inspector.scheme-select')).not.toHaveValue('');
  const questions = scheme.getByTestId('inspector.question');
  expect(await questions.count()).toBeGreaterThanOrEqual(3);

  // Raise the first open question that questions the step itself.
  const open = questions.filter({ hasText: 'questions the step' }).and(page.locator('[data-state="open"]')).first();
  const questionText = (await open.locator('p').first().textContent())!;
  await open.getByTestId('inspector.raise-question').click();
  await expect(page.getByTestId('composer.question')).toContainText(questionText);
  await page.getByTestId('composer.text').fill(text);
  await page.getByTestId('composer.submit').click();
  await expect(card(page, text)).toBeVisible();

  const view = await readMap(request);
  const node = view.nodes.find((n) => n.text === text)!;
  const conflict = view.conflicts.find((c) => c.attacker === node.id)!;
  expect('inference' in conflict.target).toBe(true);
  expect(conflict.question).toMatch(/^[a-z-]+\.cq\d+$/);

  // Back on the step, that question is now raised and unanswered.
  await page.locator(`[data-testid="essay.quote"][data-node-id="${DIPLOMACY_WORKED}"]`).first().click();
  await page.getByTestId('inspector.step').first().click();
  await expect(page.getByTestId('inspector.question').filter({ hasText: questionText })).toHaveAttribute('data-state', 'raised');

  // The map-level list no longer counts it as merely open, and lists questions most important first.
  await page.getByTestId('map.open-questions').click();
  await expect(page.getByTestId('open-questions.item').first()).toBeVisible();

  expect((await request.delete(api.node(node.id))).ok()).toBe(true);
});

test('GET /api/schemes returns the catalogue', async ({ request }) => {
  const response = await request.get('/api/schemes');
  expect(response.ok()).toBe(true);
  const { schemes } = await response.json();
  expect(schemes.length).toBeGreaterThanOrEqual(10);
  for (const s of schemes) expect(s.questions.length).toBeGreaterThanOrEqual(3);
});

test('a scheme can be named on a step, and a bad one is refused', async ({ request }) => {
  const view = await readMap(request);
  const step = view.inferences.find((i) => i.scheme !== null)!;
  const bad = await request.patch(`/api/maps/${SLUG}/inferences/${step.id}`, { data: { scheme: 'astrology' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toEqual(['scheme']);
  const ok = await request.patch(`/api/maps/${SLUG}/inferences/${step.id}`, { data: { scheme: 'analogy' } });
  expect(ok.status()).toBe(200);
  expect((await readMap(request)).inferences.find((i) => i.id === step.id)!.scheme).toBe('analogy');
  await request.patch(`/api/maps/${SLUG}/inferences/${step.id}`, { data: { scheme: step.scheme } });
});

test('the API reports each node’s status and the thesis’s', async ({ request }) => {
  const view = await readMap(request);
  expect(['stands', 'defeated', 'contested', 'unsupported']).toContain(view.evaluation.thesis);
  for (const n of view.nodes) expect(['stands', 'defeated', 'contested', 'unsupported']).toContain(n.status);
});

test('a critical question must belong to the scheme of the step it is raised against', async ({ request }) => {
  const view = await readMap(request);
  const step = view.inferences.find((i) => i.scheme === 'past-practice')!;
  const before = await readMap(request);
  const response = await request.post(api.nodes(), {
    data: {
      kind: 'objection',
      text: 'An expert-opinion question on a past-practice step.',
      target: step.id,
      relation: 'attacks',
      question: 'expert-opinion.cq1',
    },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.issues[0].path).toEqual(['question']);
  expect(await readMap(request)).toEqual(before);
});

test('the export menu downloads an image of the map', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('map.export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export.png').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${SLUG}.png`);
  const path = await download.path();
  const { statSync, readFileSync } = await import('node:fs');
  expect(statSync(path).size).toBeGreaterThan(20_000);
  expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
});
