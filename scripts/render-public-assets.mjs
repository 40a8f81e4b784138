// Renders the files a browser, a phone or a link preview asks for by name into public/, with the
// installed Chromium (through Playwright), so they always match the app's own drawing:
//
//   node scripts/render-public-assets.mjs                 the icon set, from app/icon.svg
//   node scripts/render-public-assets.mjs --og <base-url> also the social preview of the op-ed map
//                                                         (og-map.png, 1200×630), screenshotted
//                                                         from a running server, e.g. the e2e one
//
// Writes favicon.ico (16, 32 and 48 px), apple-touch-icon.png (180 px, square: iOS rounds the
// corners itself), icon-192.png and icon-512.png (for the web manifest). The results are committed;
// run this again after changing app/icon.svg or the op-ed map's look.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'public');
const iconSvg = readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8');
/** The seeded op-ed map (prisma/seed/negotiate-now.ts). */
const OP_ED_SLUG = 'negotiate-now';
const OG_SIZE = { width: 1200, height: 630 };

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** The icon drawn at `size` px as a PNG; `square` fills the corners (for iOS, which masks them). */
async function renderIcon(page, size, { square = false } = {}) {
  const svg = square ? iconSvg.replace(/<rect width="32" height="32" rx="7"/, '<rect width="32" height="32"') : iconSvg;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" style="display:block" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/**
 * An .ico file holding PNG images (every browser since 2009 reads PNG entries): a 6-byte header,
 * a 16-byte directory entry per image, then the images.
 */
function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function renderIcons(browser) {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const ico = [];
  for (const size of [16, 32, 48]) ico.push({ size, png: await renderIcon(page, size) });
  writeFileSync(path.join(publicDir, 'favicon.ico'), icoOf(ico));
  writeFileSync(path.join(publicDir, 'apple-touch-icon.png'), await renderIcon(page, 180, { square: true }));
  for (const size of [192, 512]) writeFileSync(path.join(publicDir, `icon-${size}.png`), await renderIcon(page, size));
  await page.close();
  console.log('public/: favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png');
}

/**
 * The op-ed map as a class sees it on a laptop (1600×840), drawn at 1200×630 — the size link
 * previews show — by a device scale of 0.75. The legend is closed, as on every visit after the
 * first (components/map-canvas/map-legend.tsx, key `argmap.legend`), so it covers no card. Waits
 * for the cards to be drawn and laid out.
 */
async function renderSocialPreview(browser, base) {
  const scale = 0.75;
  const page = await browser.newPage({ viewport: { width: OG_SIZE.width / scale, height: OG_SIZE.height / scale }, deviceScaleFactor: scale });
  await page.addInitScript(() => window.localStorage.setItem('argmap.legend', 'closed'));
  await page.goto(new URL(`/maps/${OP_ED_SLUG}`, base).toString(), { waitUntil: 'networkidle' });
  await page.getByTestId('canvas.node').first().waitFor({ state: 'visible', timeout: 30_000 });
  // The layout and the opening camera move are animated; let them settle.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(publicDir, 'og-map.png') });
  await page.close();
  console.log(`public/og-map.png from ${base}`);
}

const ogIndex = process.argv.indexOf('--og');
const ogBase = ogIndex === -1 ? null : process.argv[ogIndex + 1];
if (ogIndex !== -1 && !ogBase) {
  console.error('usage: node scripts/render-public-assets.mjs [--og <base-url of a running server>]');
  process.exit(2);
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await renderIcons(browser);
  if (ogBase) await renderSocialPreview(browser, ogBase);
} finally {
  await browser.close();
}
