// `npm run restore FILE`: puts a backup (from `npm run backup`) in place of the database.
// 1. FILE must pass `PRAGMA integrity_check` and be an Argmap database, or nothing happens.
// 2. Nothing may have the database open: a running server (any process holding the file, read from
//    /proc) makes it refuse and ask for the server to be stopped first.
// 3. The current database is kept aside first, as <database>.before-restore-<timestamp>, so a
//    restore can itself be undone with `npm run restore <that file>`.
// 4. FILE is copied next to the database, checked again, and renamed over it in one step.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkCopy, databaseFile, describeCounts, processesUsing, timestamp } from './sqlite-files.mjs';

function fail(message) {
  console.error(`restore: ${message}`);
  process.exit(1);
}

/** A consistent copy of `from` (with whatever its WAL holds) at `to`, through SQLite's backup API. */
async function copyDatabase(from, to) {
  if (existsSync(to) && !to.endsWith('.restoring')) throw new Error(`${to} already exists.`);
  rmSync(to, { force: true });
  const db = new Database(from, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(to);
  } finally {
    db.close();
  }
}

function refuseIfInUse(database) {
  const users = processesUsing(database);
  if (users === null) {
    console.warn('restore: cannot see which processes use the database here (no /proc); make sure the server is stopped.');
    return;
  }
  if (users.length > 0) {
    const list = users.map((u) => `  pid ${u.pid}: ${u.command || '?'}`).join('\n');
    fail(`the database ${database} is open in:\n${list}\nStop the server (and anything else using it) first, then run the restore again.`);
  }
}

async function main() {
  const arg = process.argv[2];
  if (!arg) fail('name the backup to restore: npm run restore backups/argmap-<timestamp>.db');
  const source = path.resolve(arg);
  const database = databaseFile();
  if (!existsSync(source)) fail(`there is no file ${source}.`);
  if (source === database) fail('that is the database itself.');

  const check = checkCopy(source);
  if (!check.ok) fail(`${source} cannot be restored: ${check.reason}. The database was not touched.`);
  refuseIfInUse(database);

  let aside = null;
  if (existsSync(database)) {
    aside = `${database}.before-restore-${timestamp()}`;
    // Two restores within a second (undoing one at once) must not reuse the name, least of all the backup's own.
    for (let n = 2; existsSync(aside) || aside === source; n++) aside = `${database}.before-restore-${timestamp()}-${n}`;
    await copyDatabase(database, aside);
    const asideCheck = checkCopy(aside);
    if (!asideCheck.ok) fail(`could not keep the current database aside (${asideCheck.reason}); nothing was changed.`);
  }

  const incoming = `${database}.restoring`;
  await copyDatabase(source, incoming);
  const incomingCheck = checkCopy(incoming);
  if (!incomingCheck.ok) {
    rmSync(incoming, { force: true });
    fail(`the copy of ${source} failed its check (${incomingCheck.reason}); the database was not touched.`);
  }
  // Once more, in case a server started meanwhile; then the old WAL and shared memory go (their
  // contents are in the copy kept aside), so SQLite cannot replay them onto the restored file.
  refuseIfInUse(database);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
  renameSync(incoming, database);

  console.log(`Restored ${source} → ${database} (${describeCounts(incomingCheck.counts)}; integrity_check ok).`);
  if (aside) console.log(`The database it replaced is kept at ${aside}; to go back: npm run restore ${path.relative(process.cwd(), aside) || aside}`);
}

main().catch((error) => fail(error.message));
