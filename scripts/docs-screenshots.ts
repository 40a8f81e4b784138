/**
 * The map page as a class meets it, for docs/screenshots/: the op-ed map at a 1024×768 projector,
 * a 1366×768 Chromebook, a 1440×900 and a 1536×864 laptop, a 1920×1080 screen and a 390×844 phone —
 * each as it opens (the overview) and with a point selected and read up close (the detail).
 *
 * It also renders the link preview, public/og-map.png, from the same server
 * (scripts/render-public-assets.mjs --og).
 *
 * Run: `npx tsx scripts/docs-screenshots.ts` (builds the production app under the e2e lock when
 * needed and serves it on port 3260 over a throwaway database). Look at every picture it writes.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { ensureBuild, prepareDatabase, removeDatabase, ROOT, startServer, throwawayDatabase } from '../bench/support/server';

const PORT = 3260;
const OUT = path.join(ROOT, 'docs', 'screenshots');
const SIZES = [
  { width: 1024, height: 768, name: 'projector-1024x768' },
  { width: 1366, height: 768, name: 'chromebook-1366x768' },
  { width: 1440, height: 900, name: 'laptop-1440x900' },
  { width: 1536, height: 864, name: 'laptop-1536x864' },
  { width: 1920, height: 1080, name: 'desktop-1920x1080' },
  { width: 390, height: 844, name: 'phone-390x844' },
];

async function ready(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('argmap:canvas-ready').length > 0, undefined, { timeout: 60_000 });
  await page.waitForTimeout(600);
}

async function main() {
  ensureBuild();
  const file = throwawayDatabase('docs-shots');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'render-public-assets.mjs'), '--og', server.base], { stdio: 'inherit' });
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      // The phone opens on the outline; the canvas is what these pictures are of.
      if (size.width < 768) await context.addInitScript(() => localStorage.setItem('argmap.main-view.narrow', 'canvas'));
      const page = await context.newPage();
      await page.goto(`${server.base}/maps/negotiate-now`);
      await ready(page);
      await page.screenshot({ path: path.join(OUT, `${size.name}-overview.png`) });
      // The detail: the first point about "the door", found by search (Enter), brought to reading zoom and selected.
      await page.getByTestId('filter.search').fill('door');
      await page.getByTestId('filter.search').press('Enter');
      await page.waitForTimeout(900);
      await page.screenshot({ path: path.join(OUT, `${size.name}-detail.png`) });
      await context.close();
      console.log(`${size.name}: overview and detail written`);
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDatabase(file);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
