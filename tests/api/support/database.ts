import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inject } from 'vitest';

/** Row counts of every table, the newest event id, and SQLite's commit counter as another connection sees it. */
export interface Snapshot {
  counts: Record<string, number>;
  maxEventId: number;
  /** `PRAGMA data_version`: changes whenever another connection commits, so it catches updates too. */
  dataVersion: number;
}

/**
 * Gives this test file its own copy of the migrated and seeded database and points the app at it
 * (DATABASE_URL, set before any route is imported; the cached client is dropped). Returns a
 * separate read connection for snapshots, and a cleanup.
 */
export function throwawayDatabase(label: string) {
  const file = path.join(os.tmpdir(), `argmap-apitest-${label}-${process.pid}-${Date.now()}.db`);
  copyFileSync(inject('templateDatabase'), file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  delete (globalThis as { argmapDb?: unknown }).argmapDb;
  const reader = new Database(file);
  reader.pragma('journal_mode = WAL');
  reader.pragma('busy_timeout = 5000');
  const tables = (
    reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);

  function snapshot(): Snapshot {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const maxEventId = (reader.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM "MapEvent"').get() as { id: number }).id;
    const dataVersion = reader.pragma('data_version', { simple: true }) as number;
    return { counts, maxEventId, dataVersion };
  }

  function cleanup() {
    reader.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  }

  return { file, reader, tables, snapshot, cleanup };
}
