/**
 * How a bench script hands a row of the budget table to bench/run.mjs: one stdout line
 * `BENCH-ROW {"key":…}`. run.mjs knows every row of the table (what and budget) by key, prints them
 * all with pass/miss marks and writes BENCHMARKS.md.
 */
export const ROW_PREFIX = 'BENCH-ROW ';

/** The keys of the table's rows, in the order (run.mjs holds their wording and budgets). */
export type RowKey =
  | 'op-ed-load'
  | 'load-1000'
  | 'load-2000'
  | 'drag-1000'
  | 'pan-1000'
  | 'evaluation-2000'
  | 'post-50'
  | 'post-50-paced'
  | 'write-ratio'
  | 'get-1000'
  | 'live-30'
  | 'first-load-js'
  | 'adversarial'
  | 'floor-op-ed-ready'
  | 'floor-op-ed-tbt'
  | 'floor-1000-ready'
  | 'floor-1000-longest-task'
  | 'floor-openings'
  | 'floor-js';

/** One measured row: the figure as text, whether it is within budget (null: reported, no budget), and how it was measured. */
export interface BenchRow {
  key: RowKey;
  result: string;
  pass: boolean | null;
  note?: string;
}

/** Prints a row for bench/run.mjs (and for a person reading the output). */
export function reportRow(row: BenchRow): void {
  console.log(`${ROW_PREFIX}${JSON.stringify(row)}`);
}
