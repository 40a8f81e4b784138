// `npm run backup` and `npm run restore` on PostgreSQL (DATABASE_URL=postgresql://…): PostgreSQL's
// own tools do it best — `pg_dump --format=custom` takes a consistent snapshot while the instances
// keep serving, and `pg_restore --clean --if-exists --single-transaction` puts one back in one step.
// When those programs are missing, say what to install instead of failing obscurely.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** pg_dump / pg_restore: on PATH, or in the newest /usr/lib/postgresql/<version>/bin (Debian). */
function findTool(name) {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const file = path.join(base, version, 'bin', name);
    if (existsSync(file)) return file;
  }
  return null;
}

function toolOrFail(name, fail) {
  const tool = findTool(name);
  if (!tool)
    fail(`${name} was not found. Install PostgreSQL's client programs (Debian: apt-get install -y postgresql-client) or back up with your provider's tools.`);
  return tool;
}

/**
 * libpq's environment for the database in `url` (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE):
 * the password stays out of the command line other users can read in `ps`, and parameters only
 * Prisma or pg know (`schema`, `connection_limit`, …) do not reach pg_dump, which would refuse them.
 */
function libpqEnv(url) {
  const parsed = new URL(url);
  const env = { ...process.env };
  for (const key of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSSLMODE']) delete env[key];
  if (parsed.hostname) env.PGHOST = decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, ''));
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  env.PGDATABASE = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const host = parsed.searchParams.get('host');
  if (host) env.PGHOST = host;
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The migrations recorded in a dump's "_argmap_migrations" table (its data, read with pg_restore). */
function migrationsIn(pgRestore, source) {
  const data = spawnSync(pgRestore, ['--data-only', '--table', '_argmap_migrations', '--file', '-', source], { encoding: 'utf8' });
  if (data.status !== 0) return null;
  const copy = data.stdout.split('\n');
  const start = copy.findIndex((line) => line.startsWith('COPY ') && line.includes('_argmap_migrations'));
  if (start < 0) return null;
  const names = [];
  for (const line of copy.slice(start + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[0]);
  }
  return names.sort();
}

/** Dumps the database to `target` (written as target.partial, renamed when pg_dump succeeded). */
export function backupPostgres(url, target, fail) {
  const pgDump = toolOrFail('pg_dump', fail);
  if (existsSync(target)) fail(`${target} already exists; name another file.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const result = spawnSync(pgDump, ['--format=custom', '--no-owner', '--file', partial], { stdio: ['ignore', 'inherit', 'inherit'], env: libpqEnv(url) });
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    fail(`pg_dump failed (exit ${result.status ?? result.signal}); nothing was kept.`);
  }
  renameSync(partial, target);
  console.log(`Backed up the PostgreSQL database → ${target} (pg_dump, custom format).`);
}

/** Restores `source` (a pg_dump custom-format file) over the database, in one transaction. */
export async function restorePostgres(url, source, fail) {
  const pgRestore = toolOrFail('pg_restore', fail);
  if (!existsSync(source)) fail(`there is no file ${source}.`);
  const list = spawnSync(pgRestore, ['--list', source], { encoding: 'utf8' });
  if (list.status !== 0 || !/ TABLE public "?Node"? /.test(list.stdout)) fail(`${source} is not a pg_dump of an Argmap database; nothing was changed.`);
  // A dump from another schema version cannot be restored over this one: --clean drops only what
  // the dump holds, and its migrations table would not match the tables left behind.
  const { committedMigrations } = await import('./migrate-postgres.mjs');
  const here = committedMigrations().map((m) => m.name);
  const there = migrationsIn(pgRestore, source);
  if (!there || there.join() !== here.join()) {
    fail(
      `${source} was taken at another schema version (its migrations: ${there ? there.join(', ') || 'none' : 'unreadable'}; this checkout: ${here.join(', ')}). ` +
        'Restore it with the Argmap version that made it, or into an empty database; nothing was changed.',
    );
  }
  const env = libpqEnv(url);
  const result = spawnSync(pgRestore, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', env.PGDATABASE, source], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (result.status !== 0)
    fail(`pg_restore failed (exit ${result.status ?? result.signal}); its one transaction was rolled back, so the database is as it was.`);
  console.log(`Restored ${source} into the PostgreSQL database. Restart the app instances so their caches start afresh.`);
}
