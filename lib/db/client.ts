import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaClient } from '@/generated/prisma/client';
import { databaseFile } from './database-url';
import type Database from 'better-sqlite3';
import { ArgmapSqliteAdapterFactory, exclusiveRead, exclusiveTransaction } from './sqlite-connection';

/**
 * One Prisma client per process over one better-sqlite3 connection. The connection's pragmas (WAL,
 * `synchronous` NORMAL or FULL with SQLITE_SYNCHRONOUS=FULL, busy_timeout, foreign keys), its
 * `BEGIN IMMEDIATE` transactions and the queueing of top-level queries behind an open transaction
 * are set up in ./sqlite-connection.ts; docs/architecture.md#sqlite explains why.
 */
async function connect(): Promise<PrismaClient> {
  const file = databaseFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const client = new PrismaClient({ adapter: new ArgmapSqliteAdapterFactory(file) });
  await client.$connect();
  // Open the adapter's connection now ($connect alone may leave it for the first query), so the
  // synchronous paths in writeTransaction/readNow have it from the start.
  await client.$queryRawUnsafe('SELECT 1');
  return client;
}

const globalForDb = globalThis as unknown as { argmapDb?: Promise<PrismaClient> };

/** The one Prisma client of this process (cached on globalThis so dev reloads reuse it). */
export function db(): Promise<PrismaClient> {
  globalForDb.argmapDb ??= connect();
  return globalForDb.argmapDb;
}

/**
 * A synchronous write transaction on the process's one connection, taking its turn with Prisma's
 * queries: the hot write path (adding a point) in a handful of prepared statements.
 */
export async function writeTransaction<T>(work: (connection: Database.Database) => T): Promise<T> {
  await db();
  return exclusiveTransaction(work);
}

/** A synchronous read on the process's one connection, in its turn: for lookups on every request. */
export async function readNow<T>(work: (connection: Database.Database) => T): Promise<T> {
  await db();
  return exclusiveRead(work);
}
