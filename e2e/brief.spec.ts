import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { addNode, distinctive, expectError, removeAddedNodes, SLUG } from './support/api';

// The debate brief of the seeded op-ed, for both sides: the page, its Markdown, print and PDF.
// The objections and the rebuttal it checks are made through the API first (beforeAll), so the
// matrix has a known unanswered row and a known answered one.

const BRIEF = `/maps/${SLUG}/brief`;
const id = (key: string) => `${SLUG}.${key}`;
const DOOR_OPEN = id('claim-door-open');
const CAN_YIELD = id('claim-diplomacy-can-yield');
const DANGER = id('claim-dangerous-moment');
const DOCTRINE = id('claim-own-doctrine');
const SHOTS = '/tmp/shots';

/** Made in beforeAll: an objection nothing answers, and one a rebuttal answers. */
const made = { unanswered: { id: '', text: '' }, answered: { id: '', text: '' }, rebuttal: { id: '', text: '' } };
/** The anonymous browser whose vote the tests cast (and withdraw at the end). */
const voter = { 'X-Argmap-Owner': randomUUID(), 'X-Argmap-Client': randomUUID() };
let api: APIRequestContext;

async function vote(nodeId: string, value: number | null) {
  const response = await api.put(`/api/maps/${SLUG}/nodes/${encodeURIComponent(nodeId)}/vote`, { headers: voter, data: { value } });
  expect(response.status(), await response.text()).toBe(200);
}

test.beforeAll(async ({ playwright }, testInfo) => {
  api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const objection = async (target: string, label: string) => {
    const text = `${distinctive(label)} This point does not hold up.`;
    const { node } = await addNode(api, { kind: 'objection', relation: 'attacks', target, text, author: 'Brief test' });
    return { id: node.id, text };
  };
  made.unanswered = await objection(DOOR_OPEN, 'unanswered objection');
  made.answered = await objection(CAN_YIELD, 'answered objection');
  const text = `${distinctive('rebuttal')} The objection misreads the record.`;
  const { node } = await addNode(api, { kind: 'rebuttal', relation: 'attacks', target: made.answered.id, text, author: 'Brief test' });
  made.rebuttal = { id: node.id, text };
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await vote(CAN_YIELD, null);
  await removeAddedNodes(api);
  await api.dispose();
});

const casePoints = (page: Page) => page.getByTestId('brief.case-point');
const matrixRow = (page: Page, nodeId: string) => page.locator(`[data-testid="brief.matrix-row"][data-node-id="${nodeId}"]`);

async function caseOrder(page: Page): Promise<string[]> {
  return casePoints(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-node-id') ?? ''));
}

test('the map’s export menu leads to the brief', async ({ page }) => {
  await page.goto(`/maps/${SLUG}`);
  await page.getByTestId('map.export').click();
  await page.getByTestId('export.brief').click();
  await expect(page).toHaveURL(new RegExp(`${BRIEF}$`));
  await expect(page.getByTestId('brief.side')).toHaveText(/Affirmative/);
});

test('the affirmative brief: reasons by status then votes, the matrix with its unanswered and answered rows, the questions', async ({ page }) => {
  await page.goto(`${BRIEF}?side=affirmative`);
  await expect(page.getByTestId('brief.title')).toHaveText('Negotiate now? — the case for engaging North Korea');
  await expect(page.getByTestId('brief.essay')).toContainText('The Time is Now to Negotiate with North Korea');
  await expect(page.getByTestId('brief.essay')).toContainText('Haeyoung Kim');
  await expect(page.getByTestId('brief.resolution')).toContainText('talk with North Korea now');
  await expect(page.getByTestId('brief.side.affirmative')).toHaveAttribute('aria-current', 'page');

  // Judged today the harm stands; the doctrine line is unsupported; "the door is open" (defeated by the
  // unanswered objection) and solvency (defeated by a hindsight objection) come last, in the essay's order.
  expect(await caseOrder(page)).toEqual([DANGER, DOCTRINE, DOOR_OPEN, CAN_YIELD]);
  await expect(casePoints(page).last().getByTestId('status-badge').first()).toHaveText('Defeated');
  await expect(casePoints(page).first().getByTestId('status-badge').first()).toHaveText('Stands');
  // Each reason brings its evidence, with the essay's words as a quote.
  await expect(casePoints(page).first().getByTestId('brief.support').first()).toBeVisible();
  await expect(casePoints(page).first().getByTestId('brief.quote').first()).toContainText('“We are at a dangerous moment');

  // Among points of one status, the crowd's votes decide.
  await vote(CAN_YIELD, 4);
  await page.reload();
  expect(await caseOrder(page)).toEqual([DANGER, DOCTRINE, CAN_YIELD, DOOR_OPEN]);
  await expect(casePoints(page).nth(2)).toContainText('crowd 4.0/4 (1 vote)');

  const unanswered = matrixRow(page, made.unanswered.id);
  await expect(unanswered).toHaveAttribute('data-answered', 'false');
  await expect(unanswered.getByTestId('brief.matrix-response')).toHaveText(/Unanswered/);
  await expect(unanswered).toContainText('Kim Dae-jung’s life’s work and now his death have opened the door');
  const answered = matrixRow(page, made.answered.id);
  await expect(answered).toHaveAttribute('data-answered', 'true');
  await expect(answered.getByTestId('brief.matrix-response')).toContainText(made.rebuttal.text);
  await expect(answered.getByTestId('brief.unanswered')).toHaveCount(0);
  // Unanswered rows come first.
  const flags = await page.getByTestId('brief.matrix-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-answered')));
  expect(flags.indexOf('true')).toBeGreaterThan(flags.lastIndexOf('false'));

  await expect(page.getByTestId('brief.section-questions').getByRole('heading', { level: 2 })).toHaveText(/Questions to prepare for/);
  await expect(page.getByTestId('brief.questions').getByTestId('brief.question').first()).toHaveAttribute('data-state', 'raised');
});

