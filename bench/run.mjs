// `npm run bench`: every benchmark in bench/ (each `*.ts` at this level; helpers live in
// bench/support/ and bench/synthetic-map.ts), one after another, then the issue's budget table with
// a pass/miss mark per row, and BENCHMARKS.md with the machine, the versions and the date.
//
// Every script runs under the e2e lock (/tmp/argmap-e2e.lock), so no e2e build or run competes with
// it, and all of them serve one copy of the production build (built first when it is missing or
// stale), so a rebuild elsewhere cannot change what is measured half-way.
//
//   npm run bench                       everything (about 15 minutes), writes BENCHMARKS.md
//   npm run bench -- --only=api,browser only these scripts (no BENCHMARKS.md unless --write)
//   npm run bench -- --quick            shorter runs (smoke test: 10 s loads, 2 page loads, 3 crash rounds, 2 floor rounds)
//   BENCH_NO_LOCK=1                     do not take the e2e lock around each script
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const LOCK = '/tmp/argmap-e2e.lock';
const ROW_PREFIX = 'BENCH-ROW ';
const SHARED_MODULES = new Set(['synthetic-map.ts']);

/** The issue's table, in its order: what, budget, and how it is measured (bench/support/report.ts has the keys). */
const TABLE = [
  {
    key: 'op-ed-load',
    what: 'op-ed map page, cold load to interactive canvas',
    budget: '≤ 1.0 s',
    how: 'bench/browser.ts: Playwright, `argmap:canvas-ready` mark, median of 5',
  },
  {
    key: 'load-1000',
    what: 'synthetic 1,000-node map to interactive',
    budget: '≤ 2.5 s, no long task > 50 ms',
    how: 'bench/browser.ts: same, PerformanceObserver for long tasks',
  },
  { key: 'load-2000', what: 'synthetic 2,000-node map to interactive', budget: '≤ 5 s, no long task > 50 ms', how: 'bench/browser.ts: same' },
  {
    key: 'drag-1000',
    what: 'dragging a node at 1,000 nodes',
    budget: 'frame p95 ≤ 33 ms',
    how: 'bench/browser.ts: rAF frame times during a scripted mouse drag',
  },
  {
    key: 'pan-1000',
    what: 'panning zoomed-out at 1,000 nodes',
    budget: 'frame p95 ≤ 100 ms',
    how: 'bench/browser.ts: rAF frame times while dragging the pane',
  },
  { key: 'evaluation-2000', what: 'evaluation of 2,000 nodes', budget: '≤ 50 ms', how: 'bench/evaluation.ts: Node, median of 20' },
  {
    key: 'post-50',
    what: '`POST` a node, 50 concurrent writers for 30 s (flat out)',
    budget: "p95 ≤ 1.5 × the cheapest route's p95, 0 errors",
    how: 'bench/api.ts: autocannon against `next start`, 50 connections each sending its next write as soon as the last is answered',
  },
  {
    key: 'post-50-paced',
    what: '`POST` a node, 50 writers for 30 s, each writing about once a second',
    budget: 'p95 ≤ 25 ms, 0 errors',
    how: 'bench/api.ts: 50 independent writers, random (Poisson) moments, mean 1 s apart — a class far faster than any class types',
  },
  {
    key: 'write-ratio',
    what: 'write throughput vs the SQLite ceiling',
    budget: 'report the ratio',
    how: 'bench/api.ts: API writes/s ÷ raw better-sqlite3 single-row commits/s, same pragmas, same run',
  },
  { key: 'get-1000', what: '`GET` a 1,000-node map', budget: 'p95 ≤ 30 ms', how: 'bench/api.ts: autocannon, 10 connections' },
  {
    key: 'live-30',
    what: 'live update, writer → 30 SSE readers',
    budget: 'delivery p95 ≤ 100 ms, 100% delivered',
    how: 'bench/live.ts: 30 readers, 30 writers, 60 s',
  },
  {
    key: 'adversarial',
    what: 'inputs at the limits in stressing shapes (ladders, 5,000-deep chains, 200 KB essays of one character…), every route',
    budget: 'no 5xx; /api/health < 1 s during each',
    how: 'bench/adversarial.ts: the production server, health asked back to back meanwhile (issue 10)',
  },
  {
    key: 'first-load-js',
    what: 'first-load JS of the map page',
    budget: '≤ 200 KB gzipped; elkjs not initial',
    how: 'bench/bundle.ts: every script and worker script Chromium requests before `argmap:canvas-ready` (nomodule never is), gzipped and summed',
  },
  // Issue 14: against the floor (bench/floor/, a bare Next + React Flow page) in the same run.
  {
    key: 'floor-op-ed-ready',
    what: 'op-ed map, navigation → canvas ready, vs the floor',
    budget: '≤ 1.3 × floor',
    how: 'bench/floor.ts: Argmap and the floor loaded alternately, fresh context, cache off, 1440×900; medians',
  },
  {
    key: 'floor-op-ed-tbt',
    what: 'op-ed map, total blocking time to ready',
    budget: '≤ floor + 50 ms',
    how: 'bench/floor.ts: sum of (long task − 50 ms) before the ready mark, median per load',
  },
  {
    key: 'floor-1000-ready',
    what: '1,000-node map, ready, vs the culled floor',
    budget: '≤ 1.5 × culled floor',
    how: 'bench/floor.ts: same loop; the floor draws only the nodes in view',
  },
  {
    key: 'floor-1000-longest-task',
    what: '1,000-node map, longest long task',
    budget: "≤ 1.2 × culled floor's",
    how: "bench/floor.ts: each load's longest task before ready, median",
  },
  {
    key: 'floor-openings',
    what: 'blank or origin-centred opening, 20 loads of each map',
    budget: '0',
    how: 'bench/floor.ts: after the mark, no `.react-flow__node` in the canvas, or the viewport at translate(0, 0) scale(1)',
  },
  {
    key: 'floor-js',
    what: 'JS requested before ready (all scripts and workers, gz), op-ed map',
    budget: '≤ floor + 60 KB',
    how: 'bench/floor.ts: Playwright request events up to the mark, bodies gzipped (level 6)',
  },
  // PostgreSQL (DATABASE_URL=postgresql://…), one and two `next start` instances on one database; SQLite's row in the note.
  {
    key: 'pg-post-paced',
    what: 'PostgreSQL: `POST` a node, 30 writers for 15 s, each about once a second, one and two instances',
    budget: 'report (vs SQLite)',
    how: 'bench/postgres.ts: as bench/api.ts paced, writers split over the instances; throwaway PostgreSQL cluster',
  },
  {
    key: 'pg-post-flat',
    what: 'PostgreSQL: `POST` a node flat out, 50 connections for 10 s, one and two instances',
    budget: 'report writes/s and two ÷ one',
    how: 'bench/postgres.ts: autocannon, connections split over the instances, run at the same time',
  },
  {
    key: 'pg-live-cross',
    what: 'PostgreSQL: live update across instances, writer on A → 30 SSE readers on B',
    budget: 'delivery p95 ≤ 100 ms, 100% delivered',
    how: 'bench/postgres.ts: 30 readers on B, 30 writers on A, 15 s; LISTEN/NOTIFY wakes B',
  },
  {
    key: 'pg-get-1000',
    what: 'PostgreSQL: `GET` a 1,000-node map, one and two instances',
    budget: 'report (vs SQLite)',
    how: 'bench/postgres.ts: autocannon, 10 connections split over the instances',
  },
];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);
const quick = args.includes('--quick');
const write = args.includes('--write') || (!only && !quick);
const useLock = process.env.BENCH_NO_LOCK !== '1';

