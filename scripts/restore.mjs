// `npm run restore FILE`: puts a backup (from `npm run backup`) in place of the database.
// 1. FILE must pass `PRAGMA integrity_check` and be an Argmap database, or nothing happens.
// 2. Nothing may have the database open, and not being able to tell counts as open: DATABASE_URL is
//    followed through symlinks to the real file, a process holding it (read from /proc) or an open
//    SQLite connection (it holds a lock) makes the restore refuse, and so does a system where /proc
//    cannot be read. Stop the server first.
// 3. The current database is kept aside first, as <database>.before-restore-<timestamp>, so a
//    restore can itself be undone with `npm run restore <that file>`.
// 4. FILE is copied next to the database (<database>.restoring), checked again, and renamed over it
//    in one step. Every copy is left in rollback mode, so no -wal or -shm file is left beside it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkCopy, copyDatabase, databaseFile, describeCounts, realFile, refusalIfInUse, timestamp } from './sqlite-files.mjs';

function fail(message) {
  console.error(`restore: ${message}`);
  process.exit(1);
}

function refuseIfInUse(database) {
  const refusal = refusalIfInUse(database);
  if (refusal) fail(`${refusal}\nThe database was not touched.`);
}

async function main() {
  const arg = process.argv[2];
  if (!arg) fail('name the backup to restore: npm run restore backups/argmap-<timestamp>.db');
  if (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL?.trim() ?? '')) {
    const { restorePostgres } = await import('./postgres-dump.mjs');
    await restorePostgres(process.env.DATABASE_URL.trim(), path.resolve(arg), fail);
    return;
  }
  const source = realFile(path.resolve(arg));
  const database = databaseFile();
  if (!existsSync(source)) fail(`there is no file ${source}.`);
  if (source === database) fail('that is the database itself.');

  const check = checkCopy(source);
  if (!check.ok) fail(`${source} cannot be restored: ${check.reason}. The database was not touched.`);
  refuseIfInUse(database);

  const incoming = `${database}.restoring`;
  // Another restore may be under way; a leftover of an interrupted one is not ours to delete unasked.
  if (existsSync(incoming)) fail(`${incoming} exists: another restore is running, or one was interrupted. Remove it, then run the restore again.`);

  let aside = null;
  if (existsSync(database)) {
    aside = `${database}.before-restore-${timestamp()}`;
    // Two restores within a second (undoing one at once) must not reuse the name, least of all the backup's own.
    for (let n = 2; existsSync(aside) || aside === source; n++) aside = `${database}.before-restore-${timestamp()}-${n}`;
    await copyDatabase(database, aside);
    const asideCheck = checkCopy(aside);
    if (!asideCheck.ok) fail(`could not keep the current database aside (${asideCheck.reason}); nothing was changed.`);
  }

  await copyDatabase(source, incoming);
  const incomingCheck = checkCopy(incoming);
  if (!incomingCheck.ok) {
    rmSync(incoming, { force: true });
    fail(`the copy of ${source} failed its check (${incomingCheck.reason}); the database was not touched.`);
  }
  // Once more, in case a server started meanwhile; then the old WAL and shared memory go (their
  // contents are in the copy kept aside), so SQLite cannot replay them onto the restored file.
  const refusal = refusalIfInUse(database);
  if (refusal) {
    rmSync(incoming, { force: true });
    fail(`${refusal}\nThe database was not touched.`);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
  renameSync(incoming, database);

  console.log(`Restored ${source} → ${database} (${describeCounts(incomingCheck.counts)}; integrity_check ok).`);
  if (aside) console.log(`The database it replaced is kept at ${aside}; to go back: npm run restore ${path.relative(process.cwd(), aside) || aside}`);
}

main().catch((error) => fail(error.message));
