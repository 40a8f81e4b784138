// `npm run bench` → the long fuzz run: tests/api/fuzz.test.ts with FUZZ_REQUESTS (default 20,000)
// generated requests over every API route, in-process against a throwaway database. Prints how many
// were sent, how long it took, and fails if any request got a 5xx, an unexpected log, or wrote.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const requests = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const started = performance.now();
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', 'api', 'tests/api/fuzz.test.ts'], {
  cwd: root,
  env: { ...process.env, FUZZ_REQUESTS: String(requests) },
  encoding: 'utf8',
});
const seconds = (performance.now() - started) / 1000;
const output = `${result.stdout}\n${result.stderr}`;
const sent = /fuzz: (\d+) requests over (\d+) route handlers/.exec(output);
const failures = /Tests\s+.*?(\d+) failed/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
if (result.status !== 0 || !sent) {
  console.log(output.slice(-6000));
  console.error(`fuzz: FAILED after ${seconds.toFixed(1)} s${failures ? ` (${failures[1]} routes failed)` : ''}`);
  process.exit(1);
}
console.log(
  `fuzz: ${Number(sent[1]).toLocaleString('en')} generated requests over ${sent[2]} route handlers in ${seconds.toFixed(1)} s — no 5xx, every refusal a JSON error, nothing written`,
);
