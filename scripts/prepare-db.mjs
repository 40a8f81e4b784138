// Applies committed migrations to the database and seeds it with the op-ed when it has no such map.
// `npm start` and `npm run dev` call this before serving; `npm run db:seed` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Fills in the environment every script shares: the database file and no telemetry. */
export function defaultEnv() {
  process.env.DATABASE_URL ||= `file:${path.join(root, 'data', 'argmap.db')}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  return process.env;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/**
 * How long to wait for another process to let go of the database before refusing, in ms: long
 * enough for a server that was just stopped to finish exiting (it takes at most 3 s).
 */
export const IN_USE_WAIT_MS = 5000;

/**
 * Exits with a clear message when another process has the database open — a server still running
 * (or still stopping) on it. A server's connection holds a shared lock on the file as long as it is
 * open, so taking the exclusive lock fails while one runs, and succeeds after any stop, a kill -9 or
 * a power loss included (the lock goes with the process; SQLite recovers the WAL when it opens).
 * `prisma migrate deploy` next to a running server would otherwise fail after a long wait with
 * "Error in the underlying connector (WASM_ERROR): unknown variant `SocketTimeout`".
 */
export function assertDatabaseNotInUse(file) {
  if (!existsSync(file)) return;
  const probe = new Database(file, { fileMustExist: true, timeout: IN_USE_WAIT_MS });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    if (error?.code !== 'SQLITE_BUSY') throw error;
    console.error(
      `\nThe database ${file} is in use by another process: most likely an Argmap server still running on it ` +
        '(npm start or npm run dev, perhaps in another terminal). Stop that server, then start again.',
    );
    process.exit(1);
  } finally {
    probe.close();
  }
}

/** Whether DATABASE_URL names a PostgreSQL server (lib/db/database-url.ts decides the same way). */
export function onPostgres(env = process.env) {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL?.trim() ?? '');
}

/** The URL with its password hidden, for the log. */
function shown(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function prepareDatabase() {
  defaultEnv();
  console.log(`Database: ${shown(process.env.DATABASE_URL)}`);
  if (onPostgres()) {
    // Both clients are generated on install (postinstall); not again here: instances starting
    // together from one checkout would rewrite generated/prisma-pg under each other.
    const { migratePostgres } = await import('./migrate-postgres.mjs');
    try {
      await migratePostgres(process.env.DATABASE_URL);
    } catch (error) {
      console.error(`\nMigrating PostgreSQL failed: ${error.message}`);
      process.exit(1);
    }
    run(bin('tsx'), [path.join(root, 'prisma', 'seed', 'index.ts')]);
    return;
  }
  const file = path.resolve(root, process.env.DATABASE_URL.trim().replace(/^file:/, ''));
  // SQLite creates the file but not its folder.
  mkdirSync(path.dirname(file), { recursive: true });
  assertDatabaseNotInUse(file);
  // The client is generated on install; generating again (a second) keeps it in step after a pull.
  run(bin('prisma'), ['generate']);
  run(bin('prisma'), ['migrate', 'deploy']);
  run(bin('tsx'), [path.join(root, 'prisma', 'seed', 'index.ts')]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await prepareDatabase();
