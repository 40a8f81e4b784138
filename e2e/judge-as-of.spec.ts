import { expect, test, type APIRequestContext } from '@playwright/test';
import { SLUG } from './support/api';

/**
 * Issue 12, section 2: a class judges an essay on what was knowable when it was written, then
 * with hindsight. Points carry the month their facts were known; "Judge as of" sets later ones aside.
 */

type Made = { slug: string; ids: Record<string, string> };

/** A small essay from August 2009 with a reason, an objection known in 2010 and one known in 2008 (answered in 2009). */
async function datedMap(request: APIRequestContext): Promise<Made> {
  const made = await request.post('/api/documents', {
    data: { title: `Library levy ${Date.now()}`, published: '2009-08', text: 'The town should fund a library now. Reading scores fell this year.' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { map } = (await made.json()) as { map: { slug: string } };
  const ids: Record<string, string> = {};
  const add = async (key: string, data: Record<string, unknown>) => {
    const answer = await request.post(`/api/maps/${map.slug}/nodes`, { data });
    expect(answer.status(), await answer.text()).toBe(201);
    ids[key] = ((await answer.json()) as { node: { id: string } }).node.id;
  };
  await add('thesis', { kind: 'thesis', text: 'The town should fund a library now.' });
  await add('harm', { kind: 'claim', text: 'Reading scores fell this year.', target: ids.thesis, relation: 'supports' });
  await add('fact', { kind: 'evidence', text: 'The 2009 state tests: scores down 8 points.', target: ids.harm, relation: 'supports' });
  await add('later', { kind: 'objection', text: 'The 2010 census showed the scores rose again.', target: ids.harm, relation: 'attacks', asOf: '2010-03' });
  return { slug: map.slug, ids };
}

test('judged as of the essay’s date, a hindsight objection is set aside and the thesis banner says so', async ({ page, request }) => {
  const { slug, ids } = await datedMap(request);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/maps/${slug}`);
  const banner = page.getByTestId('map.thesis-status');
  await expect(banner).toHaveAttribute('data-status', 'unsupported');
  const objection = page.locator(`[data-testid="canvas.node"][data-node-id="${ids.later}"]`);
  await expect(objection).toHaveAttribute('data-status', 'stands');
  await expect(objection.getByTestId('canvas.node-as-of')).toHaveText('Mar 2010');

  await page.getByTestId('map.judge-as-of').click();
  await page.getByTestId('judge-as-of.essay').check();
  await expect(page.getByTestId('judge-as-of.summary')).toHaveText('1 point of 1 dated set aside as after Aug 2009.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map.judge-as-of')).toHaveAttribute('data-as-of', '2009-08');
  await expect(banner).toHaveAttribute('data-status', 'stands');
  await expect(objection).toHaveAttribute('data-status', 'later');
  await expect(objection.getByTestId('status-badge')).toHaveText(/Later/);
  await expect(page).toHaveURL(/\?asOf=2009-08$/);
  await page.screenshot({ path: 'test-results/judge-as-of-essay-date.png' });

  // The choice survives a reload (it is in the address) and can be shared.
  await page.reload();
  await expect(page.getByTestId('map.thesis-status')).toHaveAttribute('data-status', 'stands');
  await expect(page.getByTestId('map.thesis-status')).toContainText(/Aug 2009/);

  // Back to today: everything counts again.
  await page.getByTestId('map.judge-as-of').click();
  await page.getByTestId('judge-as-of.today').check();
  await expect(banner).toHaveAttribute('data-status', 'unsupported');
  await expect(objection).toHaveAttribute('data-status', 'stands');
  await expect(page).not.toHaveURL(/asOf=/);
});

test('a chosen month that has not come yet is refused in the control, and the judgement stays', async ({ page, request }) => {
  const { slug } = await datedMap(request);
  await page.goto(`/maps/${slug}?asOf=2010-06`);
  await expect(page.getByTestId('map.judge-as-of')).toHaveAttribute('data-as-of', '2010-06');
  await page.getByTestId('map.judge-as-of').click();
  await expect(page.getByTestId('judge-as-of.month-choice')).toBeChecked();
  await page.getByTestId('judge-as-of.month').fill('2999-01');
  await expect(page.getByTestId('judge-as-of.error')).toHaveText('Jan 2999 has not happened yet.');
  await expect(page.getByTestId('map.judge-as-of')).toHaveAttribute('data-as-of', '2010-06');
  await page.getByTestId('judge-as-of.month').fill('2009-01');
  await expect(page.getByTestId('map.judge-as-of')).toHaveAttribute('data-as-of', '2009-01');
  await expect(page.getByTestId('judge-as-of.error')).toHaveCount(0);
});

test('an objection is dated as it is written, and a bad month is refused inline with nothing sent', async ({ page, request }) => {
  const { slug, ids } = await datedMap(request);
  await page.goto(`/maps/${slug}`);
  await page.locator(`[data-testid="canvas.node"][data-node-id="${ids.fact}"]`).click();
  await page.keyboard.press('o');
  await page.getByTestId('composer.text').fill('The 2011 audit found the 2009 tests were mis-scored.');
  await page.getByTestId('composer.as-of').fill('2999-02');
  await page.getByTestId('composer').getByRole('button', { name: 'Add objection' }).click();
  await expect(page.getByTestId('composer.as-of-error')).toHaveText('Feb 2999 has not happened yet.');
  await page.getByTestId('composer.as-of').fill('2011-04');
  await page.getByTestId('composer').getByRole('button', { name: 'Add objection' }).click();
  await expect(page.getByTestId('composer')).toHaveCount(0);
  const added = page.locator('[data-testid="canvas.node"][data-kind="objection"]', { hasText: 'The 2011 audit' });
  await expect(added.getByTestId('canvas.node-as-of')).toHaveText('Apr 2011');
  const view = (await (await request.get(`/api/maps/${slug}`)).json()) as { nodes: { text: string; asOf: string | null }[] };
  expect(view.nodes.find((n) => n.text.startsWith('The 2011 audit'))?.asOf).toBe('2011-04');
});

test('the op-ed offers its own date, August 2009, and sets its hindsight objections aside there', async ({ page }) => {
  await page.goto(`/maps/${SLUG}`);
  await page.getByTestId('map.judge-as-of').click();
  await expect(page.getByTestId('judge-as-of.essay')).toBeVisible();
  await expect(page.getByTestId('judge-as-of')).toContainText('The essay’s date (Aug 2009)');
  await page.getByTestId('judge-as-of.essay').check();
  await expect(page.getByTestId('judge-as-of.summary')).toHaveText(/^[1-9]\d* points? of \d+ dated set aside as after Aug 2009\.$/);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="canvas.node"][data-status="later"]').first()).toBeAttached();
});

test('the debate brief opens judged as the map is, and keeps the month across sides', async ({ page }) => {
  await page.goto(`/maps/${SLUG}?asOf=2009-08`);
  await page.getByTestId('map.export').click();
  await page.getByTestId('export.brief').click();
  await expect(page).toHaveURL(new RegExp(`/maps/${SLUG}/brief\\?asOf=2009-08$`));
  await expect(page.getByTestId('brief.as-of')).toContainText('Aug 2009');
  await page.getByTestId('brief.side.negative').click();
  await expect(page).toHaveURL(/side=negative&asOf=2009-08$/);
  await expect(page.getByTestId('brief.as-of')).toContainText('Aug 2009');
  await expect(page.getByTestId('brief.download')).toHaveAttribute('href', /asOf=2009-08$/);
});
