// `npm run backup [FILE]`: a consistent copy of the live database, taken while the server keeps
// serving and writing (SQLite's online backup API through better-sqlite3), to FILE or to
// backups/argmap-<timestamp>.db. The copy is written under a temporary name (FILE.partial), checked
// with `PRAGMA integrity_check`, and only then given its name; it is left in rollback mode, so
// nothing (no -wal or -shm file) is left beside it.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkCopy, copyDatabase, databaseFile, describeCounts, timestamp } from './sqlite-files.mjs';

function fail(message) {
  console.error(`backup: ${message}`);
  process.exit(1);
}

async function main() {
  if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL?.trim() ?? '')) {
    const { backupPostgres } = await import('./postgres-dump.mjs');
    backupPostgres(process.env.DATABASE_URL.trim(), path.resolve(process.argv[2] ?? path.join('backups', `argmap-${timestamp()}.dump`)), fail);
    return;
  }
  const source = databaseFile();
  const target = path.resolve(process.argv[2] ?? path.join('backups', `argmap-${timestamp()}.db`));
  if (!existsSync(source)) fail(`there is no database at ${source} (set DATABASE_URL).`);
  if (existsSync(target)) fail(`${target} already exists; name another file.`);
  if (target === source) fail('the backup cannot be the database itself.');
  mkdirSync(path.dirname(target), { recursive: true });

  const partial = `${target}.partial`;
  // Another backup to the same name may be under way; a leftover of an interrupted one is not ours to delete unasked.
  if (existsSync(partial))
    fail(`${partial} exists: another backup to ${target} is running, or one was interrupted. Remove it (or name another file), then run the backup again.`);
  try {
    // In WAL mode the backup reads a snapshot: the server's writers are not blocked meanwhile.
    await copyDatabase(source, partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const check = checkCopy(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    fail(`the copy failed its check (${check.reason}); nothing was kept.`);
  }
  renameSync(partial, target);
  console.log(`Backed up ${source} → ${target} (${describeCounts(check.counts)}; integrity_check ok).`);
  console.log(`Restore it with: npm run restore ${path.relative(process.cwd(), target) || target}`);
}

main().catch((error) => fail(error.message));
