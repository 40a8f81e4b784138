/**
 * Layout benchmark: how long ELK's layered layout takes on synthetic maps of 250–2,000 statements.
 * It builds the input with `buildLayoutGraph` and calls elkjs the way the canvas's layout worker
 * does (components/map-canvas/layout.worker.ts), in this process instead of a Web Worker.
 *
 * Run: `npx tsx bench/layout.ts` (or `npm run bench`).
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildLayoutGraph, type LayoutGraph, type Size } from '../lib/argument/layout';
import { syntheticGraph } from './synthetic-map';

const SIZES = [250, 500, 1000, 2000];
const SEED = 20261127;
const WARMUP_RUNS = 1;
const TIMED_RUNS = 5;
/** Rendered card sizes, in px: every statement card, and the wider thesis card. */
const CARD: Size = { width: 280, height: 110 };
const THESIS_CARD: Size = { width: 360, height: 120 };

interface Row {
  size: number;
  inferences: number;
  conflicts: number;
  children: number;
  edges: number;
  median: number;
  min: number;
  max: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function layoutInput(size: number): { input: LayoutGraph; inferences: number; conflicts: number } {
  const graph = syntheticGraph(size, SEED);
  const sizes = new Map(graph.nodes.map((n) => [n.id, n.kind === 'thesis' ? THESIS_CARD : CARD]));
  return { input: buildLayoutGraph(graph, sizes, CARD), inferences: graph.inferences.length, conflicts: graph.conflicts.length };
}

async function benchmark(elk: InstanceType<typeof ELK>, size: number): Promise<Row> {
  const { input, inferences, conflicts } = layoutInput(size);
  const timings: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + TIMED_RUNS; run++) {
    // The worker gets a structured clone of the graph through postMessage; ELK writes into it.
    const graph = structuredClone(input);
    const start = performance.now();
    const laidOut = await elk.layout(graph);
    const elapsed = performance.now() - start;
    if ((laidOut.children ?? []).length !== input.children.length) throw new Error(`ELK lost nodes at size ${size}`);
    if (run >= WARMUP_RUNS) timings.push(elapsed);
  }
  return {
    size,
    inferences,
    conflicts,
    children: input.children.length,
    edges: input.edges.length,
    median: median(timings),
    min: Math.min(...timings),
    max: Math.max(...timings),
  };
}

function table(rows: Row[]): string {
  const header = ['nodes', 'inferences', 'conflicts', 'layout nodes', 'layout edges', 'median ms', 'min ms', 'max ms'];
  const ms = (value: number) => value.toFixed(0);
  const cells = rows.map((r) => [r.size, r.inferences, r.conflicts, r.children, r.edges].map(String).concat([ms(r.median), ms(r.min), ms(r.max)]));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main() {
  const elkVersion = (createRequire(import.meta.url)('elkjs/package.json') as { version: string }).version;
  const cpus = os.cpus();
  console.log('Layout benchmark: ELK layered on synthetic argument maps');
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores · Node ${process.version} · elkjs ${elkVersion}`);
  console.log(`Seed ${SEED}; ${WARMUP_RUNS} warm-up run, then ${TIMED_RUNS} timed runs per size.`);
  console.log('Layout nodes include the junction dots of linked and undercut inferences.\n');

  // One ELK instance for every run, as in the worker.
  const elk = new ELK();
  const rows: Row[] = [];
  for (const size of SIZES) {
    rows.push(await benchmark(elk, size));
    process.stderr.write(`  ${size} nodes done\n`);
  }
  console.log(table(rows));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
