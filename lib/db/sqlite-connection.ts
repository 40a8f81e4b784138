import type Database from 'better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteSql, type Sql } from './sql';

/**
 * How the server's one SQLite connection is opened and used (lib/db/client.ts). Kept apart from
 * client.ts, which is `server-only`, so unit tests and scripts can open connections the same way.
 */

/** `synchronous` levels Argmap accepts: NORMAL (default) or FULL (every commit survives a power loss). */
export type SynchronousLevel = 'NORMAL' | 'FULL';

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY, in ms. */
export const BUSY_TIMEOUT_MS = 5000;

/** The `synchronous` level from SQLITE_SYNCHRONOUS: `FULL` (any case) → FULL, anything else → NORMAL. */
export function synchronousLevel(env: Record<string, string | undefined> = process.env): SynchronousLevel {
  return env.SQLITE_SYNCHRONOUS?.trim().toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL';
}

/**
 * The pragmas every connection gets, in order. They are per connection (better-sqlite3 opens with
 * SQLite's defaults: rollback journal unless the file is already WAL, synchronous FULL, no busy
 * timeout, foreign keys off), so they are set on each one when it opens:
 * - `journal_mode = WAL`: readers never block the writer and the writer never blocks readers;
 * - `synchronous`: NORMAL — a commit is durable against a process crash, a power loss may undo the
 *   last ones; FULL — fsync on every commit, durable against power loss too;
 * - `busy_timeout`: another process holding the write lock (a script) is waited for, not failed;
 * - `foreign_keys = ON`: the schema's relations are enforced.
 */
export function connectionPragmas(synchronous: SynchronousLevel = synchronousLevel()): string[] {
  return ['journal_mode = WAL', `synchronous = ${synchronous}`, `busy_timeout = ${BUSY_TIMEOUT_MS}`, 'foreign_keys = ON'];
}

/** Sets {@link connectionPragmas} on a better-sqlite3 connection and checks that WAL took. */
export function configureConnection(connection: Database.Database, synchronous: SynchronousLevel = synchronousLevel()): void {
  for (const pragma of connectionPragmas(synchronous)) connection.pragma(pragma);
  const mode = connection.pragma('journal_mode', { simple: true });
  if (String(mode).toLowerCase() !== 'wal') throw new Error(`SQLite refused WAL mode (journal_mode is ${String(mode)}).`);
}

/**
 * A one-at-a-time gate: `acquire` resolves with a release function once every earlier holder has
 * released. Used to keep top-level queries out of an open interactive transaction.
 */
class Gate {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return ready;
  }
}

/** The better-sqlite3 connection inside the Prisma adapter (a public field of its JS class, not in its types). */
function connectionOf(adapter: SqlDriverAdapter): Database.Database {
  const connection = (adapter as unknown as { client?: Database.Database }).client;
  if (!connection || typeof connection.prepare !== 'function') throw new Error('The better-sqlite3 adapter no longer exposes its connection.');
  return connection;
}

/** Prepared statements kept per connection for the plain-SQL paths (bounded: multi-row inserts and position updates build one per batch length). */
export const KEPT_STATEMENTS_MAX = 256;

/**
 * The connection as the synchronous paths see it: `prepare` keeps each statement by its SQL (least
 * recently used out past {@link KEPT_STATEMENTS_MAX}), everything else is the connection's own.
 * Prisma's queries use the connection itself, so a statement kept here is never put in another
 * mode (`raw`, `safeIntegers`) by them; the synchronous paths use none.
 */
