import { expect, test, type Page } from '@playwright/test';
import type { MapView } from '../lib/argument/map-view';
import { distinctive } from './support/api';
import { selectEssayWords } from './support/essay';

// The whole of "map any essay" as one person does it: bring a new essay in, map it with a
// suggestion and a selection, connect the points, find its gaps, and print a brief for each side.

const ESSAY = [
  'Why Our School Should Start Later',
  '',
  'Our school should start classes at nine instead of eight.',
  '',
  'Teenagers fall asleep later than adults, so an early bell cuts their sleep short. A 2014 report of the American Academy of Pediatrics found that 87 percent of high-school students sleep less than they need.',
  '',
  'Critics say that a later start would clash with after-school sports.',
  '',
].join('\n');

async function markSelection(page: Page, words: string, kind: string) {
  await selectEssayWords(page, words);
  await page.getByTestId(`essay.mark-${kind}`).click();
  await expect(page.locator(`[data-testid="canvas.node"][data-kind="${kind}"]`).filter({ hasText: words })).toBeVisible();
}

/** Connects the selected point to `targetText` with the inspector's keyboard form. */
async function connectSelected(page: Page, targetText: string) {
  const structure = page.getByTestId('structure');
  if (!(await structure.evaluate((d) => (d as HTMLDetailsElement).open))) await structure.locator('summary').click();
  const option = page.getByTestId('structure.target').locator('option', { hasText: targetText.slice(0, 40) });
  await page.getByTestId('structure.target').selectOption(await option.getAttribute('value'));
  await page.getByTestId('structure.connect-submit').click();
}

test('import an essay, map it, find its gaps and print a brief for either side', async ({ page }) => {
  // 1. Bring the essay in.
  await page.goto('/new');
  const title = distinctive('later start');
  await page.getByTestId('new-map.title').fill(title);
  await page.getByTestId('new-map.author').fill('A. Student');
  await page.getByTestId('new-map.text').fill(ESSAY);
  await page.getByTestId('new-map.submit').click();
  await expect(page).toHaveURL(/\/maps\/[^/]+$/);
  const slug = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByTestId('canvas.empty')).toBeVisible();

  // 2. The thesis from a suggestion, a reason and an objection from selections.
  await page.getByTestId('essay.suggest').click();
  await page.locator('[data-testid="suggestions.item"][data-kind="thesis"]').first().getByTestId('suggestions.accept').click();
  await expect(page.locator('[data-testid="canvas.node"][data-kind="thesis"]')).toContainText('start classes at nine');
  await markSelection(
    page,
    'A 2014 report of the American Academy of Pediatrics found that 87 percent of high-school students sleep less than they need',
    'evidence',
  );
  await connectSelected(page, 'Our school should start classes at nine');
  await markSelection(page, 'a later start would clash with after-school sports', 'objection');
  await connectSelected(page, 'Our school should start classes at nine');
  await expect
    .poll(async () => ((await (await page.request.get(`/api/maps/${slug}`)).json()) as MapView).edges.map((e) => e.relation).sort())
    .toEqual(['attacks', 'supports']);

  // 3. Its gaps: the objection is unanswered, the evidence-to-thesis step names no warrant, and
  //    one sentence is not mapped yet.
  await page.getByTestId('map.gaps').click();
  await expect(page.getByTestId('gaps.unanswered').getByTestId('gaps.count')).toHaveText('1');
  await expect(page.getByTestId('gaps.unwarranted').getByTestId('gaps.count')).toHaveText('1');
  await expect(page.getByTestId('gaps.unquoted').getByTestId('gaps.sentence')).toContainText(['Teenagers fall asleep later than adults']);

  // 4. The brief, for each side, printed.
  for (const side of ['affirmative', 'negative'] as const) {
    await page.goto(`/maps/${slug}/brief?side=${side}`);
    await expect(page.getByTestId('brief.side')).toHaveText(new RegExp(side, 'i'));
    await expect(page.getByTestId('brief.resolution')).toContainText('start classes at nine');
    if (side === 'affirmative') {
      // Their objection, in our rebuttal matrix, still to be answered.
      const row = page.getByTestId('brief.matrix-row').filter({ hasText: 'after-school sports' });
      await expect(row.getByTestId('brief.matrix-response')).toHaveText(/Unanswered/);
      await expect(page.getByTestId('brief.case-point').first()).toContainText('87 percent');
    } else {
      // The objection is the negative's case.
      await expect(page.getByTestId('brief.case-point').first()).toContainText('after-school sports');
    }
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('brief.toolbar')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  }
});
