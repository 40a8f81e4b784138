// A throwaway PostgreSQL cluster for tests and benchmarks: `startCluster()` makes one in a fresh temp
// folder on a free port and answers its superuser URL and a `stop()` that shuts it down and deletes
// the folder. `npm run test:postgres` (scripts/test-postgres.mjs) runs the API tests on one.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const INSTALL_HINT = 'Install it with: apt-get install -y postgresql (Debian/Ubuntu; the server need not run, only its programs are used).';

/** The newest PostgreSQL's programs folder (`/usr/lib/postgresql/<version>/bin`, or ARGMAP_PG_BIN), or null. */
export function findPostgresBin() {
  if (process.env.ARGMAP_PG_BIN) return existsSync(path.join(process.env.ARGMAP_PG_BIN, 'pg_ctl')) ? process.env.ARGMAP_PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(path.join(base, v, 'bin', 'pg_ctl')) && existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

/** A TCP port nothing listens on now (the system's choice for port 0). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The server refuses to run as root: as root every program runs as the `postgres` user, otherwise as whoever runs this. */
const asRoot = process.getuid?.() === 0;

function postgresIds() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error(`Running as root, but there is no "postgres" user to run the server as (PostgreSQL refuses to run as root). ${INSTALL_HINT}`);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function run(bin, program, args) {
  const command = asRoot ? 'runuser' : path.join(bin, program);
  const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
  return spawnSync(command, full, { encoding: 'utf8', cwd: os.tmpdir() });
}

const logTail = (file) => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
};

/**
 * Starts a throwaway cluster: `initdb` in a new temp folder (trust authentication, superuser
 * `postgres`, UTF-8 with the C locale, so text sorts by code point as in SQLite and JavaScript), then
 * `pg_ctl start` listening on 127.0.0.1 only, on a free port, with its socket in the folder and
 * fsync off (nothing in it needs to survive a crash).
 *
 * Answers `{ url, port, dir, bin, stop }`: `url` is the superuser's connection to the `postgres`
 * database; `stop()` shuts the server down (fast) and deletes the folder — synchronous, safe to call
 * twice, and called on process exit if not before. With `signals: true` (the default) Ctrl-C or
 * SIGTERM stops the cluster too, and exits unless the program has its own handler for the signal.
 */
export async function startCluster({ signals = true, maxConnections = 200 } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL's programs were not found (looked in $ARGMAP_PG_BIN, else /usr/lib/postgresql/*/bin). ${INSTALL_HINT}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'argmap-pg-'));
  let stopped = false;
  const log = path.join(dir, 'log');
  const cleanup = () => {
    process.off('exit', cleanup);
    for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, onSignal);
    if (stopped) return;
    stopped = true;
    // A server runs (or was left half-started) while its postmaster.pid is there.
    if (existsSync(path.join(dir, 'postmaster.pid'))) {
      const result = run(bin, 'pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
      if (result.status !== 0) process.stderr.write(`pg_ctl stop failed:\n${result.stdout}${result.stderr}\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    cleanup();
    if (process.listenerCount(signal) === 0) process.exit(128 + os.constants.signals[signal]);
  };
  process.on('exit', cleanup);
  if (signals) for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, onSignal);
  try {
    if (asRoot) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
    }
    const init = run(bin, 'initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    // The port is free when chosen but could be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = `-p ${port} -k "${dir}" -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=${maxConnections}`;
      const start = run(bin, 'pg_ctl', ['-D', dir, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
      if (start.status === 0) return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, bin, stop: cleanup };
      if (attempt >= 3) throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}\nServer log:\n${logTail(log)}`);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
}
