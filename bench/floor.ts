/**
 * Argmap's map page against its floor (issue 14): the same map drawn by a bare Next + React Flow app
 * on the same pinned packages (bench/floor/, stock nodes at the positions Argmap's layout gives
 * them), loaded ALTERNATELY with Argmap in one loop, so both see the same machine load and the
 * budgets can hold ratios rather than absolute times, which move by 2× here with load.
 *
 * For the op-ed map (Argmap vs the floor) and the synthetic 1,000-node map (Argmap vs the culled
 * floor, which draws only the nodes in view): per load, navigation → ready mark
 * (`argmap:canvas-ready` / `floor:canvas-ready`), total blocking time to the mark, the longest long
 * task, and the JS the browser requested before the mark (bench/support/page-load.ts: fresh
 * context, cache disabled, 1440×900). Medians and min–max, and the ratio Argmap ÷ floor. Then how
 * many of Argmap's openings were blank (no node in view) or left at the origin, over FLOOR_OPENINGS
 * loads of each map (the timed loads count towards them).
 *
 * FLOOR_RUNS (7) timed loads of each page per map, FLOOR_OPENINGS (20), FLOOR_PORT (3250; the floor
 * serves on the next port).
 */
import os from 'node:os';
import type { Browser } from '@playwright/test';
import { ensureFloorBuild, FLOOR_READY_MARK, startFloor, writeFloorFixture } from './support/floor';
import { importSyntheticMap } from './support/maps';
import { launchChromium, loadPage, LONG_TASK_MS, longestTask, scriptBytes, totalBlockingTime, VIEWPORT, type PageLoad } from './support/page-load';
import { reportRow } from './support/report';
import { ensureBuild, median, prepareDatabase, removeDatabase, startServer, throwawayDatabase } from './support/server';

const RUNS = Number(process.env.FLOOR_RUNS ?? 7);
const OPENINGS = Number(process.env.FLOOR_OPENINGS ?? 20);
const PORT = Number(process.env.FLOOR_PORT ?? 3250);
const ARGMAP_READY_MARK = 'argmap:canvas-ready';
const SYNTHETIC_SIZE = 1000;

/** Issue 14's budgets, against the floor in the same run. */
const OPED_READY_RATIO = 1.3;
const OPED_TBT_EXTRA_MS = 50;
const LARGE_READY_RATIO = 1.5;
const LARGE_LONGEST_TASK_RATIO = 1.2;
const JS_EXTRA_KB = 60;

/** One map's pair of pages. */
interface Pair {
  label: string;
  argmap: string;
  floor: string;
  floorName: string;
}

/** A figure over the timed loads of one page. */
interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const range = (s: Spread, unit: (v: number) => string) => `${unit(s.median)} (${unit(s.min).replace(/ \S+$/, '')}–${unit(s.max)})`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** The figures of one page's timed loads. */
function figures(loads: PageLoad[]) {
  return {
    ready: spread(loads.map((l) => l.readyMs)),
    tbt: spread(loads.map(totalBlockingTime)),
    longest: spread(loads.map(longestTask)),
    js: spread(loads.map((l) => scriptBytes(l).gzipped)),
    files: median(loads.map((l) => scriptBytes(l).files)),
    nodesInView: median(loads.map((l) => l.opening.nodesInView)),
  };
}

interface Measured {
  argmap: ReturnType<typeof figures>;
  floor: ReturnType<typeof figures>;
  /** Argmap's openings with no node in view, or at the origin; and how many loads were looked at. */
  blank: number;
  atOrigin: number;
  openings: number;
  zooms: string[];
}

/**
 * Loads Argmap and the floor alternately (who goes first alternates too) for RUNS rounds, then
 * Argmap alone until OPENINGS of its openings have been looked at.
 */
