import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { beforeAll, inject } from 'vitest';
import { connect, dropDatabase, numberedPlaceholders, POSTGRES_ADMIN_URL, postgresUrl, quoteIdent, withAdmin } from './postgres';

/**
 * Whether this run is on PostgreSQL (ARGMAP_TEST_POSTGRES_URL is set: `npm run test:postgres`)
 * rather than SQLite. Tests of SQLite itself (its file, its pragmas) skip on it.
 */
export const onPostgres = POSTGRES_ADMIN_URL !== undefined;

/** Row counts of every table, the newest event id, and a number that changes whenever anything commits. */
export interface Snapshot {
  counts: Record<string, number>;
  maxEventId: number;
  /**
   * Changes whenever another connection commits a write, updates included. SQLite: `PRAGMA
   * data_version` on the harness's own connection. PostgreSQL: the sum of every row's `xmin` (the
   * transaction that wrote that version of the row) over every table of this database — any
   * committed insert, update or delete changes it; reads and rolled-back writes do not, nor does
   * anything in the cluster's other databases (which `pg_current_wal_lsn()` or the transaction
   * counter would count: test files run in parallel on one cluster).
   */
  dataVersion: number;
}

/**
 * Portable SQL for both databases: every identifier double-quoted (`"Node"`, `"mapId"`), `?`
 * placeholders, no functions of one database only. Values read back are the same on both: numbers
 * (COUNT(*) too), booleans as true/false, DateTime columns as Dates; a Date parameter is written as
 * Prisma writes it (ISO 8601 in UTC).
 */
export interface Queries {
  one<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  run(sql: string, ...params: unknown[]): Promise<void>;
}

export interface ThrowawayDatabase extends Queries {
  /** The DATABASE_URL the app was pointed at. */
  url: string;
  /** Runs `work` in one transaction on the harness's connection (committed, or rolled back if it throws). Use only `db` inside it. */
  transaction(work: (db: Queries) => Promise<void>): Promise<void>;
  /** Every table's name, sorted. */
  tables(): Promise<string[]>;
  snapshot(): Promise<Snapshot>;
  /** Closes the harness's connection and removes the database. */
  cleanup(): Promise<void>;
}

/** A Date as Prisma writes it to SQLite (`2026-01-01T00:00:00.000+00:00`); PostgreSQL reads the same text. */
const isoDate = (date: Date) => date.toISOString().replace(/Z$/, '+00:00');

/**
 * Gives this test file its own copy of the migrated and seeded database and points the app at it
 * (DATABASE_URL, set now, before any route is imported; the cached client is dropped). Returns
 * async queries on a separate connection of the harness's own, snapshots, and a cleanup.
 *
 * SQLite: a copy of the template file, read through better-sqlite3. PostgreSQL: a new database made
 * from the template database (`CREATE DATABASE … TEMPLATE`) in a `beforeAll` this registers (the
 * app connects on its first query, which comes later), read through a `pg.Client`.
 */
export function throwawayDatabase(label: string): ThrowawayDatabase {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  return onPostgres ? postgresDatabase(label) : sqliteDatabase(label);
}

function sqliteDatabase(label: string): ThrowawayDatabase {
  const file = path.join(os.tmpdir(), `argmap-apitest-${label}-${process.pid}-${Date.now()}.db`);
  copyFileSync(inject('templateDatabase'), file);
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  delete (globalThis as { argmapDb?: unknown }).argmapDb;
  const reader = new Database(file);
  reader.pragma('journal_mode = WAL');
  reader.pragma('busy_timeout = 5000');
  const tables = (
    reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);

  /** Each statement once, with what turns its BOOLEAN and DATETIME columns into booleans and Dates. */
  const statements = new Map<string, { statement: Database.Statement; convert: (row: Record<string, unknown>) => Record<string, unknown> }>();
  function prepared(sql: string) {
    let entry = statements.get(sql);
    if (!entry) {
      const statement = reader.prepare(sql);
      const typed = statement.reader
        ? statement
            .columns()
            .map(({ name, type }) => ({ name, type: type?.toUpperCase() }))
            .filter(({ type }) => type === 'BOOLEAN' || type === 'DATETIME')
        : [];
      const convert = (row: Record<string, unknown>) => {
        for (const { name, type } of typed) {
          const value = row[name];
          if (value === null || value === undefined) continue;
          row[name] = type === 'BOOLEAN' ? Boolean(value) : sqliteDate(value);
        }
        return row;
      };
      entry = { statement, convert };
      statements.set(sql, entry);
    }
    return entry;
  }
  const bind = (params: unknown[]) => params.map((p) => (p instanceof Date ? isoDate(p) : typeof p === 'boolean' ? Number(p) : p));
  const queries: Queries = {
    async one<T>(sql: string, ...params: unknown[]) {
      const { statement, convert } = prepared(sql);
      if (!statement.reader) {
        statement.run(...bind(params));
        return undefined;
      }
      const row = statement.get(...bind(params)) as Record<string, unknown> | undefined;
      return row && (convert(row) as T);
    },
    async all<T>(sql: string, ...params: unknown[]) {
      const { statement, convert } = prepared(sql);
      if (!statement.reader) {
        statement.run(...bind(params));
        return [];
      }
      return (statement.all(...bind(params)) as Record<string, unknown>[]).map((row) => convert(row) as T);
    },
    async run(sql: string, ...params: unknown[]) {
      prepared(sql).statement.run(...bind(params));
    },
  };

  return {
    url,
    ...queries,
    // The queries above never wait for anything outside this connection, so no other code runs on
    // it while the transaction is open (as with better-sqlite3's own `transaction`).
    async transaction(work) {
      reader.exec('BEGIN');
      try {
        await work(queries);
        reader.exec('COMMIT');
      } catch (error) {
        if (reader.inTransaction) reader.exec('ROLLBACK');
        throw error;
      }
    },
    async tables() {
      return [...tables];
    },
    async snapshot() {
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const maxEventId = (reader.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM "MapEvent"').get() as { id: number }).id;
      const dataVersion = reader.pragma('data_version', { simple: true }) as number;
      return { counts, maxEventId, dataVersion };
    },
    async cleanup() {
      reader.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    },
  };
}

/** A DATETIME as SQLite holds it (Prisma's ISO text, `CURRENT_TIMESTAMP`'s UTC text without a zone, or epoch ms) as a Date. */
function sqliteDate(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(value)) return new Date(`${value.replace(' ', 'T')}Z`);
  return new Date(value as string | number);
}

