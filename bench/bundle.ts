/**
 * First-load JS of the map page, as the browser actually requests it (issue 14): one cold load of
 * /maps/negotiate-now in headless Chromium (fresh context, cache disabled, after a warm-up load),
 * and every script and worker script requested before `argmap:canvas-ready` — the worker's own
 * chunks included, a `nomodule` polyfill excluded because a modern browser never fetches it. Each
 * body is gzipped (level 6, what a server's gzip sends) and the sizes summed. Next 16's Turbopack
 * build does not print per-route sizes, so this is the measure. Also says whether any of them
 * holds elkjs: the layout library should load only when something needs laying out.
 * bench/floor.ts compares the same measure with the floor's. BUNDLE_PORT (3240).
 */
import { reportRow } from './support/report';
import { launchChromium, loadPage, scriptBytes } from './support/page-load';
import { ensureBuild, prepareDatabase, removeDatabase, startServer, throwawayDatabase } from './support/server';

const PORT = Number(process.env.BUNDLE_PORT ?? 3240);
const BUDGET_KB = 200;
const READY_MARK = 'argmap:canvas-ready';
/** Strings only elkjs's bundle holds (its Java-to-JS package names). */
const ELK_SIGNATURES = ['org.eclipse.elk', 'elkjs'];

async function main() {
  ensureBuild();
  const file = throwawayDatabase('bundle');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);
  const browser = await launchChromium();
  try {
    const url = `${server.base}/maps/negotiate-now`;
    await loadPage(browser, url, READY_MARK);
    const load = await loadPage(browser, url, READY_MARK, { keepBodies: true });
    const withElk = load.scripts.filter((s) => ELK_SIGNATURES.some((sig) => s.body!.includes(sig))).map((s) => new URL(s.url).pathname);
    const rows = load.scripts.map(
      (s) =>
        `  ${(s.gzipped / 1024).toFixed(1).padStart(7)} KB gz  ${(s.raw / 1024).toFixed(1).padStart(7)} KB  ${s.kind === 'worker' ? 'worker ' : '       '}${new URL(s.url).pathname}`,
    );
    const total = scriptBytes(load);
    console.log(`Map page JS requested before canvas-ready (${load.readyMs.toFixed(0)} ms): ${total.files} files\n${rows.join('\n')}`);
    console.log(`total ${(total.gzipped / 1024).toFixed(1)} KB gzipped (${(total.raw / 1024).toFixed(0)} KB raw); budget ${BUDGET_KB} KB`);
    console.log(withElk.length === 0 ? 'elkjs: not requested before ready' : `elkjs requested before ready, in: ${withElk.join(', ')}`);
    reportRow({
      key: 'first-load-js',
      result: `${(total.gzipped / 1024).toFixed(1)} KB gz in ${total.files} files; elkjs ${withElk.length === 0 ? 'not initial' : 'ON the load path'}`,
      pass: total.gzipped <= BUDGET_KB * 1024 && withElk.length === 0,
      note: 'scripts and worker scripts requested before the ready mark',
    });
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