async function measure(browser: Browser, pair: Pair): Promise<Measured> {
  // A warm-up load of each, so neither server compiles or caches anything while timed.
  await loadPage(browser, pair.argmap, ARGMAP_READY_MARK);
  await loadPage(browser, pair.floor, FLOOR_READY_MARK);
  const argmap: PageLoad[] = [];
  const floor: PageLoad[] = [];
  const openings: PageLoad[] = [];
  for (let round = 0; round < Math.max(RUNS, OPENINGS); round++) {
    const loadArgmap = async () => {
      const load = await loadPage(browser, pair.argmap, ARGMAP_READY_MARK);
      openings.push(load);
      if (round < RUNS) argmap.push(load);
    };
    if (round >= RUNS) {
      await loadArgmap();
      continue;
    }
    const loadFloor = async () => {
      floor.push(await loadPage(browser, pair.floor, FLOOR_READY_MARK));
    };
    if (round % 2 === 0) {
      await loadArgmap();
      await loadFloor();
    } else {
      await loadFloor();
      await loadArgmap();
    }
  }
  const zooms = new Map<string, number>();
  for (const o of openings) zooms.set(o.opening.zoom.toFixed(2), (zooms.get(o.opening.zoom.toFixed(2)) ?? 0) + 1);
  return {
    argmap: figures(argmap),
    floor: figures(floor),
    blank: openings.filter((o) => o.opening.nodesInView === 0).length,
    atOrigin: openings.filter((o) => o.opening.atOrigin).length,
    openings: openings.length,
    zooms: [...zooms].map(([zoom, n]) => `${zoom} ×${n}`),
  };
}

/** The console table of one map: every figure, Argmap beside the floor, and the ratio. */
function print(pair: Pair, m: Measured): void {
  const rows: [string, Spread, Spread, (v: number) => string][] = [
    ['navigation → ready', m.argmap.ready, m.floor.ready, ms],
    ['total blocking time', m.argmap.tbt, m.floor.tbt, ms],
    ['longest long task', m.argmap.longest, m.floor.longest, ms],
    ['JS requested before ready, gz', m.argmap.js, m.floor.js, kb],
  ];
  console.log(`\n${pair.label}: Argmap vs ${pair.floorName}, medians (min–max) of ${RUNS} alternating loads each`);
  for (const [what, a, f, unit] of rows)
    console.log(`  ${what.padEnd(32)} ${range(a, unit).padEnd(28)} ${range(f, unit).padEnd(28)} ${ratio(a.median, f.median)}`);
  console.log(`  ${'script files before ready'.padEnd(32)} ${String(m.argmap.files).padEnd(28)} ${m.floor.files}`);
  console.log(`  ${'nodes in view once ready'.padEnd(32)} ${String(m.argmap.nodesInView).padEnd(28)} ${m.floor.nodesInView}`);
  console.log(`  Argmap's openings: ${m.blank} blank, ${m.atOrigin} at the origin, of ${m.openings}; zoom ${m.zooms.join(', ')}`);
}

