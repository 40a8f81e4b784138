import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { db, postgresPool } from './client';
import { databaseKind, type DatabaseKind } from './database-url';

/** What `GET /api/health` answers: whether the database answers, and whether its schema is current. */
export interface Health {
  /** `ok` when the database answered and every committed migration is applied. */
  status: 'ok' | 'error';
  database: {
    /** Which database DATABASE_URL names. */
    kind: DatabaseKind;
    reachable: boolean;
    /** PostgreSQL's `server_version` (e.g. `15.18 (Debian …)`); null on SQLite or when unreachable. */
    serverVersion: string | null;
    /** SQLite's `journal_mode` (`wal` when set up as `lib/db/client.ts` does); null when unreachable. */
    journalMode: string | null;
    /** SQLite's `synchronous` by name (`NORMAL`, `FULL`, …); null when unreachable. */
    synchronous: string | null;
  };
  migrations: {
    /** How many migrations the database has finished applying. */
    applied: number;
    /** Migration folders (`prisma/migrations`, or `prisma/postgresql/migrations`) the database has not applied, oldest first. */
    pending: string[];
    /** `unknown` when the folder or the table of applied migrations (`_prisma_migrations`, `_argmap_migrations`) could not be read. */
    state: 'up-to-date' | 'pending' | 'unknown';
  };
}

/** SQLite's `PRAGMA synchronous` answers a number; these are its names. */
const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

/** The committed migrations: the folders of `prisma/migrations` (relative to the project root). */
export async function committedMigrations(kind: DatabaseKind = databaseKind()): Promise<string[]> {
  const dir = kind === 'postgresql' ? path.join(process.cwd(), 'prisma', 'postgresql', 'migrations') : path.join(process.cwd(), 'prisma', 'migrations');
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
    database: { kind: databaseKind(), reachable: false, serverVersion: null, journalMode: null, synchronous: null },
    migrations: { applied: 0, pending: [], state: 'unknown' },
  };
  if (health.database.kind === 'postgresql') return checkPostgres(health);
  let client;
  try {
    client = await db();
    const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [sync] = await client.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
    health.database = {
      kind: 'sqlite',
      reachable: true,
      serverVersion: null,
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

/** {@link checkHealth} on PostgreSQL: the server's version, and the migrations scripts/migrate-postgres.mjs recorded. */
async function checkPostgres(health: Health): Promise<Health> {
  let pool;
  try {
    pool = (await postgresPool())!;
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    health.database = { kind: 'postgresql', reachable: true, serverVersion: rows[0]?.server_version ?? null, journalMode: null, synchronous: null };
  } catch (error) {
    console.error('Health check: the database did not answer:', error);
    return health;
  }
  try {
    const { rows } = await pool.query<{ name: string }>('SELECT "name" FROM "_argmap_migrations"');
    const applied = new Set(rows.map((r) => r.name));
    const pending = (await committedMigrations('postgresql')).filter((name) => !applied.has(name));
    health.migrations = { applied: applied.size, pending, state: pending.length === 0 ? 'up-to-date' : 'pending' };
  } catch (error) {
    console.error('Health check: could not compare migrations:', error);
  }
  health.status = health.migrations.state === 'up-to-date' ? 'ok' : 'error';
  return health;
}
