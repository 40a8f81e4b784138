/**
 * PostgreSQL helpers of the API tests' harness, shared by the global setup (main process) and
 * ./database.ts (test workers): no vitest imports here. The suite runs on PostgreSQL when
 * ARGMAP_TEST_POSTGRES_URL names a superuser connection to a throwaway cluster
 * (`npm run test:postgres` starts one: scripts/postgres-cluster.mjs).
 */
import pg from 'pg';

/** `postgresql://postgres@127.0.0.1:55432/postgres`, or undefined when the suite runs on SQLite. */
export const POSTGRES_ADMIN_URL = process.env.ARGMAP_TEST_POSTGRES_URL || undefined;

/** The admin URL with its database replaced by `database`. */
export function postgresUrl(database: string, admin = POSTGRES_ADMIN_URL): string {
  if (!admin) throw new Error('ARGMAP_TEST_POSTGRES_URL is not set.');
  const url = new URL(admin);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** `"name"` with any `"` doubled: a database name as an SQL identifier. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The values tests read, the same on both databases: COUNT(*) (int8) and SUM (numeric) as numbers,
 * as better-sqlite3 gives them; `timestamp` (Prisma's DateTime, stored in UTC without a zone) as a
 * Date read as UTC, not local time; JSON as its text. Set on this harness's clients only, never on
 * `pg.types`, which the app's own pool shares.
 */
const PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8
  1700: Number, // numeric
  1114: (value) => new Date(`${value.replace(' ', 'T')}Z`), // timestamp without time zone
  114: (value) => value, // json
  3802: (value) => value, // jsonb
};

export const harnessTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A connected client to `url` with the harness's parsers. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: harnessTypes });
  await client.connect();
  return client;
}

/**
 * Rewrites the portable `?` placeholders to PostgreSQL's `$1..$n`, leaving any `?` inside a string
 * literal, a quoted identifier or a comment alone.
 */
export function numberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1; // a doubled quote ('' or "") just starts the next quoted run
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') out += `$${++n}`;
    else out += c;
  }
  return out;
}

/** Drops `database`, ending any session still on it first. */
export async function dropDatabase(admin: pg.Client, database: string): Promise<void> {
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
}

/** Runs `work` with a connection to the cluster's admin database, then closes it. */
export async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  if (!POSTGRES_ADMIN_URL) throw new Error('ARGMAP_TEST_POSTGRES_URL is not set.');
  const admin = await connect(POSTGRES_ADMIN_URL);
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
