import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** The screen the class specs work at. */
export const WIDE = { width: 1440, height: 900 };

/** A fresh browser (its own cookies) at 1440×900 that opens maps whole, as a class's laptops would be tested. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: WIDE, storageState: 'e2e/support/whole-map.json' });
}

/** Waits until the map page is drawn and laid out. */
export async function mapDrawn(page: Page) {
  await expect(page.getByTestId('map.title')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laying out the map' })).toHaveCount(0);
}

/** A student joins the class by its invite link under `name`, in a browser of their own, and lands on the map. */
export async function join(browser: Browser, baseURL: string, code: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await page.getByTestId('join.name').fill(name);
  await page.getByTestId('join.submit').click();
  await mapDrawn(page);
  return { context, page };
}
