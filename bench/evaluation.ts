// Times the evaluation (lib/argument/evaluation.ts) on synthetic maps: median of 20 runs after a
// warm-up, per size. The budget for 2,000 nodes is 50 ms (issue: the argument engine).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../lib/argument/evaluation';
import { syntheticGraph } from './synthetic-map';
import { reportRow } from './support/report';

const SIZES = [250, 500, 1000, 2000, 5000];
const RUNS = 20;
const BUDGET_MS_AT_2000 = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

console.log(`Evaluation benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(
  `${'nodes'.padStart(6)} ${'steps'.padStart(6)} ${'attacks'.padStart(8)} ${'median ms'.padStart(10)} ${'min'.padStart(7)} ${'max'.padStart(7)}  thesis`,
);
let at2000 = NaN;
for (const size of SIZES) {
  const graph = syntheticGraph(size, 42);
  evaluate(graph); // warm-up
  const times: number[] = [];
  let thesis: string | null = null;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    thesis = evaluate(graph).thesis;
    times.push(performance.now() - start);
  }
  const m = median(times);
  if (size === 2000) at2000 = m;
  console.log(
    `${String(graph.nodes.length).padStart(6)} ${String(graph.inferences.length).padStart(6)} ${String(graph.conflicts.length).padStart(8)} ${m.toFixed(2).padStart(10)} ${Math.min(
      ...times,
    )
      .toFixed(2)
      .padStart(7)} ${Math.max(...times)
      .toFixed(2)
      .padStart(7)}  ${thesis}`,
  );
}
console.log(`\n2,000 nodes: ${at2000.toFixed(2)} ms (budget ${BUDGET_MS_AT_2000} ms) — ${at2000 <= BUDGET_MS_AT_2000 ? 'within budget' : 'OVER BUDGET'}`);
reportRow({ key: 'evaluation-2000', result: `${at2000.toFixed(2)} ms`, pass: at2000 <= BUDGET_MS_AT_2000, note: `median of ${RUNS}` });
