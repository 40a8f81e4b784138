// Serves the production build: builds once when there is no build yet, then runs `next start`.
// Shared by `npm start` (scripts/start.mjs) and the e2e server (scripts/e2e-server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './prepare-db.mjs';

const next = path.join(root, 'node_modules', '.bin', 'next');
/** What the build is made from: a change to any of these (a pull, an edit) calls for a new build. */
const SOURCES = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.js', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];
export const STAMP = path.join(root, '.next', 'argmap-sources.sha1');
/** How long after SIGINT/SIGTERM the server may take to exit before it is killed, in ms (under 5 s). */
export const STOP_DEADLINE_MS = 4500;

/** A hash of every source file's path and contents (a few hundred small files: milliseconds). */
export function sourcesHash() {
  const hash = createHash('sha1');
  const visit = (rel) => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) if (!name.startsWith('.') && name !== '__tests__') visit(path.join(rel, name));
    } else {
      hash.update(rel).update(readFileSync(full));
    }
  };
  SOURCES.forEach(visit);
  return hash.digest('hex');
}

/**
 * Builds when there is no build, when the sources changed since the last one, or when `rebuild` is
 * set; then starts `next start -p <port>` in the project root with this process's environment.
 * SIGINT/SIGTERM are passed on to the server (killed if it has not exited {@link STOP_DEADLINE_MS}
 * later), and this process exits with the server's exit code.
 * Returns the server's child process.
 */
export function serve({ port, rebuild = false }) {
  const sources = sourcesHash();
  const built = existsSync(path.join(root, '.next', 'BUILD_ID'));
  const current = built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources;
  if (rebuild || !current) {
    console.log(
      rebuild
        ? 'Building (requested).'
        : built
          ? 'The code changed since the last build: building again.'
          : 'No production build yet: building (about a minute, once).',
    );
    const build = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(STAMP, sources);
  }

  const server = spawn(next, ['start', '-p', String(port)], { cwd: root, stdio: 'inherit', env: process.env });
  let deadline;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.kill(signal);
      // The server stops itself within 3 s (lib/http/shutdown.ts); this is the backstop.
      deadline ??= setTimeout(() => {
        console.error(`The server did not stop within ${STOP_DEADLINE_MS / 1000} s of ${signal}: killing it.`);
        server.kill('SIGKILL');
      }, STOP_DEADLINE_MS);
    });
  }
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return server;
}
