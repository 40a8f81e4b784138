import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { db } from './client';

/** What `GET /api/health` answers: whether the database answers, and whether its schema is current. */
export interface Health {
  /** `ok` when the database answered and every committed migration is applied. */
  status: 'ok' | 'error';
  database: {
    reachable: boolean;
    /** SQLite's `journal_mode` (`wal` when set up as `lib/db/client.ts` does); null when unreachable. */
    journalMode: string | null;
    /** SQLite's `synchronous` by name (`NORMAL`, `FULL`, …); null when unreachable. */
    synchronous: string | null;
  };
  migrations: {
    /** How many migrations the database has finished applying. */
    applied: number;
    /** Migration folders in `prisma/migrations` the database has not applied, oldest first. */
    pending: string[];
    /** `unknown` when the folder or the `_prisma_migrations` table could not be read. */
    state: 'up-to-date' | 'pending' | 'unknown';
  };
}

/** SQLite's `PRAGMA synchronous` answers a number; these are its names. */
const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

/** The committed migrations: the folders of `prisma/migrations` (relative to the project root). */
export async function committedMigrations(dir = path.join(process.cwd(), 'prisma', 'migrations')): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Checks the database: opens it (or reuses the open connection), reads its pragmas, and compares
 * the migrations Prisma recorded as finished with the folders in `prisma/migrations`. Never throws.
 */
export async function checkHealth(): Promise<Health> {
  const health: Health = {
    status: 'error',
    database: { reachable: false, journalMode: null, synchronous: null },
    migrations: { applied: 0, pending: [], state: 'unknown' },
  };
  let client;
  try {
    client = await db();
    const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [sync] = await client.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
    health.database = {
      reachable: true,
      journalMode: journal?.journal_mode ?? null,
      synchronous: sync ? (SYNCHRONOUS[Number(sync.synchronous)] ?? String(sync.synchronous)) : null,
    };
  } catch (error) {
    console.error('Health check: the database did not answer:', error);
    return health;
  }
  try {
    const rows = await client.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = (await committedMigrations()).filter((name) => !applied.has(name));
    health.migrations = { applied: applied.size, pending, state: pending.length === 0 ? 'up-to-date' : 'pending' };
  } catch (error) {
    console.error('Health check: could not compare migrations:', error);
  }
  health.status = health.migrations.state === 'up-to-date' ? 'ok' : 'error';
  return health;
}
