// Run under the e2e lock (bench/run.mjs and bench/support/server.ts do): makes sure the production
// build is current (builds when there is none or the sources changed since, as scripts/serve.mjs
// decides), then copies it to the folder named on the command line, so the benches serve that copy
// while other runs rebuild .next. The copy holds .next (without its cache), next.config.js,
// package.json and public/, with node_modules linked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/prepare-db.mjs';
import { sourcesHash, STAMP } from '../../scripts/serve.mjs';

const target = process.argv[2];
if (!target) {
  console.error('usage: node bench/support/snapshot-build.mjs <folder>');
  process.exit(2);
}

const sources = sourcesHash();
const current = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources;
if (!current || process.env.ARGMAP_BENCH_REBUILD === '1') {
  console.log('Building the production app for the benches.');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, sources);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const parts = ['.next', 'next.config.js', 'package.json', 'public'].filter((p) => existsSync(path.join(root, p)));
const copy = spawnSync(
  'sh',
  ['-c', `tar -C "$1" --exclude=.next/cache -cf - ${parts.map((p) => `'${p}'`).join(' ')} | tar -C "$2" -xf -`, 'sh', root, target],
  { stdio: 'inherit' },
);
if (copy.status !== 0) process.exit(copy.status ?? 1);
symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'));
console.log(`Build ${readFileSync(path.join(target, '.next', 'BUILD_ID'), 'utf8').trim()} copied to ${target}.`);
