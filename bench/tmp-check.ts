import { chromium } from '@playwright/test';
import { ensureBuild, prepareDatabase, startServer, throwawayDatabase, removeDatabase } from './support/server';
import { importSyntheticMap } from './support/maps';

async function main() {
  ensureBuild();
  const file = throwawayDatabase('tmp-check');
  prepareDatabase(file, 3261);
  const server = await startServer(file, 3261);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const big = process.env.BIG ? await importSyntheticMap(server.base, 1000) : null;
    const slugs = ['negotiate-now', ...(big ? [big] : [])];
    for (const slug of slugs) for (const vp of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) for (let round = 0; round < 2; round++) {
      const page = await browser.newPage({ viewport: vp });
      const scripts: string[] = [];
      page.on('request', (r) => { if (r.resourceType() === 'script' || r.url().includes('worker')) scripts.push(r.url().split('/').pop()!); });
      const t0 = Date.now();
      await page.goto(`${server.base}/maps/${slug}`);
      await page.waitForFunction(() => performance.getEntriesByName('argmap:canvas-ready').length > 0, null, { timeout: 30000 });
      const ready = await page.evaluate(() => performance.getEntriesByName('argmap:canvas-ready')[0].startTime);
      const inDom = await page.locator('.react-flow__node').count();
      const vpT = await page.locator('.react-flow__viewport').getAttribute('style');
      console.log(slug, vp.width, 'ready', Math.round(ready), 'ms; nodes in DOM', inDom, 'workers', scripts.filter((s) => /worker|elk/i.test(s)).length, vpT, 'wall', Date.now() - t0);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/check-${slug.slice(0, 12)}-${vp.width}.png` });
      console.log('  after 1.5 s: nodes in DOM', await page.locator('.react-flow__node').count(), 'workers', scripts.filter((s) => /worker|elk/i.test(s)).join(','));
      await page.close();
    }
  } finally { await browser.close(); await server.stop(); removeDatabase(file); }
}
main();