const QUICK_ENV = {
  LIVE_SECONDS: '10',
  API_SECONDS: '10',
  API_GET_SECONDS: '5',
  BROWSER_RUNS: '2',
  CRASH_ROUNDS: '3',
  FLOOR_RUNS: '2',
  FLOOR_OPENINGS: '3',
  PG_SECONDS: '5',
  PG_FLAT_SECONDS: '5',
  PG_GET_SECONDS: '5',
};

const scripts = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && !SHARED_MODULES.has(name))
  .filter((name) => !only || only.includes(name.replace(/\.ts$/, '')))
  .sort();

/** Runs a command (under the lock when asked), echoing its output; resolves with its exit code and stdout. */
function run(command, commandArgs, env) {
  const [cmd, cmdArgs] = useLock ? ['flock', [LOCK, command, ...commandArgs]] : [command, commandArgs];
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), signal, stdout }));
  });
}

const buildCopy = path.join(os.tmpdir(), `argmap-bench-build-${process.pid}`);
process.on('exit', () => rmSync(buildCopy, { recursive: true, force: true }));
const env = { ...process.env, ...(quick ? QUICK_ENV : {}), ARGMAP_BENCH_BUILD: buildCopy, NEXT_TELEMETRY_DISABLED: '1' };

const started = new Date();
const snapshot = await run(process.execPath, [path.join(benchDir, 'support', 'snapshot-build.mjs'), buildCopy], env);
if (snapshot.code !== 0) {
  console.error('Could not build or copy the production app; no benchmark ran.');
  process.exit(1);
}

