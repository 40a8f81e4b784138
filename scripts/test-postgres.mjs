// `npm run test:postgres [-- vitest args]`: the API tests (vitest project "api") on PostgreSQL, then
// the multi-instance test (project "multi-instance", tests/multi-instance). Starts a throwaway
// cluster (scripts/postgres-cluster.mjs), runs the suites with ARGMAP_TEST_POSTGRES_URL pointing at
// it (tests/api/support/global-setup.ts makes the template database, each test file its own copy),
// then stops the cluster and deletes it, also on Ctrl-C, and exits with vitest's status.
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

// The API tests, then the multi-instance test (tests/multi-instance: two `next start` instances on one
// database of the cluster, built first when stale); extra arguments go to both (a filter that matches
// nothing of the second passes). The status is the first failure's.
const vitest = (project, extra = []) =>
  spawn(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', project, ...extra, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ARGMAP_TEST_POSTGRES_URL: cluster.url },
  });
let child = vitest('api');
let interrupted = false;

// Ctrl-C reaches vitest too (same terminal); a SIGTERM sent to this script alone is passed on.
// Either way the cluster is stopped once vitest has finished.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    interrupted = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });

const onError = (error) => {
  console.error(`Could not run vitest: ${error.message}`);
  cluster.stop();
  process.exit(1);
};
const status = (code, signal) => code ?? 128 + (os.constants.signals[signal] ?? 0);
child.on('error', onError);
child.on('exit', (code, signal) => {
  const api = status(code, signal);
  if (interrupted) {
    cluster.stop();
    process.exit(api);
  }
  child = vitest('multi-instance', ['--passWithNoTests']);
  child.on('error', onError);
  child.on('exit', (code2, signal2) => {
    cluster.stop();
    process.exit(api || status(code2, signal2));
  });
});
