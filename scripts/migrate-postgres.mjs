// Applies prisma/postgresql/migrations to the PostgreSQL database in DATABASE_URL. `prisma migrate
// deploy` cannot do it through the pg driver adapter (Prisma issue #27403: its WebAssembly schema
// engine cannot read PostgreSQL's `name` type), so this small runner does what it would:
// - each folder's migration.sql, in name order, in its own transaction, recorded with its checksum
//   in "_argmap_migrations";
// - under a session advisory lock, so instances that start together apply each file once;
// - it refuses to go on when a file that was already applied has changed since (a checksum differs)
//   or when the database has a migration this checkout does not know (an older checkout).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const POSTGRES_MIGRATIONS = path.join(root, 'prisma', 'postgresql', 'migrations');
/** The advisory lock key every Argmap instance takes to migrate (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 7_261_205_001;
export const MIGRATIONS_TABLE = '_argmap_migrations';

/** The committed migrations, oldest first: `{ name, sql, checksum }`. */
export function committedMigrations(folder = POSTGRES_MIGRATIONS) {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, 'migration.sql'), 'utf8');
      // Line endings do not count: a checkout with CRLF is the same migration.
      return { name, sql, checksum: createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex') };
    });
}

/**
 * Brings the database up to date; returns the names it applied. Throws (with a message saying what
 * to do) on a changed or unknown migration.
 */
export async function migratePostgres(url = process.env.DATABASE_URL, { log = console.log, folder = POSTGRES_MIGRATIONS } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`);
    const applied = new Map(rows.map((row) => [row.name, row.checksum]));
    const committed = committedMigrations(folder);
    const known = new Set(committed.map((m) => m.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new Error(
        `The database has migrations this checkout does not know (${unknown.join(', ')}): it was migrated by a newer Argmap. Update this checkout.`,
      );
    }
    const done = [];
    for (const migration of committed) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `prisma/postgresql/migrations/${migration.name}/migration.sql changed after it was applied to this database. ` +
              'Applied migrations must not be edited: restore the file and add a new migration instead.',
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${error.message}`);
      }
      log(`Applied migration ${migration.name}`);
      done.push(migration.name);
    }
    if (done.length === 0) log(`PostgreSQL schema is up to date (${committed.length} migrations).`);
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  migratePostgres().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
