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

/** Dumps the database to `target` (written as target.partial, renamed when pg_dump succeeded). */
export function backupPostgres(url, target, fail) {
  const pgDump = toolOrFail('pg_dump', fail);
  if (existsSync(target)) fail(`${target} already exists; name another file.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const result = spawnSync(pgDump, ['--format=custom', '--no-owner', '--file', partial, '--dbname', url], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    fail(`pg_dump failed (exit ${result.status ?? result.signal}); nothing was kept.`);
  }
  renameSync(partial, target);
  console.log(`Backed up the PostgreSQL database → ${target} (pg_dump, custom format).`);
}

/** Restores `source` (a pg_dump custom-format file) over the database, in one transaction. */
export function restorePostgres(url, source, fail) {
  const pgRestore = toolOrFail('pg_restore', fail);
  if (!existsSync(source)) fail(`there is no file ${source}.`);
  const list = spawnSync(pgRestore, ['--list', source], { encoding: 'utf8' });
  if (list.status !== 0 || !/ TABLE public "?Node"? /.test(list.stdout)) fail(`${source} is not a pg_dump of an Argmap database; nothing was changed.`);
  const result = spawnSync(pgRestore, ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', url, source], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    fail(`pg_restore failed (exit ${result.status ?? result.signal}); its one transaction was rolled back, so the database is as it was.`);
  console.log(`Restored ${source} into the PostgreSQL database. Restart the app instances so their caches start afresh.`);
}
