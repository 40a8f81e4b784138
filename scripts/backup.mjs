// `npm run backup [FILE]`: a consistent copy of the live database, taken while the server keeps
// serving and writing (SQLite's online backup API through better-sqlite3), to FILE or to
// backups/argmap-<timestamp>.db. The copy is written under a temporary name, checked with
// `PRAGMA integrity_check`, and only then given its name.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkCopy, databaseFile, describeCounts, timestamp } from './sqlite-files.mjs';

/** Pages copied per step after the first: all of them, so the copy is one read snapshot and a write in between cannot restart it. */
const ALL_PAGES = 1_000_000_000;

function fail(message) {
  console.error(`backup: ${message}`);
  process.exit(1);
}

async function main() {
  const source = databaseFile();
  const target = path.resolve(process.argv[2] ?? path.join('backups', `argmap-${timestamp()}.db`));
  if (!existsSync(source)) fail(`there is no database at ${source} (set DATABASE_URL).`);
  if (existsSync(target)) fail(`${target} already exists; name another file.`);
  if (target === source) fail('the backup cannot be the database itself.');
  mkdirSync(path.dirname(target), { recursive: true });

  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // In WAL mode the backup reads a snapshot: the server's writers are not blocked meanwhile.
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
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