function keptStatements(connection: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let statement = kept.get(source);
    if (statement) kept.delete(source);
    else statement = connection.prepare(source);
    kept.set(source, statement);
    if (kept.size > KEPT_STATEMENTS_MAX) kept.delete(kept.keys().next().value!);
    return statement;
  };
  return new Proxy(connection, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

type ExclusiveRunner = <T>(work: (sql: Sql) => Promise<T>, write: boolean) => Promise<T>;
// On globalThis, like the Prisma client in ./client.ts: the server may load this module more than
// once (one copy per route bundle), but there is one connection per process.
const runner = globalThis as unknown as { argmapExclusiveRunner?: ExclusiveRunner; argmapSqliteConnection?: Database.Database };

/** The app's open SQLite connection, if this process opened one (for the checkpoint on shutdown). */
export function openSqliteConnection(): Database.Database | undefined {
  return runner.argmapSqliteConnection?.open ? runner.argmapSqliteConnection : undefined;
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction on the app's connection, in its turn with
 * Prisma's queries and transactions (the same gate): for hot write paths, where a few kept
 * statements cost a fraction of the same work as Prisma queries. Every statement of {@link Sql} on
 * SQLite is synchronous underneath, so `work` holds the connection only for its own statements and
 * the little code between them; throwing rolls everything back. Call after the Prisma client has
 * connected (`db()` in ./client.ts does both).
 */
export function exclusiveTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  if (!runner.argmapExclusiveRunner) throw new Error('The database connection is not open yet.');
  return runner.argmapExclusiveRunner(work, true);
}

/** Like {@link exclusiveTransaction}, for reads: `work` runs in its turn, outside any transaction. */
export function exclusiveRead<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  if (!runner.argmapExclusiveRunner) throw new Error('The database connection is not open yet.');
  return runner.argmapExclusiveRunner(work, false);
}

/**
 * Prisma's better-sqlite3 adapter (6.19) holds ONE connection per client. Its interactive
 * transactions take an in-process mutex and run a plain (deferred) `BEGIN` on that connection; its
 * top-level queries do not take the mutex, so a query from another request that runs while a
 * transaction is open (between its awaits) would run *inside* it — reading its uncommitted rows and,
 * for a write, being rolled back with it. This wraps the adapter so that:
 * 1. the connection gets {@link connectionPragmas} as soon as it opens;
 * 2. transactions begin with `BEGIN IMMEDIATE`: the write lock is taken at the start, so a write
 *    transaction waits (busy_timeout) for another process's writer before doing anything and can
 *    never fail with SQLITE_BUSY half-way, when it upgrades from reading to writing;
 * 3. top-level queries queue behind an open transaction (first come, first served: a steady stream of
 *    writes cannot starve a read), so they run before or after it, never in it.
 */
export class ArgmapSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSQLite3;

  constructor(
    file: string,
    private readonly synchronous: SynchronousLevel = synchronousLevel(),
  ) {
    this.inner = new PrismaBetterSQLite3({ url: `file:${file}` });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    const connection = connectionOf(adapter);
    configureConnection(connection, this.synchronous);

    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((source: string) => prepare(source.trim().toUpperCase() === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as typeof connection.prepare;

    runner.argmapSqliteConnection = connection;
    const gate = new Gate();
    // The same connection for the plain-SQL paths (see `exclusiveTransaction`), in turn, with its
    // statements kept (`keptStatements`): compiling each statement on every write took a fifth of a
    // write's time.
    const sql = sqliteSql(keptStatements(connection));
    const beginWrite = connection.prepare('BEGIN IMMEDIATE');
    const commitWrite = connection.prepare('COMMIT');
    const rollbackWrite = connection.prepare('ROLLBACK');
    runner.argmapExclusiveRunner = async (work, write) => {
      const release = await gate.acquire();
      try {
        if (!write) return await work(sql);
        beginWrite.run();
        try {
          const result = await work(sql);
          commitWrite.run();
          return result;
        } catch (error) {
          if (connection.inTransaction) rollbackWrite.run();
          throw error;
        }
      } finally {
        release();
      }
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await gate.acquire();
      let transaction: Transaction;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(release);
      transaction.rollback = () => rollback().finally(release);
      return transaction;
    };
    for (const method of ['queryRaw', 'executeRaw', 'executeScript'] as const) {
      const original = (adapter[method] as (arg: never) => Promise<unknown>).bind(adapter);
      (adapter as unknown as Record<string, (arg: never) => Promise<unknown>>)[method] = async (arg) => {
        const release = await gate.acquire();
        try {
          return await original(arg);
        } finally {
          release();
        }
      };
    }
    return adapter;
  }
}
