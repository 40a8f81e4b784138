import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { distinctive, readMap, SLUG } from './support/api';

// Stock issues on a new policy essay: the thesis is marked a policy proposal in the inspector, a
// premise is tagged with the issue its case lacked, the gaps panel's flag appears and goes, and the
// brief's stock-issues section shows the issues held, then one lost to an objection. The inspector's
// "As of" month is set, cleared, and a refusal is shown in place (a refused month stays in its field).

const SHOTS = '/tmp/shots';
const ESSAY = [
  'Night Buses Now',
  '',
  'The council should run buses after ten at night, starting next month.',
  '',
  'Because the last bus leaves at 9.40, shift workers walk home on unlit roads. The council’s own timetable, not a lack of riders, ends the service. A night route would carry them home. The new hospital rotas start next month.',
  '',
].join('\n');

interface Made {
  slug: string;
  thesis: string;
  harm: string;
  inherency: string;
  solvency: string;
  timeliness: string;
}

async function post(
  request: APIRequestContext,
  slug: string,
  body: Record<string, unknown>,
): Promise<{ node: { id: string }; edge: { inference?: string } | null }> {
  const response = await request.post(`/api/maps/${slug}/nodes`, { data: { author: 'Stock issues test', ...body } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** A new map: a thesis, one linked step of four premises into it, three of them tagged (timeliness is not). */
async function policyMap(request: APIRequestContext): Promise<Made> {
  const response = await request.post('/api/documents', { data: { title: distinctive('night buses now'), author: 'A. Student', text: ESSAY } });
  expect(response.status(), await response.text()).toBe(201);
  const slug = ((await response.json()) as { map: { slug: string } }).map.slug;
  const thesis = (await post(request, slug, { kind: 'thesis', text: 'The council should run night buses from next month.' })).node.id;
  const harm = await post(request, slug, {
    kind: 'premise',
    text: 'Shift workers walk home on unlit roads after the last bus.',
    target: thesis,
    relation: 'supports',
    stockIssue: 'harm',
  });
  const step = harm.edge!.inference!;
  const linked = async (text: string, stockIssue?: string) =>
    (await post(request, slug, { kind: 'premise', text, target: step, relation: 'supports', ...(stockIssue ? { stockIssue } : {}) })).node.id;
  return {
    slug,
    thesis,
    harm: harm.node.id,
    inherency: await linked('The council’s timetable, not a lack of riders, ends the service.', 'inherency'),
    solvency: await linked('A night route would carry the shift workers home.', 'solvency'),
    timeliness: await linked('The new hospital rotas start next month.'),
  };
}

async function openMap(page: Page, slug: string) {
  await page.goto(`/maps/${slug}`);
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  const canvasButton = page.getByTestId('map.view-canvas');
  if (await canvasButton.isVisible()) await canvasButton.click();
}

const card = (page: Page, id: string) => page.locator(`.react-flow__node [data-testid="canvas.node"][data-node-id="${id}"]`);

async function selectPoint(page: Page, id: string) {
  await card(page, id).click();
  await expect(page.locator(`[data-testid="inspector.node"][data-node-id="${id}"]`)).toBeVisible();
}

/** The window as a reader sees it with the stock-issues section's heading at the top, below the brief's toolbar. */
async function shootSection(page: Page, path: string) {
  await page.getByTestId('brief.section-stock').evaluate((section) => {
    const toolbar = document.querySelector('.brief-chrome')?.getBoundingClientRect().height ?? 0;
    window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - toolbar - 8);
  });
  await page.screenshot({ path });
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('mark the thesis a policy proposal, tag the missing issue, and read the stock issues in the gaps and the brief', async ({ page, request }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const made = await policyMap(request);
  await openMap(page, made.slug);

  // The thesis proposes no policy yet: the gaps panel has no stock-issue section.
  await page.getByTestId('map.gaps').click();
  await expect(page.getByTestId('gaps')).toBeVisible();
  await expect(page.getByTestId('gaps.stock-issues')).toHaveCount(0);
  await page.getByTestId('gaps.close').click();

  // Mark it in the inspector: an accessible switch, saved and shown as a tag.
  await selectPoint(page, made.thesis);
  const proposal = page.getByRole('switch', { name: 'Policy proposal' });
  await expect(proposal).toHaveAttribute('aria-checked', 'false');
  await proposal.click();
  await expect(proposal).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('inspector.proposal-tag')).toHaveText('Policy proposal');
  expect((await readMap(request, made.slug)).nodes.find((n) => n.id === made.thesis)!.proposal).toBe(true);
  // The four issues at a glance: timeliness is not argued, and the verdict says what that costs.
  const issues = page.getByTestId('details.issue');
  await expect(issues).toHaveCount(4);
  await expect(issues.filter({ hasText: 'Timeliness' })).toHaveAttribute('data-state', 'missing');
  await expect(page.getByTestId('details.verdict')).toContainText('timeliness is never argued');
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/stock-issues-inspector-thesis-1024.png` });

  // The gaps panel flags the missing issue, in words, and leads back to the thesis.
  await page.getByTestId('map.gaps').click();
  const section = page.getByTestId('gaps.stock-issues');
  await expect(section.getByTestId('gaps.count')).toHaveText('1');
  const flag = section.getByTestId('gaps.stock-issue');
  await expect(flag).toHaveAttribute('data-issue', 'timeliness');
  await expect(flag).toContainText('Missing: no premise of the step into the thesis argues timeliness (Why now?)');
  await page.getByTestId('gaps').screenshot({ path: `${SHOTS}/stock-issues-gaps-1024.png` });
  await flag.getByTestId('gaps.entry').click();
  await expect(page.locator(`.react-flow__node.selected [data-node-id="${made.thesis}"]`)).toBeVisible();
  await page.getByTestId('gaps.close').click();

  // Tag the premise that argues "why now": the select offers None and the affirmative's four.
  await selectPoint(page, made.timeliness);
  const select = page.getByTestId('details.stock-issue');
  await expect(select.locator('option')).toHaveText(['None', 'Harm', 'Inherency', 'Solvency', 'Timeliness']);
  await select.selectOption('timeliness');
  await expect(page.getByTestId('inspector.issue-tag')).toHaveText('Stock issue: Timeliness');
  await expect(select).toHaveValue('timeliness');
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/stock-issues-inspector-premise-1024.png` });

  // The flag is gone.
  await page.getByTestId('map.gaps').click();
  await expect(section.getByTestId('gaps.count')).toHaveText('0');
  await expect(section.getByTestId('gaps.stock-issue')).toHaveCount(0);
  await expect(section).toContainText('The step into the thesis argues all four stock issues.');

  // The brief: all four held.
  await page.goto(`/maps/${made.slug}/brief?side=affirmative`);
  const stock = page.getByTestId('brief.section-stock');
  await expect(stock).toBeVisible();
  await expect(page.getByTestId('brief.stock-verdict')).toHaveText('The affirmative holds all four stock issues (harm, inherency, solvency and timeliness).');
  await expect(stock.locator('[data-testid="brief.stock-issue"][data-state="held"]')).toHaveCount(4);

  // An objection nobody answers takes solvency: the brief says the round is lost.
  await post(request, made.slug, {
    kind: 'objection',
    text: 'The night route would end at the depot, two miles from the estates.',
    target: made.solvency,
    relation: 'attacks',
  });
  await page.reload();
  const solvency = stock.locator('[data-testid="brief.stock-issue"][data-issue="solvency"]');
  await expect(solvency).toHaveAttribute('data-state', 'lost');
  await expect(solvency.getByTestId('brief.stock-state')).toHaveText('Lost');
  await expect(solvency.getByTestId('brief.stock-state')).toHaveAttribute('data-tone', 'bad');
  await expect(solvency.getByTestId('brief.stock-attacks')).toContainText('two miles from the estates');
  await expect(page.getByTestId('brief.stock-verdict')).toHaveText(
    'The affirmative loses the round on the stock issues: solvency is lost. A lost stock issue loses the round: the affirmative must hold all four.',
  );
  await shootSection(page, `${SHOTS}/stock-issues-brief-affirmative-1024.png`);
  await page.setViewportSize({ width: 1536, height: 864 });
  await shootSection(page, `${SHOTS}/stock-issues-brief-affirmative-1536.png`);

  // The negative is told to press it, and the Markdown says the same.
  await page.goto(`/maps/${made.slug}/brief?side=negative`);
  await expect(page.locator('[data-testid="brief.stock-issue"][data-issue="solvency"] [data-testid="brief.stock-advice"]')).toHaveText(
    'The affirmative has lost solvency: press it — a lost stock issue loses the round.',
  );
  // For the negative the same lost issue is good news.
  await expect(page.locator('[data-testid="brief.stock-issue"][data-issue="solvency"] [data-testid="brief.stock-state"]')).toHaveAttribute('data-tone', 'good');
  await shootSection(page, `${SHOTS}/stock-issues-brief-negative-1536.png`);
  const markdown = await request.get(`/api/maps/${made.slug}/brief?side=negative&format=markdown`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain('#### Solvency — Lost ✕');
  const json = (await (await request.get(`/api/maps/${made.slug}/brief?side=affirmative&format=json`)).json()) as {
    brief: { stockIssues: { losing: string[] } };
  };
  expect(json.brief.stockIssues.losing).toEqual(['solvency']);
});

test('an objection’s stock issue and month: the negative’s lines only, set and cleared, and a refusal shown in place', async ({ page, request }) => {
  const made = await policyMap(request);
  const objection = (
    await post(request, made.slug, {
      kind: 'objection',
      text: 'A peace of mind for a few is not worth the fares of all.',
      target: made.thesis,
      relation: 'attacks',
    })
  ).node.id;
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1536, height: 864 },
  ]) {
    await page.setViewportSize(size);
    await openMap(page, made.slug);
    await selectPoint(page, objection);
    const select = page.getByTestId('details.stock-issue');
    await expect(select.locator('option')).toHaveText(['None', 'Disadvantage', 'Counterplan']);
    if (size.width === 1024) {
      await select.selectOption('disadvantage');
      await expect(page.getByTestId('inspector.issue-tag')).toHaveText('Stock issue: Disadvantage');
      await page.getByTestId('details.as-of').fill('2009-06');
      await expect(page.getByTestId('inspector.as-of-tag')).toHaveText('As of Jun 2009');
      const view: MapView = await readMap(request, made.slug);
      expect(view.nodes.find((n) => n.id === objection)).toMatchObject({ stockIssue: 'disadvantage', asOf: '2009-06' });
    }
    await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/stock-issues-inspector-objection-${size.width}.png` });
  }

  // Cleared: the tag goes, and the map forgets the month.
  await page.getByRole('button', { name: 'Clear the month' }).click();
  await expect(page.getByTestId('inspector.as-of-tag')).toHaveCount(0);
  await expect(page.getByTestId('details.as-of')).toHaveValue('');
  expect((await readMap(request, made.slug)).nodes.find((n) => n.id === objection)!.asOf).toBeNull();

  // A month not yet come is refused before it is sent; a refusal from the server is shown in place.
  await page.getByTestId('details.as-of').fill('2999-01');
  await expect(page.locator('[data-testid="details.error"][data-field="asOf"]')).toHaveText('Jan 2999 has not happened yet.');
  expect((await readMap(request, made.slug)).nodes.find((n) => n.id === objection)!.asOf).toBeNull();
  await page.getByTestId('details.as-of').fill('');
  await expect(page.getByTestId('details.error')).toHaveCount(0);
  const refusals = {
    stockIssue: {
      message: 'That stock issue does not fit this point.',
      issues: [{ path: ['stockIssue'], message: 'An objection can be the negative’s disadvantage or counterplan.' }],
    },
    asOf: { message: 'The change is not valid.', issues: [{ path: ['asOf'], message: 'Not before the essay was written.' }] },
  };
  await page.route(`**/api/maps/${made.slug}/nodes/**`, (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    const field = 'asOf' in (route.request().postDataJSON() as object) ? 'asOf' : 'stockIssue';
    return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: refusals[field] }) });
  });
  await page.getByTestId('details.stock-issue').selectOption('counterplan');
  await expect(page.locator('[data-testid="details.error"][data-field="stockIssue"]')).toHaveText(
    'That stock issue does not fit this point. An objection can be the negative’s disadvantage or counterplan.',
  );
  await expect(page.getByTestId('details.stock-issue')).toHaveValue('disadvantage');
  // A month the server refuses stays in the field beside the refusal, to be corrected, not retyped.
  await page.getByTestId('details.as-of').fill('2008-03');
  await expect(page.locator('[data-testid="details.error"][data-field="asOf"]')).toHaveText('The change is not valid. Not before the essay was written.');
  await expect(page.getByTestId('details.as-of')).toBeEnabled();
  await expect(page.getByTestId('details.as-of')).toHaveValue('2008-03');
  expect((await readMap(request, made.slug)).nodes.find((n) => n.id === objection)!.asOf).toBeNull();
});

test('a rebuttal bears on no stock issue, and the thesis has no month', async ({ page, request }) => {
  const made = await policyMap(request);
  const objection = (
    await post(request, made.slug, { kind: 'objection', text: 'The hospital could run its own shuttle instead.', target: made.thesis, relation: 'attacks' })
  ).node.id;
  const rebuttal = (
    await post(request, made.slug, { kind: 'rebuttal', text: 'The hospital has said it will not pay for one.', target: objection, relation: 'attacks' })
  ).node.id;
  await openMap(page, made.slug);
  await selectPoint(page, rebuttal);
  await expect(page.getByTestId('details')).toBeVisible();
  await expect(page.getByTestId('details.stock-issue')).toHaveCount(0);
  await expect(page.getByTestId('details.as-of')).toBeVisible();
  await selectPoint(page, made.thesis);
  await expect(page.getByTestId('details.proposal')).toBeVisible();
  await expect(page.getByTestId('details.as-of')).toHaveCount(0);
  await expect(page.getByTestId('details.stock-issue')).toHaveCount(0);
});

test('a viewer of a read-only map sees the tags but not the controls', async ({ page, playwright, baseURL }) => {
  // A signed-in teacher makes the map (so it has an owner who may make it read-only).
  const owner = await playwright.request.newContext({ baseURL });
  const signup = await owner.post('/api/auth/signup', {
    data: { username: `stock${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, password: 'correct horse battery' },
  });
  expect(signup.status(), await signup.text()).toBe(201);
  const made = await policyMap(owner);
  const policy = await owner.patch(`/api/maps/${made.slug}`, { data: { policy: 'read-only' } });
  expect(policy.status(), await policy.text()).toBe(200);
  await owner.dispose();

  await openMap(page, made.slug);
  await selectPoint(page, made.harm);
  await expect(page.getByTestId('inspector.issue-tag')).toHaveText('Stock issue: Harm');
  await expect(page.getByTestId('details')).toHaveCount(0);
});

test('the seeded op-ed: its policy case holds all four issues as of Aug 2009, and loses solvency and timeliness with hindsight', async ({ page }) => {
  const thesis = `${SLUG}.thesis`;
  for (const [size, asOf, lost] of [
    [{ width: 1024, height: 768 }, '2009-08', []],
    [{ width: 1536, height: 864 }, null, ['Solvency', 'Timeliness']],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(`/maps/${SLUG}${asOf ? `?asOf=${asOf}` : ''}`);
    await expect(page.getByTestId('map.title')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
    const canvasButton = page.getByTestId('map.view-canvas');
    if ((await canvasButton.getAttribute('aria-pressed')) !== 'true') await canvasButton.click();
    await selectPoint(page, thesis);
    await expect(page.getByTestId('inspector.proposal-tag')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Policy proposal' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('[data-testid="details.issue"][data-state="lost"]')).toHaveText(lost.map((issue) => new RegExp(`^${issue}`)));
    await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/stock-issues-op-ed-thesis-${size.width}.png` });
  }

  // The brief (judged today) says which issues are lost, and that a lost issue loses the round.
  await page.goto(`/maps/${SLUG}/brief?side=affirmative`);
  await expect(page.getByTestId('brief.stock-verdict')).toContainText('solvency and timeliness are lost');
  await expect(page.locator('[data-testid="brief.stock-issue"][data-issue="harm"]')).toHaveAttribute('data-state', 'held');
  await shootSection(page, `${SHOTS}/stock-issues-op-ed-brief-1536.png`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/maps/${SLUG}/brief?side=negative`);
  await expect(page.locator('[data-testid="brief.stock-issue"][data-issue="disadvantage"]')).toHaveAttribute('data-state', 'lost');
  await shootSection(page, `${SHOTS}/stock-issues-op-ed-brief-negative-1024.png`);
});