test('the negative brief: the objections as its case, the affirmative’s rebuttals in its matrix, openings to attack', async ({ page }) => {
  await page.goto(`${BRIEF}?side=affirmative`);
  await page.getByTestId('brief.side.negative').click();
  await expect(page).toHaveURL(/side=negative/);
  await expect(page.getByTestId('brief.side')).toHaveText(/Negative/);
  await expect(page.getByTestId('brief.side.negative')).toHaveAttribute('aria-current', 'page');

  const order = await caseOrder(page);
  expect(order).toContain(made.unanswered.id);
  expect(order).toContain(made.answered.id);
  // The objection that stands comes before the one the rebuttal defeats.
  expect(order.indexOf(made.unanswered.id)).toBeLessThan(order.indexOf(made.answered.id));
  await expect(page.locator(`[data-testid="brief.case-point"][data-node-id="${made.unanswered.id}"]`)).toContainText('Attacks');

  const rebuttal = matrixRow(page, made.rebuttal.id);
  await expect(rebuttal).toHaveAttribute('data-answered', 'false');
  await expect(rebuttal).toContainText(made.answered.text);
  await expect(matrixRow(page, made.unanswered.id)).toHaveCount(0);

  await expect(page.getByTestId('brief.section-questions').getByRole('heading', { level: 2 })).toHaveText(/Openings to attack/);
  await expect(page.getByTestId('brief.questions').getByTestId('brief.question')).not.toHaveCount(0);
});

test('Download Markdown saves the brief as a .md file with the same content', async ({ page }) => {
  await page.goto(`${BRIEF}?side=affirmative`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('brief.download').click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}-brief-affirmative.md`);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toMatch(/^# Debate brief: Affirmative\n/);
  expect(markdown).toContain('**Essay:** The Time is Now to Negotiate with North Korea — Haeyoung Kim');
  expect(markdown).toContain('## 1. Case outline');
  expect(markdown).toContain('> “We are at a dangerous moment in relations with North Korea”');
  const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
  const escaped = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
  const unansweredRow = rows.find((line) => line.includes(escaped(made.unanswered.text)));
  expect(unansweredRow).toMatch(/\| \*\*unanswered\*\* \|$/);
  const answeredRow = rows.find((line) => line.includes(escaped(made.answered.text)));
  expect(answeredRow).toContain(escaped(made.rebuttal.text));
  expect(answeredRow).not.toContain('**unanswered**');
  expect(markdown).toContain('## 3. Questions to prepare for');

  const negative = await page.request.get(`/api/maps/${SLUG}/brief?side=negative&format=markdown`);
  expect(negative.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  expect(negative.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}-brief-negative.md"`);
  expect(await negative.text()).toContain('## 3. Openings to attack');
});

test('GET …/brief: JSON, and a specific 400 for a bad side or format, 404 for an unknown map', async ({ request }) => {
  const json = await request.get(`/api/maps/${SLUG}/brief?side=negative&format=json`);
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.brief.side).toBe('negative');
  expect(body.brief.matrix.map((row: { opposing: { id: string } }) => row.opposing.id)).toContain(made.rebuttal.id);
  expect(body.meta.document.author).toBe('Haeyoung Kim');

  await expectError(await request.get(`/api/maps/${SLUG}/brief?side=neutral`), 400, ['side']);
  await expectError(await request.get(`/api/maps/${SLUG}/brief?format=markdown`), 400, ['side']);
  await expectError(await request.get(`/api/maps/${SLUG}/brief?side=affirmative&format=pdf`), 400, ['format']);
  await expectError(await request.get(`/api/maps/no-such-map/brief?side=affirmative`), 404);
});

