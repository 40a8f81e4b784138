// `npm run test:postgres [-- vitest args]`: the API tests (vitest project "api") on PostgreSQL. Starts
// a throwaway cluster (scripts/postgres-cluster.mjs), runs the suite with ARGMAP_TEST_POSTGRES_URL
// pointing at it (tests/api/support/global-setup.ts makes the template database, each test file its
// own copy), then stops the cluster and deletes it, also on Ctrl-C, and exits with vitest's status.
// Extra arguments go to vitest: `npm run test:postgres -- tests/api/fuzz.test.ts`.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBin, startCluster } from './postgres-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!findPostgresBin()) {
  console.error(
    'PostgreSQL was not found (looked in $ARGMAP_PG_BIN, else /usr/lib/postgresql/*/bin).\n' +
      'Install it with:  apt-get install -y postgresql\n' +
      '(only its programs are used: this script starts and removes a cluster of its own).',
  );
  process.exit(1);
}

let cluster;
try {
  cluster = await startCluster({ signals: false });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`PostgreSQL: ${cluster.url} (cluster in ${cluster.dir})`);

const child = spawn(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', 'api', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ARGMAP_TEST_POSTGRES_URL: cluster.url },
});

// Ctrl-C reaches vitest too (same terminal); a SIGTERM sent to this script alone is passed on.
// Either way the cluster is stopped once vitest has finished.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });

child.on('error', (error) => {
  console.error(`Could not run vitest: ${error.message}`);
  cluster.stop();
  process.exit(1);
});
child.on('exit', (code, signal) => {
  cluster.stop();
  process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
});
