/**
 * A production server for one benchmark or crash test: `next start` from the existing build on its
 * own port (never 3000 or 3100), over its own throwaway SQLite file in the system temp folder,
 * migrated and seeded with the op-ed. Never touches data/argmap.db.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
/** Ports the app and its e2e suite use; a bench server refuses them. */
const RESERVED_PORTS = new Set([3000, 3100]);
/** Serialises `next build` (and quiet-machine runs) with the e2e suite and the other engineers' runs. */
export const E2E_LOCK = '/tmp/argmap-e2e.lock';
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/** A throwaway database path for `name` (e.g. `argmap-bench-api-12345.db` in the temp folder). */
export function throwawayDatabase(name: string): string {
  return path.join(os.tmpdir(), `argmap-bench-${name}-${process.pid}.db`);
}

/** Deletes a database file with its WAL, shared-memory and journal files. */
export function removeDatabase(file: string): void {
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
}

/** The environment a bench server and its database scripts run with. */
export function serverEnv(file: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * The folder bench servers run `next start` in: ARGMAP_BENCH_BUILD when set (bench/run.mjs sets it
 * to one copy of the build for every script), else the project itself (e2e/crash.spec.ts, which
 * already runs under the e2e lock with a fresh build).
 */
export function buildDir(): string {
  return process.env.ARGMAP_BENCH_BUILD || ROOT;
}

/**
 * For a bench script run on its own: under the e2e lock, builds when the build is missing or stale
 * and copies it to a folder of this process's (removed on exit), so a rebuild by someone else's e2e
 * run cannot pull the build from under the bench server.
 */
export function ensureBuild(): void {
  if (process.env.ARGMAP_BENCH_BUILD) return;
  const dir = path.join(os.tmpdir(), `argmap-bench-build-${process.pid}`);
  const result = spawnSync('flock', [E2E_LOCK, process.execPath, path.join(__dirname, 'snapshot-build.mjs'), dir], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Could not build or copy the production app.');
  process.env.ARGMAP_BENCH_BUILD = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

/** Applies the migrations to `file` and seeds the op-ed map (`negotiate-now`) when it is not there. */
export function prepareDatabase(file: string, port: number): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prepare-db.mjs')], { cwd: ROOT, env: serverEnv(file, port), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`prepare-db failed:\n${result.stdout}\n${result.stderr}`);
}

export interface BenchServer {
  base: string;
  port: number;
  file: string;
  process: ChildProcess;
  /** SIGTERM to the server's whole process group; resolves when it has exited. */
  stop(): Promise<void>;
  /** SIGKILL (`kill -9`) to the server's whole process group, with no chance to clean up. */
  kill9(): Promise<void>;
}

/** Waits until `url` answers 2xx, or throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/**
 * Starts `next start -p <port>` over `file` (already prepared) in a process group of its own, so
 * `kill9` reaches the forked server too, and waits until the op-ed map answers.
 */
export async function startServer(file: string, port: number, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  if (RESERVED_PORTS.has(port)) throw new Error(`Port ${port} belongs to the app or the e2e suite; use 3200 or above.`);
  if (path.resolve(file) === path.join(ROOT, 'data', 'argmap.db')) throw new Error('Refusing to run a bench against data/argmap.db.');
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    cwd: buildDir(),
    env: serverEnv(file, port, extraEnv),
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/maps/negotiate-now`);
  } catch (error) {
    await signalGroup('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { base, port, file, process: child, stop: () => signalGroup('SIGTERM'), kill9: () => signalGroup('SIGKILL') };
}

/** The PID of the process listening on `port` (next start forks its server), or undefined. */
export function listeningPid(port: number): number | undefined {
  const out = spawnSync('bash', ['-c', `ss -ltnp 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2`], { encoding: 'utf8' }).stdout.trim();
  return out ? Number(out) : undefined;
}

/** Nearest-rank percentile of `values` (p in 0–100); NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median of `values`. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
