// Shared by scripts/backup.mjs and scripts/restore.mjs: which database file the app uses, which
// processes have it open, and how to check a copy.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The database file DATABASE_URL names (default data/argmap.db), resolved as lib/db/database-url.ts does. */
export function databaseFile(env = process.env) {
  const raw = env.DATABASE_URL?.trim();
  return path.resolve(raw ? raw.replace(/^file:/, '') : path.join('data', 'argmap.db'));
}

/** `2026-11-27T20-45-05` — a timestamp that sorts and is safe in file names. */
export function timestamp(date = new Date()) {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

/**
 * Processes (other than this one) that have `file`, its WAL or its shared-memory file open, read
 * from /proc (Linux). Returns `[{ pid, command }]`, or null where there is no /proc to read.
 */
export function processesUsing(file) {
  if (!existsSync('/proc/self/fd')) return null;
  const targets = new Set([file, `${file}-wal`, `${file}-shm`, `${file}-journal`].map((f) => path.resolve(f)));
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let fds;
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    const uses = fds.some((fd) => {
      try {
        return targets.has(readlinkSync(`/proc/${name}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (uses) {
      let command = '';
      try {
        command = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      } catch {
        // gone meanwhile
      }
      found.push({ pid: Number(name), command });
    }
  }
  return found;
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
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
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
