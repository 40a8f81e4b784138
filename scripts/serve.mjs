// Serves the production build: builds once when there is no build yet, then runs `next start`.
// Shared by `npm start` (scripts/start.mjs) and the e2e server (scripts/e2e-server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './prepare-db.mjs';

const next = path.join(root, 'node_modules', '.bin', 'next');

/**
 * Builds if `.next/BUILD_ID` is missing (or `rebuild` is set), then starts `next start -p <port>`
 * in the project root with this process's environment. SIGINT/SIGTERM are passed on to the server,
 * and this process exits with the server's exit code. Returns the server's child process.
 */
export function serve({ port, rebuild = false }) {
  if (rebuild || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log(rebuild ? 'Building (requested).' : 'No production build yet: building (about a minute, once).');
    const build = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const server = spawn(next, ['start', '-p', String(port)], { cwd: root, stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return server;
}