let made = 0;

function postgresDatabase(label: string): ThrowawayDatabase {
  // PostgreSQL folds names to lower case and keeps 63 bytes of them.
  const suffix = `_${inject('postgresRun')}_${process.pid}_${++made}`;
  const name = `argmap_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63 - suffix.length) + suffix;
  const url = postgresUrl(name);
  process.env.DATABASE_URL = url;
  delete (globalThis as { argmapDb?: unknown }).argmapDb;
  delete (globalThis as { argmapPg?: unknown }).argmapPg;

  let client: pg.Client | undefined;
  let tables: string[] = [];
  let snapshotSql = '';
  let ready: Promise<pg.Client> | undefined;
  const setup = () =>
    (ready ??= (async () => {
      await withAdmin((admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(inject('templateDatabase'))}`));
      client = await connect(url);
      tables = (await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()')).rows
        .map((t) => t.name)
        .sort();
      // One statement, so one consistent view: per table its rows and the sum of their xmin, and the newest event.
      snapshotSql = [
        ...tables.map(
          (table) => `SELECT ${quoteLiteral(table)} AS t, COUNT(*)::bigint AS n, COALESCE(SUM(xmin::text::bigint), 0)::bigint AS v FROM ${quoteIdent(table)}`,
        ),
        `SELECT '' AS t, 0::bigint AS n, COALESCE(MAX(id), 0)::bigint AS v FROM "MapEvent"`,
      ].join(' UNION ALL ');
      return client;
    })());
  // Before any test or hook of the file: the database exists when the app first connects.
  beforeAll(async () => {
    await setup();
  });

  const bind = (params: unknown[]) => params.map((p) => (p instanceof Date ? isoDate(p) : p));
  const on = (connection: () => Promise<pg.Client>): Queries => {
    const query = async (sql: string, params: unknown[]) => {
      const c = await connection();
      try {
        return await c.query(numberedPlaceholders(sql), bind(params));
      } catch (error) {
        if (error instanceof Error) error.message += `\n  in: ${sql}`;
        throw error;
      }
    };
    return {
      one: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
      all: async <T>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows as T[],
      run: async (sql: string, ...params: unknown[]) => void (await query(sql, params)),
    };
  };

  return {
    url,
    ...on(setup),
    async transaction(work) {
      const c = await setup();
      await c.query('BEGIN');
      try {
        await work(on(async () => c));
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    },
    async tables() {
      await setup();
      return [...tables];
    },
    async snapshot() {
      const c = await setup();
      const counts: Record<string, number> = {};
      let maxEventId = 0;
      let dataVersion = 0;
      for (const { t, n, v } of (await c.query<{ t: string; n: number; v: number }>(snapshotSql)).rows) {
        if (t === '') maxEventId = v;
        else {
          counts[t] = n;
          dataVersion += v;
        }
      }
      return { counts, maxEventId, dataVersion };
    },
    async cleanup() {
      if (!ready) return;
      await ready.catch(() => undefined);
      await client?.end();
      await releaseAppConnections();
      await withAdmin((admin) => dropDatabase(admin, name));
    },
  };
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Closes the app's cached client and pool (lib/db/client.ts) before its database is dropped under it. */
async function releaseAppConnections() {
  const cache = globalThis as { argmapDb?: Promise<{ $disconnect(): Promise<void> }>; argmapPg?: unknown };
  try {
    await (await cache.argmapDb)?.$disconnect();
  } catch {
    // never connected, or already closed
  }
  try {
    const pool = (await cache.argmapPg) as { end?: () => Promise<void> } | undefined;
    await pool?.end?.();
  } catch {
    // already ended
  }
  delete cache.argmapDb;
  delete cache.argmapPg;
}
