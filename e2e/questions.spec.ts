import { expect, test, type Locator, type Page } from '@playwright/test';
import { catalogueVariables } from '../lib/argument/__tests__/catalogue-variables';
import { SLUG } from './support/api';

// Critical questions in plain words (issue 11): every place a person reads a critical question of the
// op-ed — the inspector, the header's open questions, the gaps panel, the brief — asks it of the
// step's own points, never with the catalogue's letters ("for a to carry out A").

const THESIS = `${SLUG}.thesis`;
/** The thesis as its questions quote it (its short title). */
const THESIS_TITLE = '“The US should change course and talk with North Korea…”';

async function openMap(page: Page) {
  await page.goto(`/maps/${SLUG}`);
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

/** The texts of `items` (each item's `part`, when given), after checking there are some. */
async function textsOf(items: Locator, part?: string): Promise<string[]> {
  await expect(items.first()).toBeVisible();
  const texts = part ? await items.locator(part).allTextContents() : await items.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  return texts.map((t) => t.trim());
}

function expectNoCatalogueLetters(texts: string[]) {
  for (const text of texts) expect(catalogueVariables(text), text).toEqual([]);
}

test('the inspector asks a step’s questions of its own points, and Raise opens a sentence to finish', async ({ page }) => {
  await openMap(page);
  await page.locator(`[data-testid="essay.quote"][data-node-id="${THESIS}"]`).first().click();
  await page.getByTestId('inspector.step').filter({ hasText: 'Practical reasoning' }).click();
  const scheme = page.getByTestId('inspector.scheme');
  await expect(scheme.getByRole('heading', { name: 'Critical questions' })).toBeVisible();

  const questions = await textsOf(scheme.getByTestId('inspector.question'), 'p');
  expect(questions.length).toBeGreaterThanOrEqual(3);
  expectNoCatalogueLetters(questions);
  expect(questions).toContain(`Is it practically possible to do what ${THESIS_TITLE} proposes?`);
  expect(questions.filter((q) => q.includes(THESIS_TITLE)).length).toBe(questions.length);

  // The pattern is in general words, and names the step's conclusion.
  const pattern = scheme.getByTestId('inspector.pattern');
  await pattern.locator('summary').click();
  expectNoCatalogueLetters([(await pattern.textContent())!]);
  await expect(pattern).toContainText(`Here the conclusion is ${THESIS_TITLE}.`);

  await scheme.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.getByTestId('inspector').screenshot({ path: '/tmp/h3-inspector.png' });

  // Raising a question opens an objection that begins in the step's words and ends where the student's go.
  await scheme.getByTestId('inspector.question').filter({ hasText: 'practically possible' }).getByTestId('inspector.raise-question').click();
  const box = page.getByTestId('composer.text');
  await expect(box).toHaveValue(`What ${THESIS_TITLE} proposes is not practically possible, because …`);
  await page.getByTestId('composer').screenshot({ path: '/tmp/h3-raise.png' });
});

test('the header’s open questions and the gaps panel quote the steps’ points', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('map.open-questions').click();
  const list = page.getByTestId('open-questions');
  const items = await textsOf(list.getByTestId('open-questions.question'));
  expectNoCatalogueLetters(items);
  expect(items).toContain(`Is it practically possible to do what ${THESIS_TITLE} proposes?`);
  expect(items.filter((q) => q.includes('“')).length).toBeGreaterThan(items.length / 2);
  await list.screenshot({ path: '/tmp/h3-open-questions.png' });
  await page.keyboard.press('Escape');

  await page.getByTestId('map.gaps').click();
  const gaps = await textsOf(page.getByTestId('gaps.questions').getByTestId('gaps.question'));
  expectNoCatalogueLetters(gaps);
  expect(gaps.some((q) => q.includes(THESIS_TITLE))).toBe(true);
});

test('the brief’s open questions quote the steps’ points, on screen and in Markdown', async ({ page }) => {
  await page.goto(`/maps/${SLUG}/brief`);
  const section = page.getByTestId('brief.questions');
  const questions = await textsOf(section.getByTestId('brief.question'), 'p.font-semibold');
  expectNoCatalogueLetters(questions);
  expect(questions.filter((q) => q.includes('“')).length).toBeGreaterThan(0);
  await section.scrollIntoViewIfNeeded();
  await page.getByTestId('brief.section-questions').screenshot({ path: '/tmp/h3-brief.png' });

  const response = await page.request.get(`/api/maps/${SLUG}/brief?side=affirmative&format=markdown`);
  expect(response.status()).toBe(200);
  const markdown = await response.text();
  const asked = markdown.split('\n').filter((line) => /^\d+\. \*\*.*\?\*\*$/.test(line));
  expect(asked.length).toBeGreaterThan(0);
  expectNoCatalogueLetters(asked);
});
