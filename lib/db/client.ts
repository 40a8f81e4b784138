import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/generated/prisma-pg/client';
import { databaseFile, databaseKind, databaseUrl, type DatabaseKind } from './database-url';
import { ArgmapSqliteAdapterFactory, exclusiveRead, exclusiveTransaction } from './sqlite-connection';
import { postgresSql, SLUG_LOCK_KEY, type Sql } from './sql';

/**
 * The process's database: one Prisma client, and plain SQL ({@link Sql}) beside it, on the database
 * that DATABASE_URL names (./database-url.ts).
 * - SQLite (the default): one better-sqlite3 connection shared by both; its pragmas, `BEGIN
 *   IMMEDIATE` transactions and the queueing of queries behind an open transaction are set up in
 *   ./sqlite-connection.ts (docs/architecture.md#sqlite).
 * - PostgreSQL: one pg pool shared by both ({@link POSTGRES_POOL_MAX} connections).
 */
export type { PrismaClient };

/** Connections each app instance opens to PostgreSQL (PostgreSQL's default limit is 100 in all). */
export const POSTGRES_POOL_MAX = 10;
/** How long a PostgreSQL query may wait for a free connection before failing, in ms. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

interface Connection {
  kind: DatabaseKind;
  client: PrismaClient;
  /** PostgreSQL only: the pool both Prisma and plain SQL use. */
  pool: pg.Pool | null;
}

async function connect(): Promise<Connection> {
  if (databaseKind() === 'postgresql') {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: POSTGRES_POOL_MAX, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
    // An idle connection the server dropped must not take the process down; the pool replaces it.
    pool.on('error', (error) => console.error('PostgreSQL connection error:', error.message));
    // The two generated clients have the same API (prisma/postgresql/schema.prisma is generated from
    // prisma/schema.prisma); the data layer is written against the SQLite one's types.
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
    await client.$connect();
    return { kind: 'postgresql', client, pool };
  }
  const file = databaseFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const client = new PrismaClient({ adapter: new ArgmapSqliteAdapterFactory(file) });
  await client.$connect();
  // Open the adapter's connection now ($connect alone may leave it for the first query), so the
  // plain-SQL paths (sqlTransaction, sqlRead) have it from the start.
  await client.$queryRawUnsafe('SELECT 1');
  return { kind: 'sqlite', client, pool: null };
}

const globalForDb = globalThis as unknown as { argmapDb?: Promise<Connection> };

function connection(): Promise<Connection> {
  globalForDb.argmapDb ??= connect();
  return globalForDb.argmapDb;
}

/** The one Prisma client of this process (cached on globalThis so dev reloads reuse it). */
export async function db(): Promise<PrismaClient> {
  return (await connection()).client;
}

/** PostgreSQL's pool, or null on SQLite (for LISTEN/NOTIFY, health and shutdown). */
export async function postgresPool(): Promise<pg.Pool | null> {
  return (await connection()).pool;
}

/**
 * A write transaction in plain SQL: on SQLite one `BEGIN IMMEDIATE` on the process's connection, in
 * its turn with Prisma's queries; on PostgreSQL one pooled connection from BEGIN to COMMIT. Throwing
 * rolls everything back.
 */
export async function sqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const { pool } = await connection();
  if (!pool) return exclusiveTransaction(work);
  return onOneConnection(pool, 'BEGIN', work);
}

/**
 * A write transaction on one map: {@link sqlTransaction} with the map's row lock taken first
 * ({@link Sql.lockMap}), so its checks see every earlier write and its events commit in id order.
 * On PostgreSQL the writes of one map on this instance also wait their turn here, before taking a
 * pooled connection: waiting on the row lock inside the database would hold a connection each, and
 * a class writing to one map at once could take all {@link POSTGRES_POOL_MAX} from every other map's
 * readers and writers. So one map holds at most one of this instance's connections at a time.
 */
export async function mapTransaction<T>(mapId: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const locked = async (sql: Sql) => {
    await sql.lockMap(mapId);
    return work(sql);
  };
  const { pool } = await connection();
  if (!pool) return exclusiveTransaction(locked);
  return inTurn(mapId, () => onOneConnection(pool, 'BEGIN', locked));
}

/** The last piece of work queued for each map on this instance (see {@link mapTransaction}); gone when it is done. */
const turns = new Map<string, Promise<void>>();

/** Runs `work` after every piece of work queued before it under `key` has ended, however it ended. */
async function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const mine = (turns.get(key) ?? Promise.resolve()).then(work);
  const tail = mine.then(
    () => undefined,
    () => undefined,
  );
  turns.set(key, tail);
  try {
    return await mine;
  } finally {
    if (turns.get(key) === tail) turns.delete(key);
  }
}

/**
 * Reads in plain SQL, as one snapshot: every statement of `work` sees the database as of the same
 * moment, so a reader that reads a map's log position, points and steps in turn never pairs a step
 * with points from before it. On SQLite `work` runs in its turn with Prisma's queries (no write of
 * this process falls between its statements); on PostgreSQL in one read-only REPEATABLE READ
 * transaction on one pooled connection.
 */
export async function sqlRead<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const { pool } = await connection();
  if (!pool) return exclusiveRead(work);
  return onOneConnection(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
}

/** `work` between `begin` and COMMIT on one pooled PostgreSQL connection; throwing rolls back. */
async function onOneConnection<T>(pool: pg.Pool, begin: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(postgresSql(client, pg.types));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The transaction client Prisma passes to `$transaction(async (tx) => …)`. */
export type PrismaTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** {@link Sql.lockSlugs} inside a Prisma transaction: before choosing a free slug for a new map or document. */
export async function lockSlugChoice(tx: PrismaTransaction): Promise<void> {
  if ((await connection()).kind === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SLUG_LOCK_KEY})`);
}

/** Closes the database connections (graceful shutdown). */
export async function disconnect(): Promise<void> {
  const open = globalForDb.argmapDb;
  if (!open) return;
  delete globalForDb.argmapDb;
  const { client, pool } = await open;
  await client.$disconnect();
  await pool?.end();
}