const rows = new Map();
const failed = [];
for (const name of scripts) {
  console.log(`\n▶ bench/${name}\n`);
  const result = await run(tsx, [path.join(benchDir, name)], env);
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith(ROW_PREFIX)) {
      const row = JSON.parse(line.slice(ROW_PREFIX.length));
      rows.set(row.key, row);
    }
  }
  if (result.code !== 0) {
    console.error(`\nbench/${name} failed (${result.signal ? `signal ${result.signal}` : `exit ${result.code}`}).`);
    failed.push(name);
  }
}

const mark = (row) => (!row ? 'not run' : row.pass === null ? 'reported' : row.pass ? 'pass' : 'MISS');

// ── The table on the console ─────────────────────────────────────────────────────────────────
const cells = TABLE.map((t) => {
  const row = rows.get(t.key);
  return [t.what.replace(/`/g, ''), t.budget, row ? row.result : '—', mark(row)];
});
const header = ['what', 'budget', 'measured', ''];
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (values) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}`);

// ── BENCHMARKS.md ────────────────────────────────────────────────────────────────────────────
function version(pkg) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
function machine() {
  const cpus = os.cpus();
  let distro = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) distro = `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || '/usr/bin/chromium';
  const chromium = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout?.trim() || '?';
  const sqlite = spawnSync(
    process.execPath,
    ['-e', "const D=require('better-sqlite3');console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)"],
    { cwd: root, encoding: 'utf8' },
  ).stdout.trim();
  return [
    ['CPU', `${cpus[0]?.model ?? '?'}, ${cpus.length} cores`],
    ['RAM', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`],
    ['OS', distro],
    ['Node', process.version],
    ['Next', version('next')],
    ['React', version('react')],
    ['@xyflow/react', version('@xyflow/react')],
    ['Chromium', chromium],
    ['SQLite', `${sqlite} (better-sqlite3 ${version('better-sqlite3')}), synchronous=${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`],
    [
      'Load average at the start',
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', '),
    ],
  ];
}

if (write) {
  const md = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min). Budgets are from issue 6; every figure comes from the run below, on this machine, in headless Chromium where a browser is involved.`,
    '',
    '| | |',
    '|---|---|',
    ...machine().map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| what | budget | measured | | how |',
    '|---|---|---|---|---|',
    ...TABLE.map((t) => {
      const row = rows.get(t.key);
      return `| ${t.what} | ${t.budget} | ${row ? row.result : '—'}${row?.note ? ` (${row.note})` : ''} | ${mark(row)} | ${t.how} |`;
    }),
    '',
    'The layout timings (`bench/layout.ts`) and the crash test (`bench/crash.ts`: 20 × kill -9 under 50 writers) print their results above the table when run; see the README.',
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
  console.log('\nWrote BENCHMARKS.md.');
}

if (failed.length > 0) {
  console.error(`\n${failed.length} of ${scripts.length} benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
