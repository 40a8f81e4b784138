/**
 * First-load JS of the map page: the production server's HTML for /maps/negotiate-now is fetched,
 * every `<script src>` it loads initially is downloaded and gzipped (level 6, what a server's gzip
 * sends), and the sizes summed. Next 16's Turbopack build does not print per-route sizes, so this
 * measures what a browser actually gets. Also checks that no initial script contains elkjs (the
 * layout library belongs in the Web Worker's own chunk, loaded when a map needs laying out).
 * The inline RSC payload (data, not code) is reported apart. BUNDLE_PORT (3240).
 */
import { gzipSync } from 'node:zlib';
import { reportRow } from './support/report';
import { ensureBuild, prepareDatabase, removeDatabase, startServer, throwawayDatabase } from './support/server';

const PORT = Number(process.env.BUNDLE_PORT ?? 3240);
const BUDGET_KB = 200;
/** Strings only elkjs's bundle holds (its Java-to-JS package names). */
const ELK_SIGNATURES = ['org.eclipse.elk', 'elkjs'];

async function main() {
  ensureBuild();
  const file = throwawayDatabase('bundle');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);
  try {
    const html = await (await fetch(`${server.base}/maps/negotiate-now`)).text();
    const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))];
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
    let raw = 0;
    let gzipped = 0;
    const withElk: string[] = [];
    const rows: string[] = [];
    for (const src of sources) {
      const body = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
      const gz = gzipSync(body, { level: 6 }).byteLength;
      raw += body.byteLength;
      gzipped += gz;
      if (ELK_SIGNATURES.some((s) => body.includes(s))) withElk.push(src);
      rows.push(`  ${(gz / 1024).toFixed(1).padStart(7)} KB gz  ${(body.byteLength / 1024).toFixed(1).padStart(7)} KB  ${src}`);
    }
    console.log(`Map page first-load JS: ${sources.length} scripts\n${rows.join('\n')}`);
    console.log(`total ${(gzipped / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(0)} KB raw); budget ${BUDGET_KB} KB`);
    console.log(`inline RSC payload and bootstrap: ${(gzipSync(inline).byteLength / 1024).toFixed(1)} KB gzipped (not counted: data for this map)`);
    console.log(withElk.length === 0 ? 'elkjs: not in any initial script' : `elkjs found in: ${withElk.join(', ')}`);
    reportRow({
      key: 'first-load-js',
      result: `${(gzipped / 1024).toFixed(1)} KB gz in ${sources.length} scripts; elkjs ${withElk.length === 0 ? 'not initial' : 'IN initial bundle'}`,
      pass: gzipped <= BUDGET_KB * 1024 && withElk.length === 0,
    });
  } finally {
    await server.stop();
    removeDatabase(file);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
