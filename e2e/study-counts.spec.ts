import { expect, test, type Page } from '@playwright/test';
import { evaluate } from '../lib/argument/evaluation';
import { studyCounts } from '../lib/argument/study-counts';
import { countOf } from '../lib/words';
import { distinctive, readMap } from './support/api';

/**
 * The header's study figures ("141 gaps", "108 open questions") come with the page, worked out on the
 * server, so the study code (gaps, critical questions, stock issues) is not in the JavaScript the map
 * needs to draw; it loads when the map changes, and the figures follow the change.
 */

/** A string found only in the study code (lib/argument/stock-issues.ts, which only the gaps and the inspector use). */
const STUDY_CODE = 'A lost stock issue loses the round';

async function canvasReady(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('argmap:canvas-ready').length > 0);
}

test('the op-ed opens with the server’s figures, which are the map’s own, and without the study code', async ({ page }) => {
  const scripts = new Set<string>();
  let ready = false;
  page.on('request', (r) => {
    if (!ready && r.resourceType() === 'script') scripts.add(r.url());
  });
  await page.goto('/maps/negotiate-now');
  await canvasReady(page);
  ready = true;
  const view = await readMap(page.request);
  const expected = studyCounts(view, evaluate(view), view.document.text);
  expect(expected.gaps).toBeGreaterThan(0);
  expect(expected.openQuestions).toBeGreaterThan(0);
  await expect(page.getByTestId('map.gaps')).toHaveText(countOf(expected.gaps, 'gap'));
  await expect(page.getByTestId('map.open-questions')).toHaveText(countOf(expected.openQuestions, 'open question'));
  // The scripts requested before the canvas was ready hold none of the study code.
  expect(scripts.size).toBeGreaterThan(0);
  for (const url of scripts) expect((await (await page.request.get(url)).text()).includes(STUDY_CODE), url).toBe(false);
  // The list behind the button loads when it is opened.
  await page.getByTestId('map.open-questions').click();
  await expect(page.getByTestId('open-questions.item')).toHaveCount(expected.openQuestions);
});

test('a change to the map brings the study code, and the figures follow it', async ({ page }) => {
  const created = await page.request.post('/api/documents', {
    data: { title: distinctive('uniforms'), author: 'A. Student', text: 'Schools should drop uniforms.\n\nUniforms cost families money.\n' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const slug = ((await created.json()) as { map: { slug: string } }).map.slug;
  const add = async (data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/maps/${slug}/nodes`, { data });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { node: { id: string } }).node.id;
  };
  const thesis = await add({ kind: 'thesis', text: 'Schools should drop uniforms.' });
  await add({ kind: 'claim', text: 'Uniforms cost families money.', target: thesis, relation: 'supports' });
  await page.goto(`/maps/${slug}`);
  await canvasReady(page);
  const view = await readMap(page.request, slug);
  const before = studyCounts(view, evaluate(view), view.document.text);
  await expect(page.getByTestId('map.gaps')).toHaveText(countOf(before.gaps, 'gap'));

  // Someone else adds evidence under the claim: the live update changes the map, and the figures with it.
  const claim = view.nodes.find((n) => n.kind === 'claim')!;
  await add({ kind: 'evidence', text: 'A full uniform costs a family about 200 dollars a year.', target: claim.id, relation: 'supports' });
  const changed = await readMap(page.request, slug);
  const after = studyCounts(changed, evaluate(changed), changed.document.text);
  expect(after.gaps).not.toBe(before.gaps);
  await expect(page.getByTestId('map.gaps')).toHaveText(countOf(after.gaps, 'gap'));
  await expect(page.getByTestId('map.open-questions')).toHaveText(countOf(after.openQuestions, 'open question'));
});
