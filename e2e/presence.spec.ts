import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { SLUG } from './support/api';

/** A browser (its own context, so its own browser id) named `name`, with a tab on the op-ed map. */
async function browserAs(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate((n) => window.localStorage.setItem('argmap.author', n), name);
  return { context, page: await openMap(context, page) };
}

async function openMap(context: BrowserContext, page?: Page): Promise<Page> {
  const tab = page ?? (await context.newPage());
  await tab.goto(`/maps/${SLUG}`);
  await expect(tab.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
  return tab;
}

const others = (page: Page) => page.getByTestId('map.presence-person');

test('the presence list follows arrivals and departures from changes: a second tab of the same browser counts once', async ({ browser }) => {
  const teacher = await browserAs(browser, 'Ms Rivera');
  const student = await browserAs(browser, 'Jamal');
  await expect(others(teacher.page)).toHaveCount(1);
  await expect(others(teacher.page)).toHaveText('J');
  await expect(others(student.page)).toHaveText('MR');

  const secondTab = await openMap(student.context);
  await expect(others(secondTab)).toHaveText('MR');
  await expect(others(teacher.page)).toHaveCount(1);
  await secondTab.close();

  const late = await browserAs(browser, 'Ana Lopez');
  await expect(others(teacher.page)).toHaveCount(2);
  await expect(others(student.page)).toHaveCount(2);

  await student.context.close();
  await expect(others(teacher.page)).toHaveCount(1, { timeout: 5_000 });
  await expect(others(teacher.page)).toHaveText('AL');
  await expect(others(late.page)).toHaveText('MR');
  await late.context.close();
  await expect(others(teacher.page)).toHaveCount(0, { timeout: 5_000 });
  await teacher.context.close();
});
