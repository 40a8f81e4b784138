// Shared by scripts/backup.mjs and scripts/restore.mjs: which database file the app uses, whether
// anything has it open, and how to copy and check a copy.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The database file DATABASE_URL names (default data/argmap.db), resolved as lib/db/database-url.ts
 * does and then through every symlink to the file itself: that is the file a server has open (what
 * /proc shows), and the one a restore must replace — renaming over a symlink would leave the server
 * writing to the old file while the new one sits at the link's path.
 */
export function databaseFile(env = process.env) {
  const raw = env.DATABASE_URL?.trim();
  return realFile(path.resolve(raw ? raw.replace(/^file:/, '') : path.join('data', 'argmap.db')));
}

/** `file` with every symlink on its way resolved; for a file that does not exist yet, its folder's. */
export function realFile(file) {
  for (const resolve of [() => realpathSync(file), () => path.join(realpathSync(path.dirname(file)), path.basename(file))]) {
    try {
      return resolve();
    } catch {
      // not there (yet): try the folder, else keep the path as given
    }
  }
  return file;
}

/** `2026-11-27T20-45-05` — a timestamp that sorts and is safe in file names. */
export function timestamp(date = new Date()) {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/**
 * Processes (other than this one) that have `file`, its WAL or its shared-memory file open, read
 * from `proc` (Linux's /proc; `file` as {@link realFile} gives it, since /proc shows real paths).
 * Returns `{ users: [{ pid, command }], unreadable: [pid] }` — `unreadable`: processes running as
 * this user whose open files could not be read — or null where there is no /proc to read.
 */
export function processesUsing(file, proc = '/proc') {
  if (!existsSync(path.join(proc, 'self', 'fd'))) return null;
  const targets = new Set([file, `${file}-wal`, `${file}-shm`, `${file}-journal`].map((f) => path.resolve(f)));
  const found = [];
  const unreadable = [];
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let fds;
    try {
      fds = readdirSync(path.join(proc, name, 'fd'));
    } catch {
      // Gone, or another user's (their SQLite connections are caught by the lock probe); one of our
      // own that cannot be read might have the file open.
      try {
        if (statSync(path.join(proc, name)).uid === process.getuid?.()) unreadable.push(Number(name));
      } catch {
        // gone meanwhile
      }
      continue;
    }
    const uses = fds.some((fd) => {
      try {
        return targets.has(readlinkSync(path.join(proc, name, 'fd', fd)));
      } catch {
        return false;
      }
    });
    if (uses) {
      let command = '';
      try {
        command = readFileSync(path.join(proc, name, 'cmdline'), 'utf8')
          .split('\0')
          .filter(Boolean)
          .join(' ');
      } catch {
        // gone meanwhile
      }
      found.push({ pid: Number(name), command });
    }
  }
  return { users: found, unreadable };
}

/**
 * Whether another SQLite connection has `file` open, asked of SQLite itself: leaving WAL mode needs
 * every other connection gone (an open one, even idle, holds a lock on the shared memory), so
 * `journal_mode = DELETE` fails at once with SQLITE_BUSY while a server has the database open —
 * whoever runs it and whatever /proc shows. When nothing has it open, the file is left in rollback
 * mode, its WAL folded in (the app turns WAL back on when it opens it).
 * Returns 'free', 'open', or a reason it could not tell.
 */
export function lockProbe(file) {
  if (!existsSync(file)) return 'free';
  let db;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    return 'free';
  } catch (error) {
    return error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED' ? 'open' : `SQLite could not lock it (${error.message})`;
  } finally {
    db?.close();
  }
}

/**
 * Why `file` must not be replaced now, or null when nothing has it open. Cannot tell is a refusal:
 * no /proc to read, one of this user's processes whose open files cannot be read, or a database
 * SQLite cannot lock.
 */
export function refusalIfInUse(file, { proc = '/proc' } = {}) {
  const seen = processesUsing(file, proc);
  if (seen === null) return `cannot see which processes have ${file} open here (no ${proc}). Stop the server, and run the restore where /proc can be read.`;
  if (seen.users.length > 0) {
    const list = seen.users.map((u) => `  pid ${u.pid}: ${u.command || '?'}`).join('\n');
    return `the database ${file} is open in:\n${list}\nStop the server (and anything else using it) first, then run the restore again.`;
  }
  if (seen.unreadable.length > 0)
    return `cannot tell whether processes ${seen.unreadable.join(', ')} have ${file} open (their open files cannot be read). Stop the server first.`;
  const probe = lockProbe(file);
  if (probe === 'open')
    return `the database ${file} is open in another process (SQLite holds it locked). Stop the server (and anything else using it) first, then run the restore again.`;
  if (probe !== 'free') return `cannot tell whether ${file} is in use: ${probe}.`;
  return null;
}

/** Pages copied per step of a backup after the first: all of them, so the copy is one read snapshot. */
const ALL_PAGES = 1_000_000_000;

/**
 * A consistent copy of the database `from` (with whatever its WAL holds) at `to`, through SQLite's
 * online backup API — the source's writers are not blocked meanwhile. The copy is left in rollback
 * mode, so opening it (to check it, or later) leaves no `-wal`/`-shm` files beside it; the app turns
 * WAL on when it opens a database. `to` must not exist.
 */
export async function copyDatabase(from, to) {
  if (existsSync(to)) throw new Error(`${to} already exists.`);
  const source = new Database(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(to, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new Database(to, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Opens `file` read-only and checks it: `PRAGMA integrity_check` must answer `ok` and the tables of an
 * Argmap database must be there. Returns `{ ok: true, counts }` or `{ ok: false, reason }`.
 */
export function checkCopy(file) {
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, reason: `integrity_check says: ${integrity}` };
    const tables = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    for (const table of ['ArgumentMap', 'Node', 'MapEvent', '_prisma_migrations']) {
      if (!tables.has(table)) return { ok: false, reason: `it has no ${table} table, so it is not an Argmap database` };
    }
    const count = (table) => db.prepare(`SELECT count(*) AS n FROM "${table}"`).get().n;
    return { ok: true, counts: { maps: count('ArgumentMap'), nodes: count('Node'), events: count('MapEvent') } };
  } catch (error) {
    return { ok: false, reason: error.message };
  } finally {
    db?.close();
  }
}

/** "3 maps, 120 points, 480 events" */
export function describeCounts({ maps, nodes, events }) {
  return `${maps} maps, ${nodes} points, ${events} events`;
}
