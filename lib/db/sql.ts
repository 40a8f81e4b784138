import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { DatabaseKind } from './database-url';

/**
 * Plain SQL on either database, for the paths where Prisma's awaited queries cost too much (adding a
 * point, saving positions, importing a map, the per-request lookups). Statements are written once,
 * for both: every identifier double-quoted (PostgreSQL folds unquoted names to lower case), `?`
 * placeholders (numbered for PostgreSQL here), no functions only one database has — where the two
 * differ, the difference is a method of {@link Sql} (`among`, `lockMap`). Values are normalised both
 * ways: booleans and dates go in as each database wants them, and integers come out as numbers.
 */
export interface Sql {
  readonly kind: DatabaseKind;
  /** The first row, or undefined. */
  one<T>(text: string, ...values: unknown[]): Promise<T | undefined>;
  all<T>(text: string, ...values: unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(text: string, ...values: unknown[]): Promise<number>;
  /**
   * `column IN (the ids)` as one bound value, whatever the list's length (no database limit on
   * bound values is met): SQLite reads the ids from a JSON array, PostgreSQL from a text[].
   */
  among(column: string, ids: readonly string[]): { sql: string; value: unknown };
  /**
   * Takes the map's row lock until the transaction ends, so the map's writers go one at a time:
   * its checks ("one thesis", "map is full") see every earlier write, and its events commit in the
   * order of their ids (a reader's cursor never skips one). PostgreSQL: `SELECT … FOR UPDATE`;
   * SQLite: nothing to do, `BEGIN IMMEDIATE` already serializes every writer.
   */
  lockMap(mapId: string): Promise<void>;
  /**
   * Takes the lock on choosing new slugs until the transaction ends, so two imports or copies of
   * the same title (on any instance) cannot both pick the same free slug. PostgreSQL: a transaction
   * advisory lock; SQLite: nothing to do (`BEGIN IMMEDIATE`).
   */
  lockSlugs(): Promise<void>;
}

/** The advisory lock key {@link Sql.lockSlugs} takes on PostgreSQL (any fixed number). */
export const SLUG_LOCK_KEY = 7_261_205_002;

/** A timestamp as Prisma writes DateTime columns to SQLite (ISO 8601 with a +00:00 offset). */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** A DateTime column as read by plain SQL (SQLite: ISO text; PostgreSQL: a Date) → a Date. */
export function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

const sqliteValue = (value: unknown): unknown => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return sqliteTimestamp(value);
  return value;
};

/** {@link Sql} over a better-sqlite3 connection (its statements kept by the connection, see sqlite-connection.ts). */
export function sqliteSql(connection: Database.Database): Sql {
  const statement = (text: string) => connection.prepare(text).safeIntegers(false);
  return {
    kind: 'sqlite',
    one: async <T>(text: string, ...values: unknown[]) => statement(text).get(...values.map(sqliteValue)) as T | undefined,
    all: async <T>(text: string, ...values: unknown[]) => statement(text).all(...values.map(sqliteValue)) as T[],
    run: async (text, ...values) => connection.prepare(text).run(...values.map(sqliteValue)).changes,
    among: (column, ids) => ({ sql: `${column} IN (SELECT value FROM json_each(?))`, value: JSON.stringify(ids) }),
    lockMap: async () => {},
    lockSlugs: async () => {},
  };
}

/** `?` placeholders → `$1…$n` (statements never hold a literal `?`: values are always bound). */
const numbered = new Map<string, string>();
const NUMBERED_MAX = 512;
function numberPlaceholders(text: string): string {
  let out = numbered.get(text);
  if (out === undefined) {
    let n = 0;
    out = text.replace(/\?/g, () => `$${++n}`);
    if (numbered.size >= NUMBERED_MAX) numbered.delete(numbered.keys().next().value!);
    numbered.set(text, out);
  }
  return out;
}

/** int8 (COUNT, SUM) → number: every count Argmap reads is far below 2^53. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** TIMESTAMP (without time zone), as Prisma's schema makes every DateTime column. */
const TIMESTAMP_OID = 1114;

/**
 * How values are read: counts as numbers, and timestamps as UTC — the columns hold UTC, as Prisma
 * writes them; pg would read them as the server process's local time.
 */
function pgTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
      if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
      return types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Dates go in as UTC text (pg would send the process's local time, which a TIMESTAMP column keeps without its offset). */
const postgresValue = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** {@link Sql} over a pg client (a pool for reads, one checked-out client inside a transaction). */
export function postgresSql(client: pg.Pool | pg.PoolClient, types: typeof pg.types): Sql {
  const config = pgTypes(types);
  const query = (text: string, values: unknown[]) => client.query({ text: numberPlaceholders(text), values: values.map(postgresValue), types: config });
  return {
    kind: 'postgresql',
    one: async <T>(text: string, ...values: unknown[]) => (await query(text, values)).rows[0] as T | undefined,
    all: async <T>(text: string, ...values: unknown[]) => (await query(text, values)).rows as T[],
    run: async (text, ...values) => (await query(text, values)).rowCount ?? 0,
    among: (column, ids) => ({ sql: `${column} = ANY(?::text[])`, value: ids }),
    lockMap: async (mapId) => {
      await query('SELECT 1 FROM "ArgumentMap" WHERE "id" = ? FOR UPDATE', [mapId]);
    },
    lockSlugs: async () => {
      await query('SELECT pg_advisory_xact_lock(?)', [SLUG_LOCK_KEY]);
    },
  };
}