async function main() {
  ensureFloorBuild();
  ensureBuild();
  const file = throwawayDatabase('floor');
  removeDatabase(file);
  prepareDatabase(file, PORT);
  const server = await startServer(file, PORT);
  let floorServer: Awaited<ReturnType<typeof startFloor>> | undefined;
  let browser: Browser | undefined;
  try {
    const slug = await importSyntheticMap(server.base, SYNTHETIC_SIZE);
    const opEd = await writeFloorFixture(server.base, 'negotiate-now', 'op-ed');
    const large = await writeFloorFixture(server.base, slug, 'synthetic-1000');
    floorServer = await startFloor(PORT + 1);
    browser = await launchChromium();
    console.log(
      `Argmap vs the floor in headless Chromium ${browser.version()} — ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, ${VIEWPORT.width}×${VIEWPORT.height}; ` +
        `floor fixtures: op-ed ${opEd.nodes} nodes / ${opEd.edges} edges, synthetic ${large.nodes} / ${large.edges} (cards and junctions)`,
    );

    const opEdPair: Pair = { label: 'op-ed map', argmap: `${server.base}/maps/negotiate-now`, floor: `${floorServer.base}/op-ed`, floorName: 'floor' };
    const largePair: Pair = {
      label: `${SYNTHETIC_SIZE.toLocaleString('en')}-node map`,
      argmap: `${server.base}/maps/${slug}`,
      floor: `${floorServer.base}/synthetic-1000?culled=1`,
      floorName: 'culled floor',
    };
    const o = await measure(browser, opEdPair);
    print(opEdPair, o);
    const l = await measure(browser, largePair);
    print(largePair, l);

    const note = `medians of ${RUNS} alternating cold loads each`;
    reportRow({
      key: 'floor-op-ed-ready',
      result: `${ratio(o.argmap.ready.median, o.floor.ready.median)}: ${range(o.argmap.ready, ms)} vs floor ${range(o.floor.ready, ms)}`,
      pass: o.argmap.ready.median <= OPED_READY_RATIO * o.floor.ready.median,
      note,
    });
    reportRow({
      key: 'floor-op-ed-tbt',
      result: `${ms(o.argmap.tbt.median)} vs floor ${ms(o.floor.tbt.median)} (+${ms(o.argmap.tbt.median - o.floor.tbt.median)})`,
      pass: o.argmap.tbt.median <= o.floor.tbt.median + OPED_TBT_EXTRA_MS,
      note: `${note}; ranges ${range(o.argmap.tbt, ms)} and ${range(o.floor.tbt, ms)}`,
    });
    reportRow({
      key: 'floor-1000-ready',
      result: `${ratio(l.argmap.ready.median, l.floor.ready.median)}: ${range(l.argmap.ready, ms)} vs culled floor ${range(l.floor.ready, ms)}`,
      pass: l.argmap.ready.median <= LARGE_READY_RATIO * l.floor.ready.median,
      note,
    });
    // A long task lasts at least LONG_TASK_MS by definition: a floor with none counts as that.
    const floorLongest = Math.max(l.floor.longest.median, LONG_TASK_MS);
    reportRow({
      key: 'floor-1000-longest-task',
      result: `${ratio(l.argmap.longest.median, floorLongest)}: ${range(l.argmap.longest, ms)} vs culled floor ${l.floor.longest.max === 0 ? `none (counted as ${LONG_TASK_MS} ms)` : range(l.floor.longest, ms)}`,
      pass: l.argmap.longest.median <= LARGE_LONGEST_TASK_RATIO * floorLongest,
      note: `${note}; each load's longest task before ready`,
    });
    reportRow({
      key: 'floor-openings',
      result: `op-ed ${o.blank} blank, ${o.atOrigin} at origin of ${o.openings}; ${SYNTHETIC_SIZE.toLocaleString('en')} nodes ${l.blank} blank, ${l.atOrigin} at origin of ${l.openings}`,
      pass: o.blank + o.atOrigin + l.blank + l.atOrigin === 0,
      note: `looked at 100 ms after the ready mark; opening zooms: op-ed ${o.zooms.join(', ')}; ${SYNTHETIC_SIZE} nodes ${l.zooms.join(', ')}`,
    });
    reportRow({
      key: 'floor-js',
      result: `${kb(o.argmap.js.median)} gz in ${o.argmap.files} files vs floor ${kb(o.floor.js.median)} in ${o.floor.files} (+${kb(o.argmap.js.median - o.floor.js.median)}, ${ratio(o.argmap.js.median, o.floor.js.median)})`,
      pass: o.argmap.js.median <= o.floor.js.median + JS_EXTRA_KB * 1024,
      note: `op-ed map; every script and worker script requested before the ready mark, gzipped; at ${SYNTHETIC_SIZE} nodes ${kb(l.argmap.js.median)} vs ${kb(l.floor.js.median)}`,
    });
  } finally {
    await browser?.close();
    await floorServer?.stop();
    await server.stop();
    removeDatabase(file);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
