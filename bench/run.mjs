// `npm run bench`: runs every benchmark script in bench/ (each `*.ts` except the shared
// synthetic-map.ts) with tsx, one after another, and fails if any of them fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const SHARED_MODULES = new Set(['synthetic-map.ts']);

const scripts = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && !SHARED_MODULES.has(name))
  .sort();

const failed = [];
for (const name of scripts) {
  console.log(`\n▶ bench/${name}\n`);
  const result = spawnSync(tsx, [path.join(benchDir, name)], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    const reason = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit ${result.status}`;
    console.error(`\nbench/${name} failed (${reason}).`);
    failed.push(name);
  }
}

if (failed.length > 0) {
  console.error(`\n${failed.length} of ${scripts.length} benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
