import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/generated/prisma/client';
import { databaseFile } from './database-url';

/**
 * Connection pragmas, set explicitly because better-sqlite3's defaults differ per connection:
 * WAL so readers never block the writer, NORMAL sync (an acknowledged write survives a process
 * crash; a power loss may lose the last transactions — set SQLITE_SYNCHRONOUS=FULL to trade
 * throughput for that), and a busy timeout so a second process waits instead of failing.
 */
const PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  `PRAGMA synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`,
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
];

async function connect(): Promise<PrismaClient> {
  const file = databaseFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  // The adapter holds one better-sqlite3 connection, so pragmas set here apply to every query.
  for (const pragma of PRAGMAS) await client.$queryRawUnsafe(pragma);
  return client;
}

const globalForDb = globalThis as unknown as { argmapDb?: Promise<PrismaClient> };

/** The one Prisma client of this process (cached on globalThis so dev reloads reuse it). */
export function db(): Promise<PrismaClient> {
  globalForDb.argmapDb ??= connect();
  return globalForDb.argmapDb;
}