test('a members-only map: no brief without access, the join gate on the page', async ({ browser, baseURL }) => {
  const teacher = await playwrightRequest.newContext({ baseURL });
  const signup = await teacher.post('/api/auth/signup', { data: { username: `briefteacher${Date.now()}`, password: 'correct horse battery' } });
  expect(signup.status(), await signup.text()).toBe(201);
  const copy = await teacher.post(`/api/maps/${SLUG}/copies`, { data: { title: `Brief class ${Date.now()}`, className: 'Debate club' } });
  expect(copy.status(), await copy.text()).toBe(201);
  const slug = ((await copy.json()) as { map: { slug: string } }).map.slug;
  expect((await teacher.get(`/api/maps/${slug}/brief?side=affirmative`)).status()).toBe(200);

  const nobody = await playwrightRequest.newContext({ baseURL });
  await expectError(await nobody.get(`/api/maps/${slug}/brief?side=affirmative`), 401);
  const page = await browser.newPage({ baseURL });
  await page.goto(`/maps/${slug}/brief`);
  await expect(page.getByTestId('join.gate')).toBeVisible();
  await expect(page.getByTestId('brief.document')).toHaveCount(0);
  await page.goto('/maps/no-such-map/brief');
  await expect(page.getByTestId('brief.document')).toHaveCount(0);
  await Promise.all([page.close(), teacher.dispose(), nobody.dispose()]);
});

test('on paper: no chrome, each section on a new page, and it prints to A4 and Letter over several pages', async ({ page }) => {
  // About the width of an A4 sheet at 96 dpi, so the print screenshot shows the paper's layout.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto(`${BRIEF}?side=affirmative`);
  await expect(page.getByTestId('brief.toolbar')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('brief.toolbar')).toBeHidden();
  await expect(page.getByTestId('brief.print')).toBeHidden();
  await expect(page.getByTestId('brief.document')).toBeVisible();
  for (const section of ['brief.section-matrix', 'brief.section-questions']) {
    expect(await page.getByTestId(section).evaluate((el) => getComputedStyle(el).breakBefore), section).toBe('page');
  }
  expect(
    await page
      .getByTestId('brief.matrix-row')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');
  await page.screenshot({ path: `${SHOTS}/brief-print.png`, fullPage: true });

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true, path: `${SHOTS}/brief-${format}.pdf` });
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // Three sections, each from a new page: at least three pages.
    expect(pages, `${format} pages`).toBeGreaterThanOrEqual(3);
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('brief.toolbar')).toBeVisible();
});

test('axe finds no serious or critical accessibility problems on either side', async ({ page }) => {
  for (const side of ['affirmative', 'negative'] as const) {
    await page.goto(`${BRIEF}?side=${side}`);
    await expect(page.getByTestId('brief.document')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
      side,
    ).toEqual([]);
  }
});

test('Print opens the browser’s print dialog', async ({ page }) => {
  await page.goto(`${BRIEF}?side=negative`);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByTestId('brief.print').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
  [390, 844],
] as const) {
  test(`screenshots at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const side of ['affirmative', 'negative'] as const) {
      await page.goto(`${BRIEF}?side=${side}`);
      await expect(page.getByTestId('brief.document')).toBeVisible();
      // Nothing wider than the screen: the document reflows, the matrix stacks on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/brief-${side}-${width}x${height}.png` });
      await page.screenshot({ path: `${SHOTS}/brief-${side}-${width}x${height}-full.png`, fullPage: true });
      await page.screenshot({ path: `test-results/brief-${side}-${width}x${height}.png`, fullPage: true });
    }
  });
}

test.describe('a brief too long to print', () => {
  test('draws its first points, says how many more there are, and offers the whole brief as Markdown', async ({ page }) => {
    // A thesis with 450 reasons: more than the page draws (BRIEF_PAGE_POINTS_MAX).
    const nodes = [{ nodeID: 't', text: 'We should negotiate now.', type: 'I' }];
    const edges = [];
    for (let i = 0; i < 450; i++) {
      nodes.push({ nodeID: `r${i}`, text: `Reason ${i + 1} for the thesis.`, type: 'I' }, { nodeID: `s${i}`, text: 'Default Inference', type: 'RA' });
      edges.push({ edgeID: `a${i}`, fromID: `r${i}`, toID: `s${i}` }, { edgeID: `b${i}`, fromID: `s${i}`, toID: 't' });
    }
    const imported = await page.request.post('/api/maps/import', {
      data: { format: 'aif', title: 'Four hundred and fifty reasons', content: JSON.stringify({ nodes, edges, locutions: [] }) },
    });
    expect(imported.status(), await imported.text()).toBe(201);
    const { map } = (await imported.json()) as { map: { slug: string } };
    await page.goto(`/maps/${map.slug}/brief?side=affirmative`);
    const note = page.getByTestId('brief.omitted');
    await expect(note).toContainText('first 400 points; 50 more are left out');
    // The counts at a glance are the whole brief's.
    await expect(page.getByTestId('brief.document')).toContainText(/450\s*reasons for the thesis/);
    const download = await page.request.get((await note.getByRole('link').getAttribute('href')) as string);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('Reason 450 for the thesis.');
  });
});
